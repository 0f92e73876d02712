package io.litgraph.query.repository;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the free-form publication date of a document ("2021", "2021-03", "2021-03-04...") as a date. */
final class PublishedDate {
    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    private PublishedDate() {
    }

    /** The first day of the most precise period the text names, or null when it names none. */
    static LocalDate parse(String published) {
        if (published == null) {
            return null;
        }
        Matcher m = ISO_PREFIX.matcher(published.trim());
        if (!m.find()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
