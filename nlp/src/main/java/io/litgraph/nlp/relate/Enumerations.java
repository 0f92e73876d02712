package io.litgraph.nlp.relate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the text between two mentions only joins them as members of one list or apposition: "A, B",
 * "A and B", "A or B", "A (B)", "A/B", "A such as B", "A including B", "A, e.g. B", "A, i.e. B", "A, namely B".
 * Members of a list are named together, not related to each other; their relation to a third entity is read
 * separately. A verb, preposition or any other word between makes it a statement, not a list.
 */
final class Enumerations {

    private static final Set<String> JOINERS = Set.of(",", "and", "or", "(", ")", "[", "]", "/", ";", "such", "as",
            "including", "include", "e.g.", "eg", "e.g", "i.e.", "ie", "i.e", "namely", "like", "especially",
            "particularly", "notably", "well", "also", "both", "either", "and/or", "other", "the");
    private static final Pattern SPLIT = Pattern.compile("\\s+|(?=[,;()\\[\\]/])|(?<=[,;()\\[\\]/])");

    private Enumerations() {
    }

    /** True when {@code between} holds only list punctuation and joining words (at least one of them). */
    static boolean listed(String between) {
        String t = between.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("-") || t.length() > 40) {
            return false; // adjacent or hyphenated mentions form a compound ("A-induced"), not a list
        }
        int words = 0;
        for (String w : SPLIT.split(t)) {
            if (w.isEmpty()) {
                continue;
            }
            if (!JOINERS.contains(w)) {
                return false;
            }
            words++;
        }
        return words > 0;
    }
}
