package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;

import java.util.List;

/**
 * Stage: a recognised span → the concept it names, from the vocabulary hits inside it.
 * <ol>
 *   <li>a hit covering exactly the span, with a term of the span's type (ranked as the dictionary ranks);</li>
 *   <li>otherwise the hit of that type that covers at least half of the span, preferring one that ends where
 *       the span ends (English names are head-final) and then the longest ("IL-6 gene" is IL-6);</li>
 *   <li>otherwise none: the mention keeps its type without an identifier (NIL).</li>
 * </ol>
 * Variant spans take the notation's own identifier from the variant recognizer's candidate.
 */
public final class ConceptLinker {

    /** A hit inside the span must cover at least this share of the span's characters to name it. */
    static final double MIN_COVER = 0.5;

    private final MentionSelector selector;

    public ConceptLinker(MentionSelector selector) {
        this.selector = selector;
    }

    public Candidate link(SentenceInput sentence, MentionRecognizer.Span span, int sentenceIndex) {
        String text = sentence.text();
        String surface = text.substring(span.start(), span.end());
        if (span.type() == EntityType.SequenceVariant) {
            for (Candidate c : sentence.selected()) {
                if (c.type() == EntityType.SequenceVariant && c.overlaps(asCandidate(span, surface, sentenceIndex))) {
                    return new Candidate(span.start(), span.end(), surface, span.type(), -1, sentenceIndex, false,
                            c.externalId());
                }
            }
            return asCandidate(span, surface, sentenceIndex);
        }
        List<Token> tokens = sentence.tokens();
        int best = -1;
        double bestScore = 0;
        for (TermIndex.Match m : sentence.matches()) {
            if (m.tokenStart() < span.tokenStart() || m.tokenEnd() > span.tokenEnd()) {
                continue;
            }
            boolean exact = m.tokenStart() == span.tokenStart() && m.tokenEnd() == span.tokenEnd();
            double cover = (m.end() - m.start()) / (double) (span.end() - span.start());
            if (!exact && cover < MIN_COVER) {
                continue;
            }
            int concept = selector.bestConcept(text, tokens, m, span.type());
            if (concept < 0) {
                continue;
            }
            double score = exact ? 3 : (m.tokenEnd() == span.tokenEnd() ? 1 : 0) + cover;
            if (score > bestScore) {
                bestScore = score;
                best = concept;
            }
        }
        return new Candidate(span.start(), span.end(), surface, span.type(), best, sentenceIndex, false);
    }

    private static Candidate asCandidate(MentionRecognizer.Span span, String surface, int sentenceIndex) {
        return new Candidate(span.start(), span.end(), surface, span.type(), -1, sentenceIndex, false);
    }
}
