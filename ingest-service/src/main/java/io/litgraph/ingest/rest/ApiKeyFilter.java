package io.litgraph.ingest.rest;

import io.litgraph.ingest.config.IngestConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Write endpoints under /api need {@code Authorization: Bearer <key>} with a key from
 * {@code litgraph.ingest.api-keys}: 401 without a key, 403 with a wrong one. Reads stay open.
 */
public class ApiKeyFilter {
    private static final Logger LOG = Logger.getLogger(ApiKeyFilter.class);
    private static final Set<String> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private final List<byte[]> keys;

    public ApiKeyFilter(IngestConfig config) {
        this.keys = config.apiKeys().orElse(List.of()).stream()
                .map(String::strip).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
        if (keys.isEmpty()) {
            LOG.warn("no API keys configured (litgraph.ingest.api-keys / LITGRAPH_INGEST_API_KEYS): every write is refused");
        }
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            Response problem = Problems.response(401, "unauthorized", "API key required",
                    "send 'Authorization: Bearer <key>'", path, null);
            return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"litgraph\"").build();
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        boolean known = false;
        for (byte[] key : keys) {
            // constant time, and no early exit, so timing does not tell which key was close
            known |= MessageDigest.isEqual(key, presented);
        }
        if (!known) {
            return Problems.response(403, "forbidden", "API key not accepted", "the API key is not valid for this service", path, null);
        }
        return null;
    }
}
