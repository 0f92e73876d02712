package io.litgraph.nlp.match;

import io.litgraph.nlp.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises sequence variants written in the usual notations and gives each a tmVar-style identifier (the
 * form BioRED uses when no dbSNP id is known): dbSNP "rs121913529" → rs121913529; protein substitutions
 * "R215W", "p.Arg215Trp" → p|SUB|R|215|W; DNA substitutions "c.643C>T", "643C>T" → c|SUB|C|643|T; deletions
 * "657del5" → c|DEL|657|5. Runs on a sentence and returns candidates; the dictionary knows no variants.
 */
public final class VariantRecognizer {

    private static final Map<String, String> AMINO = Map.ofEntries(
            Map.entry("ala", "A"), Map.entry("arg", "R"), Map.entry("asn", "N"), Map.entry("asp", "D"),
            Map.entry("cys", "C"), Map.entry("gln", "Q"), Map.entry("glu", "E"), Map.entry("gly", "G"),
            Map.entry("his", "H"), Map.entry("ile", "I"), Map.entry("leu", "L"), Map.entry("lys", "K"),
            Map.entry("met", "M"), Map.entry("phe", "F"), Map.entry("pro", "P"), Map.entry("ser", "S"),
            Map.entry("thr", "T"), Map.entry("trp", "W"), Map.entry("tyr", "Y"), Map.entry("val", "V"),
            Map.entry("ter", "X"), Map.entry("stop", "X"));

    private static final String AA3 = "(?:Ala|Arg|Asn|Asp|Cys|Gln|Glu|Gly|His|Ile|Leu|Lys|Met|Phe|Pro|Ser|Thr|Trp|Tyr|Val|Ter)";
    private static final Pattern RS = Pattern.compile("\\brs\\d{3,10}\\b");
    private static final Pattern PROTEIN3 = Pattern.compile("\\b(?:p\\.)?(" + AA3 + ")(\\d{1,5})(" + AA3 + "|X|\\*)(?![a-z])");
    private static final Pattern PROTEIN1 = Pattern.compile("\\b(?:p\\.)?([ACDEFGHIKLMNPQRSTVWY])(\\d{2,5})([ACDEFGHIKLMNPQRSTVWYX*])\\b");
    private static final Pattern DNA_SUB = Pattern.compile("\\b(?:[cgm]\\.)?(-?\\d{1,6}(?:[+-]\\d{1,4})?)([ACGT])\\s?>\\s?([ACGT])\\b");
    private static final Pattern DNA_DEL = Pattern.compile("\\b(?:[cg]\\.)?(\\d{1,6}(?:_\\d{1,6})?)del([ACGT]+|\\d+)?\\b");

    private VariantRecognizer() {
    }

    public static List<Candidate> find(String sentence, int base, int sentenceIndex) {
        if (!hasDigitNextToLetter(sentence)) {
            return List.of(); // every notation has a position number next to a letter: skip the regexes
        }
        List<Candidate> out = new ArrayList<>();
        Matcher m = RS.matcher(sentence);
        while (m.find()) {
            out.add(candidate(sentence, base, m, m.group(), sentenceIndex));
        }
        m = PROTEIN3.matcher(sentence);
        while (m.find()) {
            out.add(candidate(sentence, base, m, "p|SUB|" + AMINO.get(m.group(1).toLowerCase()) + "|" + m.group(2) + "|"
                    + one(m.group(3)), sentenceIndex));
        }
        m = PROTEIN1.matcher(sentence);
        while (m.find()) {
            out.add(candidate(sentence, base, m, "p|SUB|" + m.group(1) + "|" + m.group(2) + "|" + m.group(3).replace('*', 'X'),
                    sentenceIndex));
        }
        m = DNA_SUB.matcher(sentence);
        while (m.find()) {
            out.add(candidate(sentence, base, m, "c|SUB|" + m.group(2) + "|" + m.group(1) + "|" + m.group(3), sentenceIndex));
        }
        m = DNA_DEL.matcher(sentence);
        while (m.find()) {
            String what = m.group(2) == null ? "" : m.group(2);
            out.add(candidate(sentence, base, m, "c|DEL|" + m.group(1) + "|" + what, sentenceIndex));
        }
        return out;
    }

    private static boolean hasDigitNextToLetter(String s) {
        for (int i = 1; i < s.length(); i++) {
            char a = s.charAt(i - 1);
            char b = s.charAt(i);
            if (Character.isDigit(a) && Character.isLetter(b) || Character.isLetter(a) && Character.isDigit(b)) {
                return true;
            }
        }
        return false;
    }

    private static String one(String aa) {
        if (aa.equals("*") || aa.equals("X")) {
            return "X";
        }
        return AMINO.getOrDefault(aa.toLowerCase(), aa);
    }

    /** Variant mentions carry their identifier in the text, not in the vocabulary: concept index -1, id kept. */
    private static Candidate candidate(String s, int base, Matcher m, String id, int sentenceIndex) {
        return new Candidate(base + m.start(), base + m.end(), m.group(), EntityType.SequenceVariant, -1, sentenceIndex,
                false, id);
    }
}
