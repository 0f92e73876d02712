package io.litgraph.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.events.Topics;
import io.litgraph.testsupport.KafkaBrokerResource;
import io.litgraph.testsupport.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bodies above litgraph.ingest.max-body-bytes (2 000 000 in the test profile) get a problem+json 413 that
 * states the limit, on every write endpoint and content type, whether the size is declared up front or only
 * found out while the body streams. Spoken over a raw socket: an HTTP client may hide an answer that
 * arrives before it finished uploading.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, initArgs = @ResourceArg(name = "topics",
        value = Topics.DOCUMENTS + "," + Topics.STATUS + "," + Topics.DEAD_LETTER))
@QuarkusTestResource(value = PostgresResource.class, initArgs = {
        @ResourceArg(name = "role", value = "litgraph_ingest"), @ResourceArg(name = "schema", value = "ingest")})
class BodyLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 2_000_000;

    @TestHTTPResource("/")
    URL root;

    record Answer(int status, String headers, JsonNode body) {
    }

    @ParameterizedTest(name = "{0} {1}, declared length")
    @CsvSource({
            "/api/documents, text/plain",
            "/api/documents, application/json",
            "/api/documents, application/xml",
            "/api/documents/batch, application/x-ndjson"})
    void declaredOversizeBodyIsRefusedBeforeItIsSent(String path, String contentType) throws IOException {
        // only the headers go out: the answer must not depend on reading the body
        Answer answer = exchange(path, contentType, "Content-Length: 50000000\r\n", out -> { });
        assertProblem(answer, path);
        assertEquals(50_000_000L, answer.body().path("size").asLong());
    }

    @ParameterizedTest(name = "{0} {1}, chunked")
    @CsvSource({
            "/api/documents, text/plain",
            "/api/documents/batch, application/x-ndjson"})
    void streamedOversizeBodyIsCutOffAtTheLimit(String path, String contentType) throws IOException {
        byte[] line = "{\"text\": \"Interleukin-6 and insulin resistance, line after line.\"}\n".getBytes(StandardCharsets.UTF_8);
        Answer answer = exchange(path, contentType, "Transfer-Encoding: chunked\r\n", out -> {
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < chunk.length; i++) {
                chunk[i] = line[i % line.length];
            }
            for (long sent = 0; sent < 3 * LIMIT; sent += chunk.length) {
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        assertProblem(answer, path);
        assertTrue(answer.body().path("size").isMissingNode(), "the size of a streamed body is not known");
        // the service is still there
        given().get("/q/health/live").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}: a body at the limit is read")
    @CsvSource({"/api/documents", "/api/documents/batch"})
    void bodyAtTheLimitIsNotRefused(String path) {
        byte[] body = new byte[(int) LIMIT];
        Arrays.fill(body, (byte) ' ');
        String json = "{\"text\": \"at the limit\"}";
        System.arraycopy(json.getBytes(StandardCharsets.UTF_8), 0, body, 0, json.length());
        int status = given().header("Authorization", "Bearer test-key")
                .contentType(path.endsWith("batch") ? "application/x-ndjson" : "application/json")
                .body(body).post(path).then().extract().statusCode();
        assertTrue(status == 200 || status == 202, "status " + status);
    }

    private static void assertProblem(Answer answer, String path) {
        assertEquals(413, answer.status(), answer.headers());
        assertTrue(answer.headers().toLowerCase().contains("content-type: application/problem+json"), answer.headers());
        assertEquals("https://litgraph.io/problems/body-too-large", answer.body().path("type").asText());
        assertEquals(413, answer.body().path("status").asInt());
        assertEquals(LIMIT, answer.body().path("limit").asLong());
        assertEquals(path, answer.body().path("instance").asText());
        assertTrue(answer.body().path("detail").asText().contains("limit is " + LIMIT + " bytes"), answer.body().toString());
    }

    interface Upload {
        void write(OutputStream out) throws IOException;
    }

    /** Sends the request head, uploads the body on a second thread, and reads the answer until the server closes. */
    private Answer exchange(String path, String contentType, String lengthHeader, Upload upload) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer test-key\r\n"
                    + "Content-Type: " + contentType + "\r\n" + lengthHeader + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread uploader = new Thread(() -> {
                try {
                    upload.write(out);
                } catch (IOException expected) {
                    // the server stops reading at the limit and closes the connection
                }
            });
            uploader.start();
            byte[] raw = readAnswer(socket.getInputStream());
            uploader.interrupt();
            String text = new String(raw, StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertTrue(split > 0, "no HTTP answer: " + text);
            String head = text.substring(0, split);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, JSON.readTree(text.substring(split + 4)));
        }
    }

    /** The status line, headers and a Content-Length body. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        int headEnd = -1;
        long contentLength = -1;
        byte[] buffer = new byte[8192];
        while (true) {
            if (headEnd >= 0 && answer.size() >= headEnd + contentLength) {
                return answer.toByteArray();
            }
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException reset) {
                return answer.toByteArray();
            }
            if (n < 0) {
                return answer.toByteArray();
            }
            answer.write(buffer, 0, n);
            if (headEnd < 0) {
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    headEnd = end + 4;
                    contentLength = text.substring(0, end).lines()
                            .filter(l -> l.toLowerCase().startsWith("content-length:"))
                            .mapToLong(l -> Long.parseLong(l.substring(15).strip())).findFirst().orElse(Long.MAX_VALUE / 2);
                }
            }
        }
    }
}
