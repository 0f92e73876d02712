package io.litgraph.nlp.relate;

import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written cue words of relation language, grouped into classes, from general biomedical usage (not mined
 * from any corpus). Keys are lowercase stems matched at the start of a token ("inhibit" matches inhibits,
 * inhibited, inhibition, inhibitor); more specific stems are listed before the general ones.
 */
final class RelationCues {

    /** What a cue says about the relation between the entities around it. */
    enum Cue {
        /** physical binding: bind, interact, complex, ligand, receptor of */
        BIND,
        /** A raises, induces, activates or causes B */
        POSITIVE,
        /** A lowers, inhibits, blocks B; also protection and treatment */
        NEGATIVE,
        /** a therapy word: treat, therapy, efficacy (Negative_Correlation for a drug and a disease) */
        TREAT,
        /** drugs given together: combination, plus, co-administration */
        COTREAT,
        /** two drugs affecting each other's action: interaction between X and Y */
        DRUG_INTERACTION,
        /** compared with, versus */
        COMPARISON,
        /** converted to, metabolized to */
        CONVERSION,
        /**
         * harm words: impair, damage, injury, loss, deficiency. Lowering a function (Negative_Correlation between
         * genes and chemicals) is causing disease when the other side is a disease (Positive_Correlation).
         */
        ADVERSE,
        /** associated, linked, correlated, role, involved, mutation */
        ASSOCIATION
    }

    private record Stem(String stem, Cue cue) {
    }

    private static final List<Stem> STEMS = new ArrayList<>();

    private static void add(Cue cue, String... stems) {
        for (String s : stems) {
            STEMS.add(new Stem(s, cue));
        }
    }

    static {
        add(Cue.CONVERSION, "convert", "conversion", "metaboliz", "metabolis", "biotransform");
        add(Cue.COMPARISON, "compar", "versus", "vs", "superior", "inferior", "noninferior");
        add(Cue.COTREAT, "combin", "coadminist", "co-administ", "cotreat", "co-treat", "plus", "adjunct", "concomitant",
                "add-on", "regimen");
        add(Cue.BIND, "bind", "bound", "interact", "complex", "ligand", "dimeriz", "heterodimer", "affinity", "docking",
                "associates with");
        add(Cue.TREAT, "treat", "therap", "efficac", "effective", "remission", "cure", "curative", "relief", "reliev",
                "benefi");
        add(Cue.ADVERSE, "impair", "damag", "injur", "loss", "deficien", "declin", "deplet", "dysfunct", "lesion");
        add(Cue.NEGATIVE, "inhibit", "reduc", "decreas", "suppress", "downregulat", "down-regulat", "block", "attenuat",
                "prevent", "protect", "ameliorat", "lower", "antagoni", "alleviat", "abolish", "abrogat",
                "diminish", "repress", "counteract", "reversed", "reverses", "improv", "rescu",
                "inactivat", "silenc", "knockdown", "negativ", "degrad", "mitigat");
        add(Cue.POSITIVE, "increas", "induc", "activat", "enhanc", "promot", "stimulat", "upregulat", "up-regulat",
                "elevat", "caus", "exacerbat", "aggravat", "augment", "potentiat", "trigger", "provok", "risk",
                "overexpress", "accumulat", "raise", "toxic", "hepatotox", "nephrotox", "cardiotox", "neurotox", "ototox",
                "adverse", "side effect", "develop", "phosphorylat", "evok", "produc", "precipitat", "elicit",
                "sensitiz", "gain", "higher", "amplif", "facilitat", "upreg", "positiv");
        add(Cue.ASSOCIATION, "associat", "link", "correlat", "relat", "involv", "implicat", "mediat", "regulat",
                "modulat", "affect", "influenc", "role", "target", "mutat", "variant", "polymorphism", "carrier",
                "express", "respons", "depend", "contribut", "predispos", "susceptib", "signal", "pathway", "caused by");
    }

    private RelationCues() {
    }

    /** The cue class of a token, or null. */
    static Cue of(String lowerToken) {
        if (lowerToken.length() < 2) {
            return null;
        }
        for (Stem s : STEMS) {
            if (lowerToken.startsWith(s.stem())) {
                if (s.stem().equals("vs") && lowerToken.length() > 2) {
                    continue;
                }
                return s.cue();
            }
        }
        return null;
    }
}
