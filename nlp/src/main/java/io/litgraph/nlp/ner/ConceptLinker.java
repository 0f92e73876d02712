package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage: recognised spans → the concepts they name, from the vocabulary hits inside them.
 * <ol>
 *   <li>Candidates: every concept of the span's type named by a hit covering the whole span, or at least half
 *       of it ({@link LinkCandidates}).</li>
 *   <li>Choice: the trained {@link LinkScorer} gives each candidate a probability; the most probable one names
 *       the span, unless it is below the threshold, and the span stays without an identifier (NIL). Without a
 *       trained scorer the dictionary's own ranking chooses (exact hit first, then the longest hit ending at the
 *       span's head).</li>
 *   <li>Coordinated names whose parts the vocabulary knows give one concept per part ({@link Coordination}).</li>
 * </ol>
 * Linking is done per document, because whether other mentions name a concept is part of the evidence.
 * Variant spans take the notation's own identifier from the variant recognizer's candidate.
 */
public final class ConceptLinker {

    /** A hit inside the span must cover at least this share of the span's characters to name it. */
    static final double MIN_COVER = 0.5;

    private final MentionSelector selector;
    private final TermIndex index;
    private final LinkCandidates candidates;
    private final LinkScorer scorer; // null: the dictionary's ranking

    public ConceptLinker(Vocabulary vocabulary, MentionSelector selector, TermIndex index, LinkScorer scorer) {
        this.selector = selector;
        this.index = index;
        this.candidates = new LinkCandidates(vocabulary, selector, new ApproximateNames(vocabulary));
        this.scorer = scorer;
    }

    /** One linking decision to be made: a span, its sentence, and the dictionary ranking's pick. */
    record Pending(int sentence, MentionRecognizer.Span span, int ruleBest) {
    }

    /** Per sentence, the candidates (mentions) for its recognised spans. */
    public List<List<Candidate>> link(DocumentEvidence evidence, List<List<MentionRecognizer.Span>> spans) {
        List<Pending> pending = pending(evidence, spans);
        Map<Integer, Integer> support = support(pending);
        List<List<Candidate>> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            out.add(new ArrayList<>());
        }
        for (Pending p : pending) {
            out.get(p.sentence()).addAll(linkOne(evidence.sentence(p.sentence()), p, support));
        }
        return out;
    }

    /** The candidate concepts of every span with their features, for training the scorer. */
    List<List<LinkCandidates.Candidate>> candidates(DocumentEvidence evidence, List<Pending> pending) {
        Map<Integer, Integer> support = support(pending);
        List<List<LinkCandidates.Candidate>> out = new ArrayList<>();
        for (Pending p : pending) {
            out.add(candidatesOf(evidence.sentence(p.sentence()), p, support));
        }
        return out;
    }

    List<Pending> pending(DocumentEvidence evidence, List<List<MentionRecognizer.Span>> spans) {
        List<Pending> pending = new ArrayList<>();
        for (int si = 0; si < spans.size(); si++) {
            SentenceInput sentence = evidence.sentence(si);
            for (MentionRecognizer.Span span : spans.get(si)) {
                pending.add(new Pending(si, span, span.type() == EntityType.SequenceVariant ? -1 : ruleBest(sentence, span)));
            }
        }
        return pending;
    }

    private static Map<Integer, Integer> support(List<Pending> pending) {
        Map<Integer, Integer> support = new HashMap<>();
        for (Pending p : pending) {
            if (p.ruleBest() >= 0) {
                support.merge(p.ruleBest(), 1, Integer::sum);
            }
        }
        return support;
    }

    private List<LinkCandidates.Candidate> candidatesOf(SentenceInput sentence, Pending p, Map<Integer, Integer> support) {
        Map<Integer, Integer> others = support;
        if (p.ruleBest() >= 0) {
            others = new HashMap<>(support);
            others.merge(p.ruleBest(), -1, Integer::sum); // the span's own vote is not support
        }
        return candidates.of(sentence, p.span(), p.ruleBest(), others);
    }

    private List<Candidate> linkOne(SentenceInput sentence, Pending p, Map<Integer, Integer> support) {
        MentionRecognizer.Span span = p.span();
        String surface = sentence.text().substring(span.start(), span.end());
        int si = p.sentence();
        if (span.type() == EntityType.SequenceVariant) {
            Candidate bare = new Candidate(span.start(), span.end(), surface, span.type(), -1, si, false);
            for (Candidate c : sentence.selected()) {
                if (c.type() == EntityType.SequenceVariant && c.overlaps(bare)) {
                    return List.of(new Candidate(span.start(), span.end(), surface, span.type(), -1, si, false, c.externalId()));
                }
            }
            return List.of(bare);
        }
        if (!exactHit(sentence, span)) {
            List<Candidate> parts = Coordination.parts(sentence, span, si, index, selector);
            if (parts.size() >= 2) {
                return parts;
            }
        }
        int concept = p.ruleBest();
        if (scorer != null) {
            List<LinkCandidates.Candidate> options = candidatesOf(sentence, p, support);
            int chosen = scorer.choose(options, span.type());
            concept = chosen < 0 ? -1 : options.get(chosen).concept();
        }
        return List.of(new Candidate(span.start(), span.end(), surface, span.type(), concept, si, false));
    }

    private static boolean exactHit(SentenceInput sentence, MentionRecognizer.Span span) {
        for (TermIndex.Match m : sentence.matches()) {
            if (m.tokenStart() == span.tokenStart() && m.tokenEnd() == span.tokenEnd()) {
                return true;
            }
        }
        return false;
    }

    /** The dictionary ranking's concept for a span: an exact hit first, then the longest hit ending at its head. */
    int ruleBest(SentenceInput sentence, MentionRecognizer.Span span) {
        String text = sentence.text();
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
        return best;
    }
}
