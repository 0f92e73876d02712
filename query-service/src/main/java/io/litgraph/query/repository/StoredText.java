package io.litgraph.query.repository;

import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;

import java.util.Comparator;
import java.util.List;

/**
 * The document text as one string in which every passage sits at its document-global offset, so that
 * annotation offsets can be applied to it directly. Gaps between passages become newlines.
 */
record StoredText(String title, String text) {

    static StoredText of(DocumentPayload doc) {
        List<PassagePayload> passages = doc.passages() == null ? List.of() : doc.passages().stream()
                .filter(p -> p.text() != null)
                .sorted(Comparator.comparingInt(PassagePayload::offset)).toList();
        StringBuilder text = new StringBuilder();
        for (PassagePayload passage : passages) {
            if (passage.offset() < 0) {
                throw new IllegalArgumentException("passage offset " + passage.offset() + " is negative");
            }
            if (passage.offset() < text.length()) {
                // overlapping passages: the later one wins from its offset on
                text.setLength(passage.offset());
            }
            while (text.length() < passage.offset()) {
                text.append('\n');
            }
            text.append(passage.text());
        }
        String title = doc.title();
        if (title == null || title.isBlank()) {
            title = passages.stream().filter(p -> "title".equalsIgnoreCase(p.type()))
                    .map(PassagePayload::text).findFirst().orElse("");
        }
        return new StoredText(title, text.toString());
    }
}
