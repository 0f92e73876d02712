package io.litgraph.ingest.format;

/** The input formats ingest-service understands; the name is stored with the document. */
public enum Format {
    JSON("json"), TEXT("text"), MARKDOWN("markdown"), HTML("html"), PUBMED_XML("pubmed"), JATS_XML("jats"),
    BIOC_XML("bioc-xml"), BIOC_JSON("bioc-json"), PUBTATOR("pubtator");

    private final String label;

    Format(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Formats whose body is a set of documents; they always answer with a list of results. */
    public boolean multiDocument() {
        return this == PUBMED_XML || this == BIOC_XML || this == BIOC_JSON || this == PUBTATOR;
    }
}
