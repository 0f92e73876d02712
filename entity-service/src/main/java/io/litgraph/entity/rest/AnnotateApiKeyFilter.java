package io.litgraph.entity.rest;

import io.litgraph.entity.config.EntityConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * {@code POST /api/annotate} spends the engine's CPU for whoever calls it, so it needs
 * {@code Authorization: Bearer <key>} with a key from {@code litgraph.annotate.api-keys}, as ingest's
 * writes do: 401 without a key, 403 with a wrong one. Reads ({@code /api/engine}, health) stay open.
 */
public class AnnotateApiKeyFilter {
    private static final Logger LOG = Logger.getLogger(AnnotateApiKeyFilter.class);

    private final List<byte[]> keys;

    public AnnotateApiKeyFilter(EntityConfig config) {
        this.keys = config.annotate().apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        if (keys.isEmpty()) {
            LOG.warn("no API keys configured (litgraph.annotate.api-keys / LITGRAPH_ANNOTATE_API_KEYS): "
                    + "every POST /api/annotate is refused");
        }
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        if (!HttpMethod.POST.equals(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/annotate")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            return Response.fromResponse(ProblemMappers.respond(401, "API key required",
                            "send 'Authorization: Bearer <key>'", request.getUriInfo()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"litgraph\"").build();
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            // constant time, and no early exit, so timing does not tell which key was close
            known |= MessageDigest.isEqual(key, presented);
        }
        return known ? null : ProblemMappers.respond(403, "API key not accepted",
                "the API key is not valid for this service", request.getUriInfo());
    }
}
