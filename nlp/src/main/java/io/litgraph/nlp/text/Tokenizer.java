package io.litgraph.nlp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into tokens with document-global offsets. A token is a run of letters, a run of digits or one
 * Greek letter: "IL-6" gives IL, 6; "TNFα" gives TNF, α; "IRS1" gives IRS, 1. Punctuation separates tokens and
 * is dropped (hyphen, slash and space variants then all look alike), except that the possessive "'s" is
 * dropped with its apostrophe so that "Alzheimer's disease" matches "Alzheimer disease".
 */
public final class Tokenizer {

    private Tokenizer() {
    }

    public static List<Token> tokenize(String text, int base) {
        List<Token> out = new ArrayList<>(Math.max(8, text.length() / 5));
        int n = text.length();
        int i = 0;
        boolean space = true;
        while (i < n) {
            char c = text.charAt(i);
            int kind = kind(c);
            if (kind == 0) {
                if (Character.isWhitespace(c)) {
                    space = true;
                }
                // possessive 's: skip the s as well
                if ((c == '\'' || c == '’') && i + 1 < n && (text.charAt(i + 1) == 's') && (i + 2 >= n || kind(text.charAt(i + 2)) == 0)
                        && i > 0 && Character.isLetter(text.charAt(i - 1))) {
                    i += 2;
                    continue;
                }
                i++;
                continue;
            }
            int j = i + 1;
            if (kind != 3) {
                while (j < n && kind(text.charAt(j)) == kind) {
                    j++;
                }
            }
            String surface = text.substring(i, j);
            if (kind == 1 && j - i >= 4 && latinGreek(text.charAt(j - 1)) != null && isUpper(surface, surface.length() - 1)) {
                // "TNFa", "IL1b": capitals then one Latin letter standing for a Greek one
                out.add(new Token(base + i, base + j - 1, surface.substring(0, surface.length() - 1),
                        TermNormalizer.normalize(surface.substring(0, surface.length() - 1)), space));
                out.add(new Token(base + j - 1, base + j, surface.substring(surface.length() - 1),
                        latinGreek(text.charAt(j - 1)), false));
            } else if (kind == 1 && j - i == 1 && latinGreek(c) != null
                    && (!space && i > 0 && text.charAt(i - 1) == '-' && (j >= n || !Character.isLetter(text.charAt(j)))
                    || j + 1 < n && text.charAt(j) == '-' && Character.isLetter(text.charAt(j + 1)) && (i == 0 || space))) {
                // "TGF-b1", "IFN-g" (a lone lowercase letter after a hyphen) and "b-catenin", "a-synuclein" (before
                // one) stand for Greek letters; after digits ("CD11b", "IL-1b") the letter stays a letter, which
                // matches the registries' own spelling (CD11B, IL1B)
                out.add(new Token(base + i, base + j, surface, latinGreek(c), space));
            } else {
                out.add(new Token(base + i, base + j, surface, TermNormalizer.normalize(surface), space));
            }
            space = false;
            i = j;
        }
        return out;
    }

    private static String latinGreek(char c) {
        return switch (c) {
            case 'a' -> "alpha";
            case 'b' -> "beta";
            case 'g' -> "gamma";
            case 'k' -> "kappa";
            default -> null;
        };
    }

    private static boolean isUpper(String s, int upTo) {
        for (int k = 0; k < upTo; k++) {
            if (!Character.isUpperCase(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** 1 letter, 2 digit, 3 Greek letter (always its own token), 0 anything else. */
    static int kind(char c) {
        if (TermNormalizer.isGreek(c)) {
            return 3;
        }
        if (Character.isLetter(c)) {
            return 1;
        }
        if (Character.isDigit(c)) {
            return 2;
        }
        return 0;
    }

    /** The normalized key of a whole term: its tokens' keys joined by single spaces. */
    public static String key(String term) {
        List<Token> tokens = tokenize(term, 0);
        StringBuilder sb = new StringBuilder(term.length() + 8);
        for (Token t : tokens) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t.norm());
        }
        return sb.toString();
    }
}
