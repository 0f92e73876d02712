package io.litgraph.query.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * One check in front of every endpoint: a query parameter or path segment holding a character no id,
 * name or text of the store can contain (U+0000, which PostgreSQL cannot even take as a parameter, other
 * C0 controls but tab, DEL, lone surrogates, U+FFFE/U+FFFF) is answered 400 naming it. Such a value can
 * match nothing, so dropping the character or the filter would answer a different question.
 */
public class UnusableCharacterFilter {

    @ServerRequestFilter(preMatching = true)
    public Response refuse(ContainerRequestContext request) {
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            String bad = describeUnusable(segment.getPath());
            if (bad != null) {
                return problem(new ProblemException(400, "Invalid path", "a path segment holds " + bad,
                        List.of(new Problem.ParameterError("path", "holds " + bad))), request);
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String name = parameter.getKey();
            String bad = describeUnusable(name);
            for (String value : parameter.getValue()) {
                bad = bad != null ? bad : describeUnusable(value);
            }
            if (bad != null) {
                return problem(ProblemException.badParameter(printable(name), "holds " + bad), request);
            }
        }
        return null;
    }

    /** Null when the text is usable, otherwise what is wrong with it (with the first bad character's index). */
    static String describeUnusable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return String.format("the control character U+%04X at index %d", (int) c, i);
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("the lone surrogate U+%04X at index %d", (int) c, i);
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                return String.format("the noncharacter U+%04X at index %d", (int) c, i);
            }
        }
        return null;
    }

    /** A parameter name echoed back must itself be writable as JSON text. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(100).forEach(cp -> {
            if (describeUnusable(Character.toString(cp)) == null) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return out.toString();
    }

    private static Response problem(ProblemException e, ContainerRequestContext request) {
        return new Problem(ProblemMappers.typeFor(400), e.title(), 400, e.getMessage(),
                request.getUriInfo().getRequestUri().getRawPath(), e.errors()).toResponse();
    }
}
