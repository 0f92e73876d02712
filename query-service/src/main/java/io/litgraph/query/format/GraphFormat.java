package io.litgraph.query.format;

import java.util.Arrays;
import java.util.Optional;

/** The shapes of the whole-graph export. */
public enum GraphFormat {
    KGX_JSONL("kgx-jsonl", "jsonl", "application/x-ndjson"),
    KGX_TSV("kgx-tsv", "tsv", "text/tab-separated-values"),
    /** one row per edge with both ends' names and categories: for spreadsheets, not a KGX file */
    CSV("csv", "csv", "text/csv");

    public static final String ZIP = "application/zip";

    private final String name;
    private final String extension;
    private final String mediaType;

    GraphFormat(String name, String extension, String mediaType) {
        this.name = name;
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public boolean kgx() {
        return this != CSV;
    }

    public static Optional<GraphFormat> parse(String raw) {
        return Arrays.stream(values()).filter(f -> f.name.equalsIgnoreCase(raw.trim())).findFirst();
    }

    public static String names() {
        return Arrays.toString(Arrays.stream(values()).map(f -> f.name).toArray());
    }
}
