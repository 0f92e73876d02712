package io.litgraph.nlp.ner;

import io.litgraph.nlp.Concept;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.Term;
import io.litgraph.nlp.vocab.TermKind;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The concepts a recognised span may name, each described by features the {@link LinkScorer} weighs: how the
 * vocabulary hit covers the span (exactly, most of it, ending at its head), the kind of name that matched
 * (official symbol, synonym, shared alias...), how many concepts share that name, whether the written form fits
 * the term's case, the concept's registry and cross-references, whether the dictionary's hand-ordered ranking
 * would pick it, whether other mentions in the document name it, and whether the span is a local short form.
 * A span with no vocabulary name inside gets the closest names in spelling instead ({@link ApproximateNames}).
 * No feature names a concept or a corpus word: what is learned is how far to trust each kind of evidence.
 */
public final class LinkCandidates {

    /** One candidate concept with its feature keys. */
    public record Candidate(int concept, long[] features) {
    }

    private static final int BIAS = 1, EXACT = 2, COVER = 3, HEAD = 4, KIND = 5, FITS = 6, RULE_BEST = 7, AMBIGUITY = 8,
            KIND_AMBIGUITY = 9, SOURCE = 10, XREFS = 12, CASE_EXACT = 13, DOC_SUPPORT = 14,
            SHORT_FORM = 15, SHAPE = 16, LENGTH = 17, NAME_EQUAL = 18, RULE_BEST_AMBIGUITY = 19, APPROXIMATE = 20,
            APPROXIMATE_KIND = 21;

    private final Vocabulary vocabulary;
    private final MentionSelector selector;
    private final ApproximateNames approximate;

    public LinkCandidates(Vocabulary vocabulary, MentionSelector selector, ApproximateNames approximate) {
        this.vocabulary = vocabulary;
        this.selector = selector;
        this.approximate = approximate;
    }

