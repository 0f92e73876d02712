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

    private final RecognizerModel model;
    private final TokenFeatures features;

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
        int[] labels = model.tag(features.extract(sentence));
        return spans(sentence.tokens(), labels);
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
