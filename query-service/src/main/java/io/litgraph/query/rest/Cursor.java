package io.litgraph.query.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque page cursors: the keyset of the last row, URL-safe Base64. Clients must not parse them; the
 * encoding may change.
 */
public final class Cursor {
    private static final String SEPARATOR = "\u001f";

    private Cursor() {
    }

    public static String encode(String... keyset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, keyset).getBytes(StandardCharsets.UTF_8));
    }

    /** The keyset values, or a 400 naming {@code cursor} when the value was not made by {@link #encode}. */
    public static String[] decode(String cursor, int parts) {
        try {
            String[] keyset = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(SEPARATOR, -1);
            if (keyset.length != parts) {
                throw new IllegalArgumentException("wrong shape");
            }
            return keyset;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
        }
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor, 1)[0]);
        } catch (NumberFormatException e) {
            throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
        }
    }
}
