package io.litgraph.nlp.context;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which organism each gene mention belongs to, and removes the human gene id from mentions that are
 * about another organism (the vocabulary only knows human genes; a mouse gene normalized to its human
 * ortholog would be a wrong id). The organism of a gene mention is the species mentioned last before it in the
 * same sentence, else the document's most frequently mentioned species, else human; the id is removed only when
 * that organism is not human and the document mentions no humans at all. (Measured alternatives: removing it
 * whenever the local species is not human, or never, did no better on the multi-species gene corpora.)
 */
public final class SpeciesAssigner {

    public static final String HUMAN = "NCBITaxon:9606";

    private final Vocabulary vocabulary;

    public SpeciesAssigner(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public List<Candidate> assign(List<Candidate> mentions) {
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate c : mentions) {
            if (c.type() == EntityType.OrganismTaxon && c.concept() >= 0) {
                counts.merge(vocabulary.concept(c.concept()).id(), 1, Integer::sum);
            }
        }
        String dominant = HUMAN;
        int best = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            // ties go to human: most literature is about human genes
            if (e.getValue() > best || e.getValue() == best && e.getKey().equals(HUMAN)) {
                best = e.getValue();
                dominant = e.getKey();
            }
        }
        List<Candidate> out = new ArrayList<>(mentions.size());
        String lastInSentence = null;
        int sentence = -1;
        for (Candidate c : mentions) {
            if (c.sentence() != sentence) {
                sentence = c.sentence();
                lastInSentence = null;
            }
            if (c.type() == EntityType.OrganismTaxon && c.concept() >= 0) {
                lastInSentence = vocabulary.concept(c.concept()).id();
            }
            if (c.type() == EntityType.GeneOrGeneProduct && c.concept() >= 0) {
                String species = lastInSentence != null ? lastInSentence : dominant;
                // only when the document never speaks of humans: a human gene named in a mouse study is common
                // ("human IL-6 in transgenic mice"), a mouse gene named in a human study is not
                if (!species.equals(HUMAN) && !counts.containsKey(HUMAN)) {
                    out.add(c.withConcept(-1));
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }
}
