package io.litgraph.ingest.format;

/** Small text clean-ups shared by the parsers. */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /** Drops a byte-order mark and turns CR LF / CR into LF, so offsets do not depend on the sender's OS. */
    public static String unifyLineBreaks(String text) {
        if (text == null) {
            return null;
        }
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return s.indexOf('\r') < 0 ? s : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Collapses every whitespace run into one space; for text that came out of markup (XML, HTML). */
    public static String collapseWhitespace(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean isBlank(String text) {
        return text == null || collapseWhitespace(text).isEmpty();
    }
}
