package io.litgraph.nlp.abbrev;

import io.litgraph.nlp.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds "long form (short form)" definitions with the Schwartz &amp; Hearst (2003) algorithm: a parenthesised
 * candidate of 2-10 characters, with a letter, starting with a letter or digit and at most two words, whose
 * characters can be found, in order and from the right, in the words before the parenthesis, the short form's
 * first character starting a word of the long form. The long form is at most min(|SF| + 5, 2|SF|) words.
 * The reverse pattern "short form (long form)" is taken when the outside part is the short one.
 */
public final class AbbreviationDetector {

    private AbbreviationDetector() {
    }

    /** Definitions in one sentence; {@code base} is the sentence's document offset. */
    public static List<Abbreviation> find(String sentence, int base) {
        List<Abbreviation> out = new ArrayList<>();
        int open = sentence.indexOf('(');
        while (open >= 0) {
            int close = matchingClose(sentence, open);
            if (close < 0) {
                break;
            }
            String inside = sentence.substring(open + 1, close);
            // "(IL-6; ref. 4)" or "(IL-6, 2)": the short form is what precedes the first ';' or ','
            int cut = indexOfAny(inside, ";,");
            String sf = (cut >= 0 ? inside.substring(0, cut) : inside).strip();
            int sfStart = open + 1 + inside.indexOf(sf.isEmpty() ? " " : sf);
            Abbreviation a = null;
            if (isShortForm(sf)) {
                a = longFormBefore(sentence, open, sf, sfStart, base);
            } else {
                // reverse: "TNF (tumour necrosis factor)"
                int wsStart = lastWordStart(sentence, open);
                if (wsStart >= 0) {
                    String outside = sentence.substring(wsStart, open).strip();
                    if (isShortForm(outside) && inside.length() > outside.length() && words(inside) <= outside.length() + 5
                            && matches(outside, inside.strip()) >= 0) {
                        int lfStart = open + 1 + (inside.length() - inside.stripLeading().length());
                        String lf = inside.strip();
                        a = new Abbreviation(new Span(base + lfStart, base + lfStart + lf.length(), lf),
                                new Span(base + wsStart, base + wsStart + outside.length(), outside));
                    }
                }
            }
            if (a != null) {
                out.add(a);
            }
            open = sentence.indexOf('(', close);
        }
        return out;
    }

    private static Abbreviation longFormBefore(String s, int open, String sf, int sfStart, int base) {
        int maxWords = Math.min(sf.length() + 5, sf.length() * 2);
        // collect up to maxWords words before the parenthesis
        int end = open;
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        int start = end;
        int words = 0;
        int i = end;
        while (i > 0 && words < maxWords) {
            while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            int wEnd = i;
            while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
                i--;
            }
            if (wEnd == i) {
                break;
            }
            String w = s.substring(i, wEnd);
            if (w.endsWith(")") || w.endsWith(";") || w.endsWith(":") || (words > 0 && (w.endsWith(",") || w.endsWith(".")))) {
                break; // the long form does not reach across another parenthesis or clause punctuation
            }
            start = i;
            words++;
        }
        if (start >= end) {
            return null;
        }
        String candidate = s.substring(start, end);
        int lfOffset = matches(sf, candidate);
        if (lfOffset < 0) {
            return null;
        }
        String lf = candidate.substring(lfOffset);
        if (lf.length() <= sf.length()) {
            return null;
        }
        int lfStart = start + lfOffset;
        return new Abbreviation(new Span(base + lfStart, base + end, lf),
                new Span(base + sfStart, base + sfStart + sf.length(), sf));
    }

    /**
     * Schwartz-Hearst's core: match the short form's characters right to left inside the long-form candidate;
     * returns where the long form starts in {@code lf}, or -1.
     */
    static int matches(String sf, String lf) {
        int s = sf.length() - 1;
        int l = lf.length() - 1;
        String sfl = sf.toLowerCase();
        String lfl = lf.toLowerCase();
        while (s >= 0) {
            char c = sfl.charAt(s);
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= 0 && (lfl.charAt(l) != c || (s == 0 && l > 0 && Character.isLetterOrDigit(lfl.charAt(l - 1))))) {
                l--;
            }
            if (l < 0) {
                return -1;
            }
            l--;
            s--;
        }
        int start = lf.lastIndexOf(' ', l + 1) + 1;
        return start;
    }

    static boolean isShortForm(String sf) {
        if (sf.length() < 2 || sf.length() > 10 || words(sf) > 2) {
            return false;
        }
        if (!Character.isLetterOrDigit(sf.charAt(0))) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < sf.length(); i++) {
            if (Character.isLetter(sf.charAt(i))) {
                letter = true;
            }
        }
        return letter;
    }

    private static int words(String s) {
        return s.strip().isEmpty() ? 0 : s.strip().split("\\s+").length;
    }

    private static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int lastWordStart(String s, int open) {
        int i = open;
        while (i > 0 && Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        int end = i;
        while (i > 0 && !Character.isWhitespace(s.charAt(i - 1))) {
            i--;
        }
        return end > i ? i : -1;
    }
}
