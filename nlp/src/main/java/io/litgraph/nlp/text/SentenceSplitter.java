package io.litgraph.nlp.text;

import io.litgraph.nlp.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a passage into sentences. A sentence ends at '.', '!' or '?' (optionally followed by closing quotes or
 * brackets) that is followed by whitespace and then an uppercase letter, a digit or an opening bracket, unless
 * the word before the period is a known abbreviation ("et al.", "i.p.", "vs.", "Fig.", "e.g.") or a single
 * letter (initials). A newline followed by a blank line or by a short heading also ends a sentence.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "al", "fig", "figs", "vs", "e.g", "i.e", "i.p", "i.v", "i.m", "s.c", "p.o", "etc", "approx", "ca", "cf",
            "dr", "mr", "mrs", "ms", "prof", "no", "nos", "vol", "eq", "ref", "refs", "resp", "sp", "spp", "st",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "min", "max",
            "inc", "ltd", "co", "corp", "dept", "univ", "u.s", "u.k", "b.i.d", "t.i.d", "q.d", "viz");

    private SentenceSplitter() {
    }

    public static List<Span> split(String text, int base) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int start = skipSpace(text, 0);
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            boolean boundary = false;
            int end = i + 1;
            if (c == '.' || c == '!' || c == '?') {
                while (end < n && isCloser(text.charAt(end))) {
                    end++;
                }
                if (end >= n) {
                    boundary = true;
                } else if (Character.isWhitespace(text.charAt(end))) {
                    int next = skipSpace(text, end);
                    boundary = next >= n || startsSentence(text.charAt(next)) && !(c == '.' && isAbbreviation(text, i));
                }
            } else if (c == '\n') {
                // a line break ends a sentence when the next line starts like a sentence and this one looks complete
                // or short (a heading); running text wrapped mid-sentence continues in lowercase
                int next = skipSpace(text, i);
                if (next < n && (Character.isUpperCase(text.charAt(next)) || text.charAt(next) == '#' || !Character.isLetterOrDigit(text.charAt(next)))) {
                    boundary = true;
                    end = i;
                } else if (next < n && text.substring(i, next).chars().filter(ch -> ch == '\n').count() > 1) {
                    boundary = true;
                    end = i;
                }
            }
            if (boundary) {
                int trimmed = trimEnd(text, start, end);
                if (trimmed > start) {
                    out.add(new Span(base + start, base + trimmed, text.substring(start, trimmed)));
                }
                start = skipSpace(text, Math.max(end, i + 1));
                i = start;
                continue;
            }
            i++;
        }
        int trimmed = trimEnd(text, start, n);
        if (start < trimmed) {
            out.add(new Span(base + start, base + trimmed, text.substring(start, trimmed)));
        }
        return out;
    }

    private static boolean isCloser(char c) {
        return c == ')' || c == ']' || c == '"' || c == '\'' || c == '”' || c == '’';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '[' || c == '"' || c == '“'
                || TermNormalizer.isGreek(c);
    }

    /** The word ending at the period at {@code dot}: a listed abbreviation, or a single capital (an initial). */
    private static boolean isAbbreviation(String text, int dot) {
        int s = dot;
        while (s > 0 && (Character.isLetter(text.charAt(s - 1)) || text.charAt(s - 1) == '.')) {
            s--;
        }
        String word = text.substring(s, dot).toLowerCase();
        if (word.isEmpty()) {
            return false;
        }
        if (ABBREVIATIONS.contains(word)) {
            return true;
        }
        // an initial ("J. Smith") or a dotted abbreviation ("i.p.", "U.S.")
        return word.length() == 1 && Character.isUpperCase(text.charAt(s)) && s > 0 && text.charAt(s - 1) == ' '
                || word.indexOf('.') > 0 && word.length() <= 6;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }
}
