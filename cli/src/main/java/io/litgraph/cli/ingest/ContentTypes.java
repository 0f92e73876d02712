package io.litgraph.cli.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how a file is sent to ingest-service: its Content-Type, from the extension and, where the
 * extension is ambiguous, from the first bytes. The types are the ones ingest-service documents.
 */
public final class ContentTypes {
    public static final String TEXT = "text/plain";
    public static final String MARKDOWN = "text/markdown";
    public static final String HTML = "text/html";
    /** PubMed, JATS and BioC XML: ingest-service tells them apart by the root element. */
    public static final String XML = "application/xml";
    public static final String JSON = "application/json";
    public static final String BIOC_JSON = "application/bioc+json";
    public static final String PUBTATOR = "application/x-pubtator";
    /** One JSON document per line, for the batch endpoint. */
    public static final String NDJSON = "application/x-ndjson";

    private static final int SNIFF_BYTES = 4096;
    private static final Pattern XML_ROOT = Pattern.compile("<(?![?!])([A-Za-z_][\\w.:-]*)");
    private static final Pattern JSON_DOCUMENTS = Pattern.compile("^\\s*\\{[^{}\\[]*?\"(documents|PubTator3)\"\\s*:\\s*\\[");

    private ContentTypes() {
    }

    /** How to upload one file: the Content-Type and whether it goes to the batch endpoint. */
    public record Upload(String contentType, boolean batch) {
    }

    /** @return empty when the file is not something ingest-service reads (it is then skipped) */
    public static Optional<Upload> detect(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        return Optional.ofNullable(switch (ext) {
            case "txt", "text" -> new Upload(head(file).startsWith("---") ? MARKDOWN : TEXT, false);
            case "md", "markdown" -> new Upload(MARKDOWN, false);
            case "html", "htm", "xhtml" -> new Upload(HTML, false);
            case "xml", "nxml" -> new Upload(xmlType(head(file)), false);
            case "json" -> new Upload(JSON_DOCUMENTS.matcher(head(file)).find() ? BIOC_JSON : JSON, false);
            case "ndjson", "jsonl" -> new Upload(NDJSON, true);
            case "pubtator", "pubtator3" -> new Upload(PUBTATOR, false);
            default -> null;
        });
    }

    /**
     * XML is sent as application/xml whatever its root: ingest-service sniffs PubmedArticleSet, article
     * (JATS) and collection (BioC). An XHTML page is the exception: it is HTML.
     */
    static String xmlType(String head) {
        Matcher root = XML_ROOT.matcher(head);
        if (root.find() && root.group(1).equalsIgnoreCase("html")) {
            return HTML;
        }
        return XML;
    }

    /** The first few KB as text, without a byte-order mark. */
    static String head(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SNIFF_BYTES);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
