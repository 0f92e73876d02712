package io.litgraph.query.service;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.AnnotationEvent.MentionPayload;
import io.litgraph.events.AnnotationEvent.RelationPayload;
import io.litgraph.events.AnnotationEvent.SpanPayload;
import io.litgraph.events.PassagePayload;

import java.util.List;

/** Checks what storage and the API rely on: ids present, every span inside the document text. */
public final class EventValidator {

    private EventValidator() {
    }

    public static void check(AnnotationEvent event) {
        if (event == null) {
            throw new InvalidEventException("empty event");
        }
        if (event.documentId() == null || event.documentId().isBlank()) {
            throw new InvalidEventException("documentId is missing");
        }
        if (event.document() == null) {
            throw new InvalidEventException("document is missing");
        }
        int length = textLength(event.document().passages());
        for (SpanPayload s : orEmpty(event.sentences())) {
            span("sentence", s, length);
        }
        for (MentionPayload m : orEmpty(event.mentions())) {
            if (m.start() < 0 || m.end() < m.start() || m.end() > length) {
                throw new InvalidEventException("mention [" + m.start() + "," + m.end() + ") is outside the text (length " + length + ")");
            }
        }
        for (RelationPayload r : orEmpty(event.relations())) {
            if (r.type() == null || r.subjectId() == null || r.objectId() == null) {
                throw new InvalidEventException("relation without type, subjectId or objectId");
            }
            span("relation trigger", r.trigger(), length);
            span("relation sentence", r.sentence(), length);
            span("relation subject", r.subject(), length);
            span("relation object", r.object(), length);
        }
    }

    private static void span(String what, SpanPayload s, int length) {
        if (s != null && (s.start() < 0 || s.end() < s.start() || s.end() > length)) {
            throw new InvalidEventException(what + " [" + s.start() + "," + s.end() + ") is outside the text (length " + length + ")");
        }
    }

    private static int textLength(List<PassagePayload> passages) {
        int length = 0;
        for (PassagePayload p : orEmpty(passages)) {
            if (p.text() != null) {
                length = Math.max(length, p.offset() + p.text().length());
            }
        }
        return length;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
