package io.litgraph.query.support;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.AnnotationEvent.ConceptPayload;
import io.litgraph.events.AnnotationEvent.MentionPayload;
import io.litgraph.events.AnnotationEvent.RelationPayload;
import io.litgraph.events.AnnotationEvent.SpanPayload;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds AnnotationEvents by hand: mentions are located by their text, so offsets are always right. */
public final class TestEvents {
    private final String id;
    private final int version;
    private final String title;
    private final String body;
    private final String text;
    private final List<MentionPayload> mentions = new ArrayList<>();
    private final Map<String, ConceptPayload> concepts = new LinkedHashMap<>();
    private final List<RelationPayload> relations = new ArrayList<>();
    private String published = "2024-05-01";

    private TestEvents(String id, int version, String title, String body) {
        this.id = id;
        this.version = version;
        this.title = title;
        this.body = body;
        this.text = title + "\n" + body;
    }

    public static TestEvents document(String id, int version, String title, String body) {
        return new TestEvents(id, version, title, body);
    }

    private String engineVersion = "0.0.1";
    private String vocabularyVersion = "test-vocab";

    /** The engine and vocabulary version the event claims it was annotated with. */
    public TestEvents engine(String engineVersion, String vocabularyVersion) {
        this.engineVersion = engineVersion;
        this.vocabularyVersion = vocabularyVersion;
        return this;
    }

    public TestEvents published(String date) {
        this.published = date;
        return this;
    }

    public TestEvents concept(String conceptId, String type, String name, String... xrefs) {
        concepts.put(conceptId, new ConceptPayload(conceptId, type, name, List.of(xrefs)));
        return this;
    }

    /** Every occurrence of {@code surface} becomes a mention of {@code conceptId}. */
    public TestEvents mention(String surface, String conceptId) {
        return mention(surface, conceptId, false);
    }

    public TestEvents mention(String surface, String conceptId, boolean negated) {
        int from = 0;
        int at;
        boolean found = false;
        while ((at = text.indexOf(surface, from)) >= 0) {
            String type = concepts.get(conceptId).type();
            mentions.add(new MentionPayload(at, at + surface.length(), surface, type, conceptId, negated, false));
            from = at + surface.length();
            found = true;
        }
        if (!found) {
            throw new IllegalArgumentException("'" + surface + "' is not in the text");
        }
        return this;
    }

    /** A relation whose evidence is the sentence containing both surfaces; the trigger word is located in it. */
    public TestEvents relation(String type, String subjectSurface, String subjectId, String trigger,
                               String objectSurface, String objectId, boolean negated) {
        return relation(type, subjectSurface, subjectId, trigger, objectSurface, objectId, negated, false, 0.8);
    }

    /** The same with the engine's speculation flag and confidence given. */
    public TestEvents relation(String type, String subjectSurface, String subjectId, String trigger,
                               String objectSurface, String objectId, boolean negated, boolean speculative,
                               double confidence) {
        int s = text.indexOf(subjectSurface);
        int o = text.indexOf(objectSurface, s);
        int sentenceStart = Math.max(text.lastIndexOf(". ", s) + 2, text.lastIndexOf('\n', s) + 1);
        int sentenceEnd = text.indexOf('.', o) + 1;
        int t = trigger == null ? -1 : text.indexOf(trigger, s);
        relations.add(new RelationPayload(type, subjectId, objectId, true,
                t < 0 ? null : new SpanPayload(t, t + trigger.length(), trigger),
                new SpanPayload(sentenceStart, sentenceEnd, text.substring(sentenceStart, sentenceEnd)),
                new SpanPayload(s, s + subjectSurface.length(), subjectSurface),
                new SpanPayload(o, o + objectSurface.length(), objectSurface), negated, speculative, confidence));
        return this;
    }

    public AnnotationEvent build() {
        List<SpanPayload> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '.' && (i + 1 == text.length() || text.charAt(i + 1) == ' '))) {
                int end = c == '.' ? i + 1 : i;
                if (end > start) {
                    sentences.add(new SpanPayload(start, end, text.substring(start, end)));
                }
                start = c == '.' ? i + 2 : i + 1;
            }
        }
        if (start < text.length()) {
            sentences.add(new SpanPayload(start, text.length(), text.substring(start)));
        }
        DocumentPayload doc = new DocumentPayload(title, List.of(new PassagePayload("title", 0, title),
                new PassagePayload("abstract", title.length() + 1, body)), "test", "https://example.org/" + id,
                published, List.of("A. Author"), List.of("test"), Map.of("journal", "Test Journal"));
        return new AnnotationEvent(AnnotationEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), id, version,
                Instant.now(), new AnnotationEvent.EngineInfo("test-engine", engineVersion, vocabularyVersion), doc, sentences,
                new ArrayList<>(concepts.values()), mentions, relations);
    }
}
