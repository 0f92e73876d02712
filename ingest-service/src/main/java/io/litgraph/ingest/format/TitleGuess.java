package io.litgraph.ingest.format;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The title of a plain-text document that has none: its first line when that line reads like a title (short, a
 * line of its own, no final period, not a date, byline or bare link). Leading date and byline lines
 * ("Posted: March 31st, 2023", "By A. Author") are stepped over, at most {@value #MAX_SKIPPED} of them.
 */
public final class TitleGuess {

    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 30;
    static final int MAX_SKIPPED = 3;

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    /** A line that is only a date, optionally after a label: "Posted: March 31st, 2023", "2023-03-31", "12 May 2021". */
    private static final Pattern DATE = Pattern.compile("^((posted|published|updated|last updated|date|released)( on)?:?\\s*)?"
            + "(" + MONTH + "\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(st|nd|rd|th)?\\s+" + MONTH + ",?\\s+\\d{4}"
            + "|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})\\b.*$");
    /** A byline or publication label: "By Jane Doe", "Published by ...", "Author: ...", "Source: ...". */
    private static final Pattern BYLINE = Pattern.compile("^(by\\s+\\p{Lu}|(published|posted|written|reviewed) by\\b"
            + "|(article )?authors?:|source:|credit:)", Pattern.CASE_INSENSITIVE);
    private static final Pattern LINK = Pattern.compile("^(https?://|www\\.)\\S+$", Pattern.CASE_INSENSITIVE);

    /** Where the title line is in a text. */
    public record Found(String title, int start, int end) {
    }

    private TitleGuess() {
    }

    /** The title line of {@code text} (LF line breaks, stripped), or null when no line qualifies. */
    public static Found find(String text) {
        int start = 0;
        int skipped = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                return null; // the last line is body text, not a title over a body
            }
            String line = text.substring(start, end).strip();
            if (line.isEmpty()) {
                start = end + 1;
                continue;
            }
            if (isDateOrByline(line)) {
                if (++skipped > MAX_SKIPPED) {
                    return null;
                }
                start = end + 1;
                continue;
            }
            if (!looksLikeTitle(line) || text.substring(end).isBlank()) {
                return null;
            }
            int lead = text.indexOf(line, start);
            return new Found(line, lead, lead + line.length());
        }
        return null;
    }

    static boolean isDateOrByline(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return DATE.matcher(lower).matches() || BYLINE.matcher(line).find();
    }

    static boolean looksLikeTitle(String line) {
        if (line.length() < 3 || line.length() > MAX_LENGTH || line.split("\\s+").length > MAX_WORDS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ',' || last == ';' || last == ':') {
            return false; // a sentence or a lead-in, not a heading
        }
        if (LINK.matcher(line).matches() || line.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        int first = line.codePointAt(0);
        return Character.isUpperCase(first) || Character.isDigit(first) || !Character.isLetter(first);
    }
}
