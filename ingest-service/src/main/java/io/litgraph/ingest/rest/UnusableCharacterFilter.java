package io.litgraph.ingest.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * One check in front of every endpoint: a path segment or query parameter holding a character no
 * document id can contain and PostgreSQL may not even take as a parameter (C0 controls but tab, DEL,
 * lone surrogates, U+FFFE/U+FFFF) is answered 400 naming it, before it reaches a query.
 */
public class UnusableCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        String bad = null;
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            bad = bad != null ? bad : describeUnusable(segment.getPath(), "a path segment");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            bad = bad != null ? bad : describeUnusable(parameter.getKey(), "a query parameter's name");
            for (String value : parameter.getValue()) {
                bad = bad != null ? bad : describeUnusable(value, "a query parameter");
            }
        }
        return bad == null ? null : Problems.response(400, "unusable-character", "Unusable character in the request",
                bad, request.getUriInfo().getRequestUri().getRawPath(), null);
    }

    static String describeUnusable(String text, String where) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return String.format("%s holds the control character U+%04X at index %d", where, (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("%s holds the lone surrogate U+%04X at index %d", where, (int) c, i);
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return String.format("%s holds the noncharacter U+%04X at index %d", where, (int) c, i);
            }
        }
        return null;
    }
}
