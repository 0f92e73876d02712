package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.Passage;
import io.litgraph.nlp.Span;
import io.litgraph.nlp.abbrev.Abbreviation;
import io.litgraph.nlp.abbrev.AbbreviationDetector;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.DictionaryMatcher;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.match.VariantRecognizer;
import io.litgraph.nlp.text.SentenceSplitter;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.text.Tokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the dictionary stages know about a document before any learned decision: sentences, tokens,
 * every vocabulary hit, the dictionary's own mention choice (with variant notations), and the local
 * abbreviation definitions. The recognizer reads it to decide mentions; the linker reads it to name them.
 * Built the same way for training and for annotation.
 */
public record DocumentEvidence(String text, List<Span> sentences, List<List<Token>> tokens,
                               List<List<TermIndex.Match>> matches, List<List<Candidate>> selected,
                               List<Abbreviation> definitions, Map<String, EntityType> shortFormType) {

    public static DocumentEvidence read(InputDocument document, String text, DictionaryMatcher matcher,
                                        MentionSelector selector) {
        List<Span> sentences = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        List<List<TermIndex.Match>> matches = new ArrayList<>();
        List<List<Candidate>> selected = new ArrayList<>();
        List<Abbreviation> definitions = new ArrayList<>();
        for (Passage p : document.passages()) {
            for (Span s : SentenceSplitter.split(p.text(), p.offset())) {
                int index = sentences.size();
                sentences.add(s);
                List<Token> t = Tokenizer.tokenize(s.text(), s.start());
                tokens.add(t);
                List<TermIndex.Match> m = matcher.find(text, 0, t);
                matches.add(m);
                List<Candidate> found = new ArrayList<>(selector.select(text, index, t, m));
                for (Candidate v : VariantRecognizer.find(s.text(), s.start(), index)) {
                    // a variant notation wins over dictionary words inside it ("Arg", "R215")
                    found.removeIf(c -> c.overlaps(v));
                    if (found.stream().noneMatch(c -> c.overlaps(v) && c.type() == EntityType.SequenceVariant)) {
                        found.add(v);
                    }
                }
                found.sort(Comparator.comparingInt(Candidate::start));
                selected.add(found);
                definitions.addAll(AbbreviationDetector.find(s.text(), s.start()));
            }
        }
        return new DocumentEvidence(text, sentences, tokens, matches, selected, definitions,
                shortFormTypes(definitions, selected));
    }

    public SentenceInput sentence(int i) {
        return new SentenceInput(text, tokens.get(i), matches.get(i), selected.get(i), shortFormType);
    }

    /** Short forms whose long form the dictionary recognised, with that type (the first definition holds). */
    private static Map<String, EntityType> shortFormTypes(List<Abbreviation> definitions, List<List<Candidate>> selected) {
        Map<String, EntityType> out = new HashMap<>();
        for (Abbreviation a : definitions) {
            String sf = a.shortForm().text();
            if (out.containsKey(sf)) {
                continue;
            }
            Span lf = a.longForm();
            Candidate best = null;
            for (List<Candidate> list : selected) {
                for (Candidate c : list) {
                    if (c.start() >= lf.start() && c.end() <= lf.end() && c.end() >= lf.end() - 1
                            && (c.end() - c.start()) * 2 >= lf.end() - lf.start()
                            && (best == null || c.end() - c.start() > best.end() - best.start())) {
                        best = c;
                    }
                }
            }
            if (best != null) {
                out.put(sf, best.type());
            }
        }
        return out;
    }
}
