package io.litgraph.query.rest;

/**
 * The cursor of GET /api/concepts. Without q it is a keyset (the last concept's document count and id);
 * with q it is an offset into the ranking of that q. Either way it names the q and type it continues, and
 * a cursor used with another q or type is a 400.
 */
record ConceptCursor(int offset, Integer lastDocuments, String lastId) {
    private static final String KEYSET = "k";
    private static final String OFFSET = "o";

    static String keyset(String type, int documents, String id) {
        return Cursor.encode(KEYSET, "", nullToEmpty(type), Integer.toString(documents), id);
    }

    static String offset(String needle, String type, int offset) {
        return Cursor.encode(OFFSET, needle, nullToEmpty(type), Integer.toString(offset), "");
    }

    static ConceptCursor decode(String cursor, String needle, String type) {
        String[] parts = Cursor.decode(cursor, 5);
        if (!parts[1].equals(needle) || !parts[2].equals(nullToEmpty(type))) {
            throw ProblemException.badParameter("cursor", "made for another q or type");
        }
        try {
            int number = Integer.parseInt(parts[3]);
            if (KEYSET.equals(parts[0]) && needle.isEmpty()) {
                return new ConceptCursor(0, number, parts[4]);
            }
            if (OFFSET.equals(parts[0]) && !needle.isEmpty() && number >= 0) {
                return new ConceptCursor(number, null, null);
            }
        } catch (NumberFormatException e) {
            // falls through to the 400 below
        }
        throw ProblemException.badParameter("cursor", "not a cursor returned by this endpoint");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
