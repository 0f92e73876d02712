package io.litgraph.nlp.match;

import io.litgraph.nlp.text.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every dictionary term occurrence in a token sequence (overlapping, all lengths). Choosing among them
 * is the {@link MentionSelector}'s job. Terms do not bridge clause punctuation: a term may continue across
 * a space, hyphen, slash, period or a comma between digits ("1,2-diol"), not across ", " ";" ":" or brackets.
 */
public final class DictionaryMatcher {

    private final TermIndex index;

    public DictionaryMatcher(TermIndex index) {
        this.index = index;
    }

    public List<TermIndex.Match> find(String documentText, int documentBase, List<Token> tokens) {
        int[] ids = index.ids(tokens);
        boolean[] breaks = breaks(documentText, documentBase, tokens);
        List<TermIndex.Match> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (ids[i] >= 0) {
                out.addAll(index.matchesAt(tokens, ids, breaks, i));
            }
        }
        return out;
    }

    /** breaks[i]: a term must not continue from token i-1 into token i. */
    static boolean[] breaks(String text, int base, List<Token> tokens) {
        boolean[] b = new boolean[tokens.size()];
        for (int i = 1; i < tokens.size(); i++) {
            int from = tokens.get(i - 1).end() - base;
            int to = tokens.get(i).start() - base;
            if (to - from > 3) {
                b[i] = true;
                continue;
            }
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c == ';' || c == ':' || c == '(' || c == ')' || c == '[' || c == ']' || c == '\n' || c == '='
                        || c == ',' && (k + 1 < to || !Character.isDigit(text.charAt(to)))) {
                    b[i] = true;
                    break;
                }
            }
        }
        return b;
    }
}
