package io.litgraph.events;

/** One passage (title, abstract, a section) with its document-global start offset. */
public record PassagePayload(String type, int offset, String text) {
}
