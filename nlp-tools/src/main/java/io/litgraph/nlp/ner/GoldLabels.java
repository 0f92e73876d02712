package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.text.Token;

import java.util.List;
import java.util.Set;

/**
 * The labels a gold corpus allows for a sentence's tokens, as bit masks. Tokens inside a gold mention must carry
 * its B-/I- labels. Tokens outside every mention may be O, or any label of a type the corpus does not annotate:
 * a chemical corpus says nothing about genes, so it must not teach the model that a gene name is "no entity".
 * Tokens of a mention that does not align with token boundaries, of overlapping mentions, or of an annotated
 * kind the model does not learn (gene families, protein domains) are left free.
 */
final class GoldLabels {

    /** A gold mention mapped to the model's types; {@code type} null means "leave these tokens free". */
    record GoldSpan(int start, int end, EntityType type) {
    }

    private GoldLabels() {
    }

    static int[] masks(List<Token> tokens, List<GoldSpan> gold, Set<EntityType> annotated) {
        int n = tokens.size();
        int outside = 1 << Labels.O;
        for (int k = 0; k < Labels.TYPES.size(); k++) {
            if (!annotated.contains(Labels.TYPES.get(k))) {
                outside |= (1 << Labels.begin(k)) | (1 << Labels.inside(k));
            }
        }
        int[] mask = new int[n];
        java.util.Arrays.fill(mask, outside);
        int[] owner = new int[n]; // 0 none, >0 one gold span (index + 1), -1 several
        for (int g = 0; g < gold.size(); g++) {
            GoldSpan s = gold.get(g);
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                if (t.start() < s.end() && s.start() < t.end()) {
                    owner[i] = owner[i] == 0 ? g + 1 : -1;
                }
            }
        }
        for (int g = 0; g < gold.size(); g++) {
            GoldSpan s = gold.get(g);
            int from = -1, to = -1;
            boolean clean = s.type() != null;
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                if (t.start() < s.end() && s.start() < t.end()) {
                    if (from < 0) {
                        from = i;
                    }
                    to = i + 1;
                    if (t.start() < s.start() || t.end() > s.end() || owner[i] != g + 1) {
                        clean = false;
                    }
                }
            }
            if (from < 0) {
                continue;
            }
            int k = clean ? Labels.typeIndex(s.type()) : -1;
            for (int i = from; i < to; i++) {
                if (k < 0) {
                    mask[i] = Labels.all();
                } else {
                    mask[i] = 1 << (i == from ? Labels.begin(k) : Labels.inside(k));
                }
            }
        }
        return mask;
    }
}
