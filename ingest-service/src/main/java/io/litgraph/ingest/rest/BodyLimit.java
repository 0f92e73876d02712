package io.litgraph.ingest.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.litgraph.ingest.config.IngestConfig;
import io.litgraph.ingest.service.ProblemException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Enforces {@code litgraph.ingest.max-body-bytes} on every request body with a problem+json 413 that states
 * the limit. Quarkus' own limit answers with an empty 413, so it is set far higher and never reached:
 * a declared Content-Length above the limit is refused here before anything is read, and a body without
 * one is counted while it streams ({@link #limit}).
 */
@ApplicationScoped
public class BodyLimit {
    private static final Logger LOG = Logger.getLogger(BodyLimit.class);

    private final long limit;
    private final ObjectMapper json;

    public BodyLimit(IngestConfig config, ObjectMapper json,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> httpLimit) {
        this.limit = config.maxBodyBytes();
        this.json = json;
        if (httpLimit.isPresent() && httpLimit.get().asLongValue() <= limit) {
            LOG.warnf("quarkus.http.limits.max-body-size (%d) is not above litgraph.ingest.max-body-bytes (%d): "
                    + "bodies between the two get Quarkus' plain 413 instead of a problem+json one",
                    httpLimit.get().asLongValue(), limit);
        }
    }

    public long limit() {
        return limit;
    }

    /** Runs before Quarkus' upload limit, so a declared oversize body never reaches it. */
    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String header = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            length = -1; // Vert.x refuses a malformed Content-Length itself
        }
        if (length <= limit) {
            ctx.next();
            return;
        }
        ProblemException problem = ProblemException.bodyTooLarge(length, limit);
        byte[] body;
        try {
            body = json.writeValueAsBytes(Problems.body(problem.status(), problem.type(), problem.title(),
                    problem.getMessage(), ctx.request().path(), problem.extensions()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        closeAfterResponse(ctx.request());
        ctx.response().setStatusCode(413)
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /**
     * The body as a stream that fails with a 413 problem once it passes the limit. The rest of the upload
     * is not read: the connection is closed after the answer, as an unread body would otherwise have to be
     * drained first.
     */
    public InputStream limit(InputStream body, HttpServerRequest request) {
        return new FilterInputStream(body) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? -1 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(n);
                return n;
            }

            private void count(int n) {
                if (n > 0) {
                    read += n;
                    if (read > limit) {
                        closeAfterResponse(request);
                        throw ProblemException.bodyTooLarge(null, limit);
                    }
                }
            }
        };
    }

    private static void closeAfterResponse(HttpServerRequest request) {
        request.response().putHeader(HttpHeaderNames.CONNECTION, "close");
        request.response().endHandler(ignored -> request.connection().close());
    }
}
