package io.litgraph.query.format;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The standard formats documents can be exported in, with their media types. */
public enum Format {
    BIOCJSON("application/json", BioCJsonWriter::new),
    BIOCXML("application/xml", BioCXmlWriter::new),
    PUBTATOR("text/plain; charset=UTF-8", PubTatorWriter::new);

    private final String mediaType;
    private final Function<OutputStream, DocumentWriter> writer;

    Format(String mediaType, Function<OutputStream, DocumentWriter> writer) {
        this.mediaType = mediaType;
        this.writer = writer;
    }

    public String mediaType() {
        return mediaType;
    }

    public DocumentWriter writer(OutputStream out) {
        return writer.apply(out);
    }

    public static Optional<Format> parse(String name) {
        return Arrays.stream(values()).filter(f -> f.name().equals(name.trim().toUpperCase(Locale.ROOT))).findFirst();
    }

    public static String names() {
        return String.join("|", Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
    }
}
