package io.litgraph.nlp.match;

import io.litgraph.nlp.text.Token;

import java.util.List;
import java.util.Set;

/**
 * Whether the words around a token range read like they talk about a gene or protein. Ambiguous gene
 * aliases (English words, one- or two-letter symbols) are only accepted with such support.
 */
public final class GeneContext {

    private static final Set<String> CUES = Set.of(
            "gene", "protein", "mrna", "expression", "expressed", "express", "promoter", "polymorphism", "mutation",
            "mutant", "allele", "receptor", "kinase", "transcription", "knockout", "knockdown", "deficient",
            "phosphorylation", "phosphorylated", "encoding", "encoded", "encode", "isoform", "locus", "signaling",
            "signalling", "sirna", "overexpression", "overexpressing", "transcript", "variant", "genotype", "exon",
            "intron", "deletion", "homozygous", "heterozygous", "upregulated", "downregulated", "upregulation",
            "downregulation", "activation", "inhibitor", "pathway", "binding", "ligand", "antibody", "family", "subunit",
            "enzyme", "domain", "factor", "agonist", "antagonist", "cytokine", "chemokine", "transporter", "channel");

    private GeneContext() {
    }

    public static boolean supports(List<Token> tokens, int from, int to) {
        int lo = Math.max(0, from - 4);
        int hi = Math.min(tokens.size(), to + 4);
        for (int i = lo; i < hi; i++) {
            if (i >= from && i < to) {
                continue;
            }
            if (CUES.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }
}
