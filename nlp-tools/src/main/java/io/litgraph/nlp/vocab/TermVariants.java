package io.litgraph.nlp.vocab;

import io.litgraph.nlp.EntityType;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generates the spelling variants registries leave out, in the spirit of CTD's disease-name expansion:
 * uninverted MeSH forms ("Diabetes Mellitus, Type 2" → "Type 2 Diabetes Mellitus"), qualifiers dropped
 * ("Hepatitis (disorder)", "..., NOS"), "Neoplasms" read as cancer/tumor, organ nouns as their adjectives
 * ("Kidney Diseases" → "renal diseases") and "disease"/"disorder" interchanged. Case, hyphens, Greek letters and
 * plurals are not expanded here: the token normalizer folds them on both sides.
 */
public final class TermVariants {

    private static final Map<String, String> ORGAN_ADJECTIVES = Map.ofEntries(
            Map.entry("kidney", "renal"), Map.entry("liver", "hepatic"), Map.entry("heart", "cardiac"),
            Map.entry("lung", "pulmonary"), Map.entry("brain", "cerebral"), Map.entry("stomach", "gastric"),
            Map.entry("skin", "cutaneous"), Map.entry("bone", "osseous"), Map.entry("blood", "hematologic"));

    private TermVariants() {
    }

    public static Set<String> of(String term, EntityType type) {
        Set<String> out = new LinkedHashSet<>();
        String t = term.strip();
        out.add(t);
        String unq = stripQualifiers(t);
        out.add(unq);
        String uninverted = uninvert(unq);
        out.add(uninverted);
        if (type == EntityType.DiseaseOrPhenotypicFeature) {
            for (String v : Set.copyOf(out)) {
                String low = v.toLowerCase(Locale.ROOT);
                if (low.endsWith(" neoplasms") || low.endsWith(" neoplasm")) {
                    String stem = v.substring(0, low.lastIndexOf(" neoplasm"));
                    out.add(stem + " cancer");
                    out.add(stem + " tumor");
                    out.add(stem + " carcinoma");
                    out.add(stem + " neoplasm");
                }
                if (low.endsWith(" disease") || low.endsWith(" diseases")) {
                    out.add(v.substring(0, low.lastIndexOf(" disease")) + " disorder");
                }
                if (low.endsWith(" disorder") || low.endsWith(" disorders")) {
                    out.add(v.substring(0, low.lastIndexOf(" disorder")) + " disease");
                }
                String first = low.contains(" ") ? low.substring(0, low.indexOf(' ')) : null;
                if (first != null && ORGAN_ADJECTIVES.containsKey(first)) {
                    out.add(ORGAN_ADJECTIVES.get(first) + v.substring(first.length()));
                }
                if (v.indexOf(' ') < 0) {
                    out.addAll(adjectives(v));
                }
                if (low.contains(" mellitus")) {
                    out.add(v.replaceAll("(?i) mellitus", ""));
                }
            }
        }
        out.removeIf(s -> s.isBlank() || s.length() < 2);
        return out;
    }

    /**
     * The adjective of a one-word disease name, by English derivational morphology: ischemia → ischemic,
     * psychosis → psychotic, akinesia → akinetic, hypertension → hypertensive, cardiotoxicity → cardiotoxic,
     * aneurysm → aneurysmal, diabetes → diabetic, parkinsonism → parkinsonian.
     */
    static Set<String> adjectives(String w) {
        Set<String> out = new LinkedHashSet<>();
        String l = w.toLowerCase(Locale.ROOT);
        if (l.length() < 6) {
            return out;
        }
        if (l.endsWith("esia")) {
            out.add(l.substring(0, l.length() - 4) + "etic");
        } else if (l.endsWith("ia")) {
            out.add(l.substring(0, l.length() - 2) + "ic");
        }
        if (l.endsWith("osis")) {
            out.add(l.substring(0, l.length() - 4) + "otic");
        }
        if (l.endsWith("icity")) {
            out.add(l.substring(0, l.length() - 3));
        }
        if (l.endsWith("sion")) {
            out.add(l.substring(0, l.length() - 3) + "ive");
        }
        if (l.endsWith("ism")) {
            out.add(l.substring(0, l.length() - 3) + "ian");
        }
        if (l.endsWith("ysm")) {
            out.add(l + "al");
        }
        if (l.endsWith("etes")) {
            out.add(l.substring(0, l.length() - 4) + "etic");
        }
        return out;
    }

    /** Drops "(qualifier)" and trailing ", NOS" / "[...]". */
    static String stripQualifiers(String t) {
        String s = t.replaceAll("\\s*\\[[^\\]]*\\]\\s*$", "");
        s = s.replaceAll("(?i),\\s*NOS$", "");
        s = s.replaceAll("\\s*\\((disorder|disease|finding|morphologic abnormality|qualifier value|substance|product)\\)\\s*$", "");
        return s.strip();
    }

    /** "A, B" → "B A"; "A, B, C" → "C B A". Chemical-style commas inside a word ("1,2-diol") are not inversions. */
    static String uninvert(String t) {
        if (!t.contains(", ")) {
            return t;
        }
        String[] parts = t.split(", ");
        if (parts.length > 3) {
            return t;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = parts.length - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(parts[i].strip());
        }
        return sb.toString();
    }
}
