package io.litgraph.entity.messaging;

import io.litgraph.entity.service.AnnotationService;
import io.litgraph.entity.service.EngineLoader;
import io.litgraph.events.AnnotationEvent;
import io.litgraph.events.DeadLetterEvent;
import io.litgraph.events.DocumentEvent;
import io.litgraph.events.DocumentStatusEvent;
import io.litgraph.events.EventJson;
import io.litgraph.events.Topics;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.InputDocument;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.litgraph.entity.KafkaTestClient.awaitRecord;
import static io.litgraph.entity.KafkaTestClient.send;
import static io.litgraph.entity.KafkaTestClient.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@link Error} from the engine on one document (here a StackOverflowError) dead-letters that document
 * and the pipeline goes on with the next ones on the same partition and the same key's lane.
 */
@QuarkusTest
@TestProfile(EngineErrorTest.ErrorOnOneDocument.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = true, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.ANNOTATIONS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
class EngineErrorTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final String POISON_PREFIX = "overflow-";

    public static class ErrorOnOneDocument implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(OverflowingAnnotationService.class);
        }

        /** One lane: the documents after the bad one wait on the very lane and slot it held. */
        @Override
        public java.util.Map<String, String> getConfigOverrides() {
            return java.util.Map.of("litgraph.pipeline.lanes", "1");
        }
    }

    /** The real engine, except that a document whose id starts with {@link #POISON_PREFIX} overflows the stack. */
    @Alternative
    @ApplicationScoped
    public static class OverflowingAnnotationService extends AnnotationService {
        @Inject
        public OverflowingAnnotationService(EngineLoader loader, MeterRegistry registry) {
            super(loader, registry);
        }

        /** For the client proxy of an application-scoped bean only. */
        protected OverflowingAnnotationService() {
            super(null, null);
        }

        @Override
        public AnnotatedDocument annotate(InputDocument document, String source) {
            if (document.id().startsWith(POISON_PREFIX)) {
                return recurse(document, source, 0);
            }
            return super.annotate(document, source);
        }

        /** A real StackOverflowError, not one constructed by hand. */
        private AnnotatedDocument recurse(InputDocument document, String source, int depth) {
            AnnotatedDocument deeper = recurse(document, source, depth + 1);
            return depth < 0 ? deeper : null;
        }
    }

    @Test
    void anErrorOnOneDocumentDeadLettersItAndTheNextDocumentsAreAnnotated() throws Exception {
        String key = "next-" + UUID.randomUUID();
        String poisonId = POISON_PREFIX + UUID.randomUUID();
        // one partition and one lane: every document after the bad one waits behind it
        send(Topics.DOCUMENTS, 0, poisonId, EventJson.write(DocumentPipelineTest.seedEvent(poisonId, 1)), DocumentEvent.TYPE);
        List<String> next = List.of(key + "-a", key + "-b", key + "-c");
        for (String id : next) {
            send(Topics.DOCUMENTS, 0, id, EventJson.write(DocumentPipelineTest.seedEvent(id, 1)), DocumentEvent.TYPE);
        }
        send(Topics.DOCUMENTS, 0, poisonId, EventJson.write(DocumentPipelineTest.seedEvent(poisonId, 2)), DocumentEvent.TYPE);
        String after = key + "-after";
        send(Topics.DOCUMENTS, 0, after, EventJson.write(DocumentPipelineTest.seedEvent(after, 1)), DocumentEvent.TYPE);

        for (String id : next) {
            AnnotationEvent annotated = value(awaitRecord(Topics.ANNOTATIONS, r -> id.equals(r.key()), TIMEOUT), AnnotationEvent.class);
            assertEquals(id, annotated.documentId());
            assertTrue(!annotated.mentions().isEmpty(), "the real engine annotated " + id);
        }
        assertEquals(after, value(awaitRecord(Topics.ANNOTATIONS, r -> after.equals(r.key()), TIMEOUT), AnnotationEvent.class)
                .documentId(), "a second Error on the same key's lane does not stall it either");

        DeadLetterEvent dead = value(awaitRecord(Topics.DEAD_LETTER, r -> poisonId.equals(r.key()), TIMEOUT), DeadLetterEvent.class);
        assertEquals(StackOverflowError.class.getName(), dead.errorClass());
        assertEquals(Topics.DOCUMENTS, dead.sourceTopic());
        DocumentStatusEvent failed = value(awaitRecord(Topics.STATUS,
                r -> poisonId.equals(r.key()) && value(r, DocumentStatusEvent.class).stage() == DocumentStatusEvent.Stage.FAILED,
                TIMEOUT), DocumentStatusEvent.class);
        assertTrue(failed.detail().startsWith("StackOverflowError"), failed.detail());
    }
}
