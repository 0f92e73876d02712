package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.text.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage: a sentence's tokens and dictionary evidence → typed mention spans, decided by the trained tagger.
 * Spans run from the first token's start to the last token's end (so "IL-6" keeps its hyphen).
 */
public final class MentionRecognizer {

    /** A recognised span: token range [tokenStart, tokenEnd) and character range [start, end). */
    public record Span(int tokenStart, int tokenEnd, int start, int end, EntityType type) {
    }

    /** Words whose own part of the label scores is kept; beyond it they are scored each time. */
    static final int WORD_CACHE_SIZE = 200_000;

    private final RecognizerModel model;
    private final TokenFeatures features;
    // a word's own features (surface, affixes, trigrams: half of a token's) score the same wherever it occurs
    private final java.util.concurrent.ConcurrentHashMap<String, float[]> wordScores = new java.util.concurrent.ConcurrentHashMap<>();

    public MentionRecognizer(RecognizerModel model, TokenFeatures features) {
        this.model = model;
        this.features = features;
    }

    public RecognizerModel model() {
        return model;
    }

    public List<Span> recognize(SentenceInput sentence) {
        if (sentence.tokens().isEmpty()) {
            return List.of();
        }
        List<Token> tokens = sentence.tokens();
        float[][] emission = model.emission(features.extractContext(sentence));
        for (int i = 0; i < tokens.size(); i++) {
            float[] word = wordScore(tokens.get(i).text());
            float[] row = emission[i];
            for (int y = 0; y < row.length; y++) {
                row[y] += word[y];
            }
        }
        return spans(tokens, model.tag(emission));
    }

    private float[] wordScore(String word) {
        float[] s = wordScores.get(word);
        if (s == null) {
            s = model.emission(new long[][] {features.wordKeys(word)})[0];
            if (wordScores.size() < WORD_CACHE_SIZE) {
                wordScores.putIfAbsent(word, s);
            }
        }
        return s;
    }

    static List<Span> spans(List<Token> tokens, int[] labels) {
        List<Span> out = new ArrayList<>();
        int i = 0;
        while (i < labels.length) {
            if (labels[i] == Labels.O) {
                i++;
                continue;
            }
            int type = Labels.typeOf(labels[i]);
            int j = i + 1;
            while (j < labels.length && labels[j] == Labels.inside(type)) {
                j++;
            }
            out.add(new Span(i, j, tokens.get(i).start(), tokens.get(j - 1).end(), Labels.TYPES.get(type)));
            i = j;
        }
        return out;
    }
}
