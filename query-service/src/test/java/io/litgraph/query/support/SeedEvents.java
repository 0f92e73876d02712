package io.litgraph.query.support;

import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.AnnotationEvent.SpanPayload;
import io.litgraph.events.DocumentPayload;
import io.litgraph.events.PassagePayload;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;
import io.litgraph.nlp.Span;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** AnnotationEvents made the way entity-service makes them: the seeds run through the builtin engine. */
public final class SeedEvents {
    private static final Path SEEDS = Path.of("../seeds");

    private SeedEvents() {
    }

    public static List<AnnotationEvent> all() throws IOException {
        Engine engine = Engine.builtin();
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().map(f -> {
                try {
                    return annotate(engine, "seed-" + f.getFileName().toString().substring(0, 3), Files.readString(f));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    /** First non-blank line as title, the rest as body: the PubTator layout. */
    static AnnotationEvent annotate(Engine engine, String id, String content) {
        String trimmed = content.strip();
        int newline = trimmed.indexOf('\n');
        String title = newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
        String body = newline < 0 ? "" : trimmed.substring(newline + 1).strip();
        return annotate(engine, id, title, body, "seed", "2023-0" + (1 + Math.abs(id.hashCode() % 9)));
    }

    /** The event entity-service would publish for this title and body. */
    public static AnnotationEvent annotate(Engine engine, String id, String title, String body, String source,
                                           String published) {
        InputDocument input = InputDocument.of(id, title, body);
        AnnotatedDocument out = engine.annotate(input);
        List<PassagePayload> passages = input.passages().stream()
                .map((Passage p) -> new PassagePayload(p.type(), p.offset(), p.text())).toList();
        DocumentPayload doc = new DocumentPayload(title, passages, source, null, published,
                List.of(), List.of(source), Map.of());
        return new AnnotationEvent(AnnotationEvent.SCHEMA_VERSION, UUID.randomUUID().toString(), id, 1, Instant.now(),
                new AnnotationEvent.EngineInfo("litgraph-nlp", engine.engineVersion(), engine.vocabularyVersion()), doc,
                out.sentences().stream().map(SeedEvents::span).toList(),
                out.concepts().stream().map(c -> new AnnotationEvent.ConceptPayload(c.id(), c.type().name(), c.name(),
                        c.xrefs())).toList(),
                out.mentions().stream().map(m -> new AnnotationEvent.MentionPayload(m.start(), m.end(), m.text(),
                        m.type().name(), m.conceptId(), m.negated(), m.speculative())).toList(),
                out.relations().stream().map(r -> new AnnotationEvent.RelationPayload(r.type(), r.subjectId(),
                        r.objectId(), r.directed(), span(r.trigger()), span(r.sentence()), span(r.subject()),
                        span(r.object()), r.negated(), r.speculative(), r.confidence())).toList());
    }

    private static SpanPayload span(Span s) {
        return s == null ? null : new SpanPayload(s.start(), s.end(), s.text());
    }
}
