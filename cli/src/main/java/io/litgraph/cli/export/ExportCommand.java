package io.litgraph.cli.export;

import io.litgraph.cli.StackUrls;
import io.litgraph.cli.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams GET /api/graph/export into files: the KGX zip is unpacked on the fly into nodes.* and edges.*
 * (one snapshot for both), csv goes to edges.csv. Nothing is held in memory; each file is written under a
 * temporary name and moved into place when complete, so an interrupted export leaves no half file that
 * looks whole.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export the whole graph of a running stack as KGX (nodes + edges files) or CSV into a folder.")
public class ExportCommand implements Callable<Integer> {

    enum Format {
        KGX_JSONL("kgx-jsonl"), KGX_TSV("kgx-tsv"), CSV("csv");

        final String parameter;

        Format(String parameter) {
            this.parameter = parameter;
        }
    }

    @Mixin
    StackUrls urls;

    @Option(names = "--format", defaultValue = "kgx-jsonl", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "kgx-jsonl, kgx-tsv or csv (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write into (created when missing)")
    Path out;

    @Option(names = "--min-documents", paramLabel = "N", description = "least supporting documents of an edge")
    Integer minDocuments;

    @Option(names = "--types", split = ",", paramLabel = "TYPE", description = "entity types of nodes and of both ends of edges")
    List<String> types;

    @Option(names = "--since", paramLabel = "DATE", description = "edges with a document published on or after (yyyy[-MM[-dd]])")
    String since;

    @Option(names = "--no-progress", description = "no progress line on stderr")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.parameter.equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of kgx-jsonl, kgx-tsv, csv");
        }
    }

    @Override
    public Integer call() throws IOException {
        String url = urls.query + "/api/graph/export?" + query();
        Files.createDirectories(out);
        PrintWriter err = spec.commandLine().getErr();
        ExportProgress progress = new ExportProgress(err, !noProgress && System.console() != null);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new UserException("not reachable: " + urls.query);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new UserException(url + " answered " + response.statusCode() + ": "
                        + new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
            List<Path> written = new ArrayList<>();
            if (format == Format.CSV) {
                written.add(copy(body, "edges.csv", progress));
            } else {
                ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    String name = Path.of(entry.getName()).getFileName().toString(); // never outside --out
                    written.add(copy(zip, name, progress));
                }
            }
            progress.finish();
            for (Path p : written) {
                spec.commandLine().getOut().println(p);
            }
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private Path copy(InputStream in, String name, ExportProgress progress) throws IOException {
        Path target = out.resolve(name);
        Path partial = out.resolve(name + ".partial");
        progress.start(name.substring(0, name.indexOf('.') < 0 ? name.length() : name.indexOf('.')));
        byte[] buffer = new byte[1 << 16];
        try (OutputStream file = Files.newOutputStream(partial)) {
            int n;
            while (true) {
                try {
                    n = in.read(buffer);
                } catch (IOException e) {
                    // the service ended the stream early (e.g. its database went away mid-export)
                    throw new UserException("the export stream broke off during " + name + " (" + e.getMessage()
                            + "); what arrived is in " + partial, e);
                }
                if (n <= 0) {
                    break;
                }
                file.write(buffer, 0, n);
                progress.bytes(buffer, n);
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private String query() {
        StringBuilder q = new StringBuilder("format=").append(format.parameter);
        if (minDocuments != null) {
            q.append("&minDocuments=").append(minDocuments);
        }
        if (types != null) {
            for (String t : types) {
                q.append("&types=").append(URLEncoder.encode(t, StandardCharsets.UTF_8));
            }
        }
        if (since != null) {
            q.append("&since=").append(URLEncoder.encode(since, StandardCharsets.UTF_8));
        }
        return q.toString();
    }
}
