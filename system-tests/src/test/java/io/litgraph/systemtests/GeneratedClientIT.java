package io.litgraph.systemtests;

import io.litgraph.client.ingest.model.DocumentInput;
import io.litgraph.client.ingest.model.DocumentStatus;
import io.litgraph.client.ingest.model.Submission;
import io.litgraph.client.ingest.model.SubmissionResult;
import io.litgraph.client.query.model.DocumentDetail;
import io.litgraph.client.query.model.RelationEvidence;
import io.litgraph.client.query.model.RelationEvidencePage;
import io.litgraph.client.query.model.RelationView;
import io.litgraph.client.query.model.SearchPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The REST contract as a client generator sees it: the classes under {@code io.litgraph.client.*} are generated
 * at build time by OpenAPI Generator from the OpenAPI documents ingest-service and query-service publish (see
 * the system-tests pom), and nothing here adds to them. The ingest client sends the API key only because the
 * contract declares the bearer scheme on the write; the query client needs none.
 */
@ExtendWith(RunningStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientIT {
    private static final String ID = "generated-client-check";
    private static final String TEXT = "Interleukin-6 promotes insulin resistance in adipose tissue. "
            + "Metformin lowers interleukin-6 levels in patients with type 2 diabetes.";

    private static io.litgraph.client.ingest.ApiClient ingest;
    private static io.litgraph.client.query.ApiClient query;
    private static Stack stack;

    @BeforeAll
    static void clients(Stack running) throws IOException {
        stack = running;
        ingest = new io.litgraph.client.ingest.ApiClient().setBasePath("http://127.0.0.1:" + running.ports.ingest());
        ingest.setBearerToken(secrets(running).getProperty("LITGRAPH_API_KEY"));
        query = new io.litgraph.client.query.ApiClient().setBasePath("http://127.0.0.1:" + running.ports.query());
    }

    @Test
    @Order(1)
    void aWriteWithoutTheKeyIsRefusedWithAProblem() {
        var keyless = new io.litgraph.client.ingest.ApiClient().setBasePath("http://127.0.0.1:" + stack.ports.ingest());
        var refused = assertThrows(io.litgraph.client.ingest.ApiException.class,
                () -> new io.litgraph.client.ingest.api.DocumentsApi(keyless).submitDocument(document()));
        assertEquals(401, refused.getCode(), refused.getResponseBody());
        assertTrue(refused.getResponseBody().contains("\"status\":401"), refused.getResponseBody());
    }

    @Test
    @Order(2)
    void submitWaitUntilQueryableSearchAndReadRelations() throws Exception {
        var documents = new io.litgraph.client.ingest.api.DocumentsApi(ingest);
        SubmissionResult result = documents.submitDocument(document());
        Submission submission = assertInstanceOf(Submission.class, result, "one JSON document is answered with a Submission");
        assertEquals(ID, submission.getId());
        assertEquals("submission", submission.getKind());

        DocumentStatus status = awaitIndexed(documents, Duration.ofSeconds(120));
        assertEquals(submission.getVersion(), status.getVersion());

        var queryDocuments = new io.litgraph.client.query.api.DocumentsApi(query);
        SearchPage page = queryDocuments.searchDocuments(null, null, true, 50, "metformin interleukin", null, null, null);
        assertTrue(page.getItems().stream().anyMatch(d -> ID.equals(d.getId())), "search misses the document: " + page);

        DocumentDetail detail = queryDocuments.getDocument(ID, null);
        assertEquals(TEXT, detail.getText().substring(detail.getText().length() - TEXT.length()));
        assertTrue(detail.getConcepts().stream().anyMatch(c -> "NCBIGene:3569".equals(c.getId())), "no IL-6: " + detail.getConcepts());
        List<RelationView> relations = detail.getRelations();
        assertFalse(relations == null || relations.isEmpty(), "no relation extracted: " + detail);

        RelationView relation = relations.get(0);
        var relationsApi = new io.litgraph.client.query.api.RelationsApi(query);
        // minBelief 0: the one document's evidence may not reach the default view's belief
        RelationEvidencePage evidence = relationsApi.listRelations(null, true, 100, java.math.BigDecimal.ZERO,
                relation.getObjectId(), relation.getSubjectId(), relation.getType());
        RelationEvidence ours = evidence.getItems().stream().filter(e -> ID.equals(e.getDocumentId())).findFirst()
                .orElseGet(() -> fail("the document's relation is not listed: " + evidence));
        assertEquals(relation.getType(), ours.getType());
        assertNotNull(ours.getSentence());
        assertTrue(TEXT.contains(ours.getSentence().getText()), ours.toString());
    }

    @Test
    @Order(3)
    void theSameContentAgainIsADuplicateOfTheSameType() throws Exception {
        SubmissionResult again = new io.litgraph.client.ingest.api.DocumentsApi(ingest).submitDocument(document());
        Submission duplicate = assertInstanceOf(Submission.class, again);
        assertEquals(Boolean.TRUE, duplicate.getDuplicate(), duplicate.toString());
    }

    private static DocumentInput document() {
        return new DocumentInput().id(ID).title("Interleukin-6, insulin resistance and metformin").text(TEXT);
    }

    private static DocumentStatus awaitIndexed(io.litgraph.client.ingest.api.DocumentsApi documents, Duration timeout)
            throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        DocumentStatus status = documents.getDocumentStatus(ID);
        while (status.getStage() != DocumentStatus.StageEnum.INDEXED && Instant.now().isBefore(deadline)) {
            assertFalse(status.getStage() == DocumentStatus.StageEnum.FAILED, status.toString());
            Thread.sleep(500);
            status = documents.getDocumentStatus(ID);
        }
        assertEquals(DocumentStatus.StageEnum.INDEXED, status.getStage(), "not queryable within " + timeout);
        return status;
    }

    private static Properties secrets(Stack running) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(running.runDir.resolve("secrets.env"))) {
            p.load(in);
        }
        return p;
    }
}
