package io.litgraph.nlp.relate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trigger words and the BioRED relation type each signals. Keys are lowercase word stems matched at the start
 * of a token ("inhibit" matches inhibits, inhibited, inhibition, inhibitor). Order matters: the first listed
 * stem that matches wins, so multi-word and more specific cues come first.
 */
final class TriggerLexicon {

    static final Map<String, String> STEMS = new LinkedHashMap<>();

    static {
        for (String s : new String[]{"bind", "interact", "complex", "ligand", "dimeriz", "heterodimer"}) {
            STEMS.put(s, "Bind");
        }
        for (String s : new String[]{"combin", "coadminist", "co-administ", "cotreat", "co-treat", "plus", "adjunct"}) {
            STEMS.put(s, "Cotreatment");
        }
        for (String s : new String[]{"convert", "conversion", "metaboliz", "metabolis"}) {
            STEMS.put(s, "Conversion");
        }
        for (String s : new String[]{"inhibit", "reduc", "decreas", "suppress", "downregulat", "down-regulat", "block",
                "attenuat", "prevent", "protect", "ameliorat", "impair", "lower", "antagoni", "alleviat", "abolish",
                "abrogat", "diminish", "repress", "counteract", "reverse", "treat", "therap", "improv", "rescu",
                "deplet", "loss", "destroy", "destruct", "cytotoxic"}) {
            STEMS.put(s, "Negative_Correlation");
        }
        for (String s : new String[]{"increas", "induc", "activat", "enhanc", "promot", "stimulat", "upregulat",
                "up-regulat", "elevat", "caus", "exacerbat", "aggravat", "augment", "potentiat", "trigger", "provok",
                "phosphorylat", "risk", "overexpress", "accumulat", "raise", "contribut", "lead", "led", "result"}) {
            STEMS.put(s, "Positive_Correlation");
        }
        for (String s : new String[]{"associat", "link", "correlat", "relat", "involv", "implicat", "mediat",
                "regulat", "modulat", "affect", "influenc", "role", "target", "mutat", "variant", "polymorphism",
                "express"}) {
            STEMS.put(s, "Association");
        }
    }

    private TriggerLexicon() {
    }

    /** The relation type a token triggers, or null. */
    static String typeOf(String lowerToken) {
        if (lowerToken.length() < 3) {
            return null;
        }
        for (Map.Entry<String, String> e : STEMS.entrySet()) {
            if (lowerToken.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }
}
