package io.litgraph.nlp;

/**
 * A piece of a document (title, abstract, a section). {@code offset} is where the passage starts in the
 * document's coordinate system, as in BioC: every span the engine returns is document-global.
 */
public record Passage(String type, int offset, String text) {
    public int end() {
        return offset + text.length();
    }
}
