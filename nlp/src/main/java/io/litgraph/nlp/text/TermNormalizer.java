package io.litgraph.nlp.text;

import java.util.Locale;
import java.util.Map;

/**
 * Maps one token's surface form to the key the dictionary is indexed by. The same function is applied to
 * dictionary terms and to running text, so every variant it folds (case, Greek letters, Roman numerals,
 * regular plurals, British spellings) matches in both directions without generating the variants.
 */
public final class TermNormalizer {

    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "alpha"), Map.entry('β', "beta"), Map.entry('γ', "gamma"), Map.entry('δ', "delta"),
            Map.entry('ε', "epsilon"), Map.entry('ζ', "zeta"), Map.entry('η', "eta"), Map.entry('θ', "theta"),
            Map.entry('ι', "iota"), Map.entry('κ', "kappa"), Map.entry('λ', "lambda"), Map.entry('μ', "mu"),
            Map.entry('ν', "nu"), Map.entry('ξ', "xi"), Map.entry('π', "pi"), Map.entry('ρ', "rho"),
            Map.entry('σ', "sigma"), Map.entry('τ', "tau"), Map.entry('φ', "phi"), Map.entry('χ', "chi"),
            Map.entry('ψ', "psi"), Map.entry('ω', "omega"), Map.entry('Α', "alpha"), Map.entry('Β', "beta"),
            Map.entry('Γ', "gamma"), Map.entry('Δ', "delta"), Map.entry('Κ', "kappa"), Map.entry('Ω', "omega"),
            Map.entry('ß', "beta"), Map.entry('µ', "mu"));

    /** Roman numerals as they occur in names ("type II diabetes", "factor VIII"); "i" only as a numeral token. */
    private static final Map<String, String> ROMAN = Map.ofEntries(
            Map.entry("i", "1"), Map.entry("ii", "2"), Map.entry("iii", "3"), Map.entry("iv", "4"),
            Map.entry("v", "5"), Map.entry("vi", "6"), Map.entry("vii", "7"), Map.entry("viii", "8"),
            Map.entry("ix", "9"), Map.entry("x", "10"), Map.entry("xi", "11"), Map.entry("xii", "12"),
            Map.entry("xiii", "13"));

    /** Irregular plurals and spelling variants that a suffix rule cannot fold. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("mice", "mouse"), Map.entry("children", "child"), Map.entry("women", "woman"),
            Map.entry("men", "man"), Map.entry("teeth", "tooth"), Map.entry("feet", "foot"),
            Map.entry("people", "person"), Map.entry("tumour", "tumor"), Map.entry("tumours", "tumor"),
            Map.entry("leukaemia", "leukemia"), Map.entry("anaemia", "anemia"), Map.entry("haemorrhage", "hemorrhage"),
            Map.entry("oesophageal", "esophageal"), Map.entry("oedema", "edema"), Map.entry("diarrhoea", "diarrhea"),
            Map.entry("foetal", "fetal"), Map.entry("sulphate", "sulfate"), Map.entry("aluminium", "aluminum"),
            Map.entry("oestrogen", "estrogen"), Map.entry("haemoglobin", "hemoglobin"), Map.entry("ischaemia", "ischemia"),
            Map.entry("ischaemic", "ischemic"), Map.entry("paediatric", "pediatric"), Map.entry("behaviour", "behavior"),
            Map.entry("behaviours", "behavior"), Map.entry("leucocyte", "leukocyte"), Map.entry("leucocytes", "leukocyte"),
            Map.entry("diabetes", "diabetes"), Map.entry("sepsis", "sepsis"), Map.entry("analyses", "analysis"),
            Map.entry("metastases", "metastasis"), Map.entry("neuroses", "neurosis"), Map.entry("psychoses", "psychosis"),
            Map.entry("stenoses", "stenosis"), Map.entry("fibroses", "fibrosis"), Map.entry("thromboses", "thrombosis"),
            Map.entry("nuclei", "nucleus"), Map.entry("bacteria", "bacterium"), Map.entry("data", "datum"),
            Map.entry("lymphomata", "lymphoma"), Map.entry("carcinomata", "carcinoma"), Map.entry("fungi", "fungus"),
            Map.entry("vertebrae", "vertebra"), Map.entry("indices", "index"), Map.entry("matrices", "matrix"));

    private TermNormalizer() {
    }

    public static String greek(char c) {
        return GREEK.get(c);
    }

    public static boolean isGreek(char c) {
        // every key of GREEK is in the Greek block, the micro sign or the sharp s (written for beta); the range test spares a boxed map probe
        // for each character of every text the tokenizer reads
        return (c >= '\u0370' && c <= '\u03ff' || c == '\u00b5' || c == '\u00df') && GREEK.containsKey(c);
    }

    /**
     * Normalizes one token. Plural folding only applies to tokens that are written as words (some lowercase
     * letter after the first), so symbols such as "IRS" or "TNFS" keep their final "s".
     */
    public static String normalize(String token) {
        if (token.length() == 1) {
            char c = token.charAt(0);
            String g = GREEK.get(c);
            if (g != null) {
                return g;
            }
        }
        String lower = token.toLowerCase(Locale.ROOT);
        String roman = ROMAN.get(lower);
        if (roman != null && (token.equals(token.toUpperCase(Locale.ROOT)) || lower.length() > 1 && !lower.equals("xi"))) {
            return roman;
        }
        String irregular = IRREGULAR.get(lower);
        if (irregular != null) {
            return irregular;
        }
        if (isWordLike(token)) {
            return american(singular(lower));
        }
        return lower;
    }

    /**
     * British to American spelling, applied to both sides: "ae"/"oe" → "e" (haemorrhage, oedema,
     * phaeochromocytoma), "-our" → "-or" (tumour), "-isation"/"-ise" → "-ization"/"-ize", "-yse" → "-yze".
     */
    static String american(String w) {
        if (w.length() < 5) {
            return w;
        }
        String s = w;
        if (s.indexOf("ae") >= 0) {
            s = s.replace("ae", "e");
        }
        if (s.indexOf("oe") > 0) {
            s = s.replace("oe", "e");
        }
        if (s.endsWith("our")) {
            s = s.substring(0, s.length() - 3) + "or";
        } else if (s.endsWith("isation")) {
            s = s.substring(0, s.length() - 7) + "ization";
        } else if (s.endsWith("yse")) {
            s = s.substring(0, s.length() - 3) + "yze";
        }
        return s;
    }

    /** A word (as opposed to a symbol): at least four letters and some lowercase letter after the first. */
    static boolean isWordLike(String token) {
        if (token.length() < 4) {
            return false;
        }
        for (int i = 1; i < token.length(); i++) {
            if (Character.isLowerCase(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** English regular plurals; conservative: "-ss", "-us", "-is" are left alone. */
    static String singular(String w) {
        int n = w.length();
        if (n < 4 || w.charAt(n - 1) != 's') {
            return w;
        }
        if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is") || w.endsWith("ys") && n < 5) {
            return w;
        }
        if (w.endsWith("ies") && n > 4) {
            return w.substring(0, n - 3) + "y";
        }
        if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("xes") || w.endsWith("sses")) {
            return w.substring(0, n - 2);
        }
        return w.substring(0, n - 1);
    }
}