    /**
     * @param ruleBest   the concept the dictionary's ranking picks for the span (-1: none)
     * @param docSupport per concept, how many other spans of the document the dictionary's ranking gives it
     */
    public List<Candidate> of(SentenceInput sentence, MentionRecognizer.Span span, int ruleBest, Map<Integer, Integer> docSupport) {
        EntityType type = span.type();
        String text = sentence.text();
        String surface = text.substring(span.start(), span.end());
        List<Token> tokens = sentence.tokens();
        Map<Integer, long[]> out = new LinkedHashMap<>();
        FeatureKey k = new FeatureKey();
        int t = type.ordinal();
        String surfaceLetters = lettersAndDigits(surface);
        int shortForm = sentence.shortFormType().containsKey(surface) ? 1 : 0;
        long shape = k.start(SHAPE).add(t).add(TokenFeatures.shape(surface.length() > 24 ? surface.substring(0, 24) : surface, true)).get();
        long length = k.start(LENGTH).add(t).add(bucket(span.tokenEnd() - span.tokenStart(), 1, 2, 3, 5)).get();
        for (TermIndex.Match m : sentence.matches()) {
            if (m.tokenStart() < span.tokenStart() || m.tokenEnd() > span.tokenEnd()) {
                continue;
            }
            boolean exact = m.tokenStart() == span.tokenStart() && m.tokenEnd() == span.tokenEnd();
            double cover = (m.end() - m.start()) / (double) (span.end() - span.start());
            if (!exact && cover < ConceptLinker.MIN_COVER) {
                continue;
            }
            // per concept of this type: its best term kind in the hit, and whether any of its terms fits the text
            Map<Integer, TermKind> kinds = new LinkedHashMap<>();
            Set<Integer> fitting = new HashSet<>();
            Set<Integer> caseExact = new HashSet<>();
            String hitText = text.substring(m.start(), m.end());
            for (Term term : m.terms()) {
                if (vocabulary.concept(term.concept()).type() != type) {
                    continue;
                }
                kinds.merge(term.concept(), term.kind(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                if (selector.fits(term, hitText, tokens, m)) {
                    fitting.add(term.concept());
                }
                if (term.text().equals(hitText)) {
                    caseExact.add(term.concept());
                }
            }
            int ambiguity = bucket(kinds.size(), 1, 2, 3, 6);
            for (Map.Entry<Integer, TermKind> e : kinds.entrySet()) {
                int c = e.getKey();
                if (out.containsKey(c) && !exact) {
                    continue; // the exact hit's description of a concept wins over a partial one
                }
                Concept concept = vocabulary.concept(c);
                long[] f = new long[20];
                int n = 0;
                f[n++] = k.start(BIAS).add(t).get();
                f[n++] = k.start(EXACT).add(t).add(exact ? 1 : 0).get();
                if (!exact) {
                    f[n++] = k.start(COVER).add(t).add(cover < 0.7 ? 0 : cover < 0.9 ? 1 : 2).get();
                    f[n++] = k.start(HEAD).add(t).add(m.tokenEnd() == span.tokenEnd() ? 1 : 0).get();
                }
                f[n++] = k.start(KIND).add(t).add(e.getValue().ordinal()).get();
                f[n++] = k.start(FITS).add(t).add(fitting.contains(c) ? 1 : 0).get();
                boolean best = c == ruleBest;
                f[n++] = k.start(RULE_BEST).add(t).add(best ? 1 : 0).get();
                f[n++] = k.start(AMBIGUITY).add(t).add(ambiguity).get();
                f[n++] = k.start(KIND_AMBIGUITY).add(t).add(e.getValue().ordinal()).add(ambiguity).get();
                f[n++] = k.start(RULE_BEST_AMBIGUITY).add(t).add(best ? 1 : 0).add(ambiguity).add(exact ? 1 : 0).get();
                f[n++] = k.start(SOURCE).add(t).add(prefix(concept.id())).get();
                f[n++] = k.start(XREFS).add(t).add(bucket(concept.xrefs().size(), 0, 1, 3, 8)).get();
                f[n++] = k.start(CASE_EXACT).add(t).add(caseExact.contains(c) ? 1 : 0).get();
                f[n++] = k.start(DOC_SUPPORT).add(t).add(bucket(docSupport.getOrDefault(c, 0), 0, 1, 2, 4)).get();
                f[n++] = k.start(SHORT_FORM).add(t).add(shortForm).get();
                f[n++] = shape;
                f[n++] = length;
                f[n++] = k.start(NAME_EQUAL).add(t).add(lettersAndDigits(concept.name()).equals(surfaceLetters) ? 1 : 0).get();
                out.put(c, java.util.Arrays.copyOf(f, n));
            }
        }
        if (out.isEmpty() && approximate != null) {
            // no vocabulary name inside the span: the closest names in spelling, for the scorer to accept or not
            for (ApproximateNames.Near near : approximate.near(surface, type)) {
                Concept concept = vocabulary.concept(near.term().concept());
                int similarity = near.dice() < 0.6 ? 0 : near.dice() < 0.7 ? 1 : near.dice() < 0.8 ? 2 : 3;
                out.put(near.term().concept(), new long[] {
                        k.start(BIAS).add(t).get(),
                        k.start(APPROXIMATE).add(t).add(similarity).get(),
                        k.start(APPROXIMATE_KIND).add(t).add(near.term().kind().ordinal()).get(),
                        k.start(SOURCE).add(t).add(prefix(concept.id())).get(),
                        k.start(XREFS).add(t).add(bucket(concept.xrefs().size(), 0, 1, 3, 8)).get(),
                        k.start(DOC_SUPPORT).add(t).add(bucket(docSupport.getOrDefault(near.term().concept(), 0), 0, 1, 2, 4)).get(),
                        k.start(SHORT_FORM).add(t).add(shortForm).get(),
                        shape,
                        length});
            }
        }
        List<Candidate> list = new ArrayList<>(out.size());
        for (Map.Entry<Integer, long[]> e : out.entrySet()) {
            list.add(new Candidate(e.getKey(), e.getValue()));
        }
        return list;
    }

    /** Lower-cased letters and digits only: "IL-6" and "il 6" compare equal. */
    private static String lettersAndDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** Whether a candidate's features say that the dictionary's ranking picks it. */
    static boolean isRuleBest(long[] features) {
        FeatureKey k = new FeatureKey();
        for (EntityType type : EntityType.values()) {
            long key = k.start(RULE_BEST).add(type.ordinal()).add(1).get();
            for (long f : features) {
                if (f == key) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int bucket(int n, int... bounds) {
        int b = 0;
        for (int x : bounds) {
            if (n >= x) {
                b++;
            }
        }
        return b;
    }

    private static String prefix(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

}
