package io.litgraph.nlp.match;

import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.text.Tokenizer;
import io.litgraph.nlp.vocab.Term;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trie over normalized token sequences: each edge is (node, token id), each node may end terms.
 * Tokens that occur in no term get no id, so running text falls out of the trie at the first unknown word.
 * Built once from a {@link Vocabulary}; read-only afterwards and therefore safe to share between threads.
 */
public final class TermIndex {

    private final Map<String, Integer> tokenIds = new HashMap<>();
    private final LongIntMap edges;
    private int nodeCount = 1; // node 0 is the root
    private int[] firstTerm = new int[1024]; // per node: index into terms of the first term ending here, or -1
    private int[] nextTerm; // per term: the next term ending at the same node, or -1
    private final Vocabulary vocabulary;
    private final int maxLength;

    public TermIndex(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        List<Term> terms = vocabulary.terms();
        edges = new LongIntMap(terms.size() * 2);
        Arrays.fill(firstTerm, -1);
        nextTerm = new int[terms.size()];
        int longest = 0;
        for (int t = 0; t < terms.size(); t++) {
            List<Token> tokens = Tokenizer.tokenize(terms.get(t).text(), 0);
            nextTerm[t] = -1;
            if (tokens.isEmpty()) {
                continue;
            }
            longest = Math.max(longest, tokens.size());
            int node = 0;
            for (Token tok : tokens) {
                Integer id = tokenIds.get(tok.norm());
                if (id == null) {
                    id = tokenIds.size();
                    tokenIds.put(tok.norm(), id);
                }
                long edge = ((long) node << 32) | id;
                int child = edges.get(edge, -1);
                if (child < 0) {
                    child = nodeCount++;
                    if (child >= firstTerm.length) {
                        int old = firstTerm.length;
                        firstTerm = Arrays.copyOf(firstTerm, old * 2);
                        Arrays.fill(firstTerm, old, firstTerm.length, -1);
                    }
                    edges.put(edge, child);
                }
                node = child;
            }
            nextTerm[t] = firstTerm[node];
            firstTerm[node] = t;
        }
        this.maxLength = longest;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The id of a normalized token, or -1 when no term contains it. */
    public int tokenId(String norm) {
        Integer id = tokenIds.get(norm);
        return id == null ? -1 : id;
    }

    /**
     * Every term occurrence starting at token {@code from}: one {@link Match} per length that ends a term,
     * longest first.
     */
    public List<Match> matchesAt(List<Token> tokens, int[] ids, boolean[] breakBefore, int from) {
        List<Match> found = null;
        int node = 0;
        for (int i = from; i < tokens.size() && i - from < maxLength; i++) {
            if (ids[i] < 0) {
                break;
            }
            if (i > from && breakBefore[i]) {
                break;
            }
            node = edges.get(((long) node << 32) | ids[i], -1);
            if (node < 0) {
                break;
            }
            if (firstTerm[node] >= 0) {
                List<Term> hits = new ArrayList<>(2);
                for (int t = firstTerm[node]; t >= 0; t = nextTerm[t]) {
                    hits.add(vocabulary.terms().get(t));
                }
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(0, new Match(from, i + 1, tokens.get(from).start(), tokens.get(i).end(), hits));
            }
        }
        return found == null ? List.of() : found;
    }

    /**
     * The dictionary hit that spans the whole of {@code name} (normalized as the text is), or null: how a name
     * built by the engine itself ("breast cancer" from "breast and ovarian cancer") is looked up.
     */
    public Match lookup(String name) {
        List<Token> tokens = Tokenizer.tokenize(name, 0);
        if (tokens.isEmpty()) {
            return null;
        }
        for (Match m : matchesAt(tokens, ids(tokens), new boolean[tokens.size()], 0)) {
            if (m.tokenEnd() == tokens.size()) {
                return m;
            }
        }
        return null;
    }

    /** Token ids for a token sequence (-1 for tokens no term uses). */
    public int[] ids(List<Token> tokens) {
        int[] ids = new int[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = tokenId(tokens.get(i).norm());
        }
        return ids;
    }

    /** A dictionary hit: token range [tokenStart, tokenEnd), character range [start, end), the terms. */
    public record Match(int tokenStart, int tokenEnd, int start, int end, List<Term> terms) {
    }
}
