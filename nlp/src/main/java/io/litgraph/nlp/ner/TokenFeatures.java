package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.Term;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.List;

/**
 * Turns a sentence into feature keys, one array per token. Three families:
 * <ul>
 *   <li><b>the word itself</b>: surface, lower case, shape (long and collapsed), prefixes and suffixes of 2-4,
 *       character trigrams, length, and the punctuation that glues it to its neighbours ("IL-6", "(PD)");</li>
 *   <li><b>its context</b>: lower-cased words and shapes at -2..+2 and the two bigrams through it;</li>
 *   <li><b>the dictionary's evidence</b>: for every vocabulary hit covering the token, its entity type and the
 *       token's place in it (B, I, E, single), the hit's length, the term kind (name, symbol, alias...), the
 *       concept's registry and how many concepts share the name; whether the dictionary's own mention choice
 *       (with its context rules) kept the hit; and whether the token is a short form whose long form the
 *       dictionary typed.</li>
 * </ul>
 * The model learns how far to trust each piece of dictionary evidence per type, which is what replaces the
 * hand-written selection rules.
 */
public final class TokenFeatures {

    // template numbers; changing any of them invalidates trained models (see RecognizerModel.FORMAT)
    private static final int WORD = 1, LOWER = 2, SHAPE = 3, SHAPE_SHORT = 4, PREFIX = 5, SUFFIX = 6, TRIGRAM = 7,
            LENGTH = 8, SEP_BEFORE = 9, SEP_AFTER = 10, CONTEXT_WORD = 11, CONTEXT_SHAPE = 12, BIGRAM_LEFT = 13,
            BIGRAM_RIGHT = 14, DICT_POS = 15, DICT_LEN = 16, DICT_KIND = 17, DICT_SOURCE = 18, DICT_AMBIGUITY = 19,
            SELECTED = 20, SHORT_FORM = 21, BIAS = 22, FIRST = 23, SHORT_FORM_WORD = 24, DICT_NONE = 25;

    private static final int MAX_TRIGRAM_WORD = 24;
    private static final int MAX_FEATURES = 96;

    private final Vocabulary vocabulary;

    public TokenFeatures(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Every feature key of every token: the word's own and its context's. */
    public long[][] extract(SentenceInput in) {
        return extract(in, true);
    }

    /**
     * The keys that depend on the token's place in the sentence (context, separators, dictionary evidence) but not
     * those of the word alone ({@link #wordKeys}), which a tagger can cache per word.
     */
    public long[][] extractContext(SentenceInput in) {
        return extract(in, false);
    }

    /** The keys of the word alone: surface, lower case, shapes, length, affixes, character trigrams, bias. */
    public long[] wordKeys(String w) {
        long[] buffer = new long[8 + 6 + MAX_TRIGRAM_WORD];
        int f = word(w, buffer, 0, new FeatureKey());
        return java.util.Arrays.copyOf(buffer, f);
    }

    private static int word(String w, long[] buffer, int f, FeatureKey k) {
        buffer[f++] = k.start(BIAS).get();
        buffer[f++] = k.start(WORD).add(w).get();
        buffer[f++] = k.start(LOWER).add(w, 0, w.length(), true).get();
        buffer[f++] = k.start(SHAPE).addShape(w, false).get();
        buffer[f++] = k.start(SHAPE_SHORT).addShape(w, true).get();
        buffer[f++] = k.start(LENGTH).add(Math.min(w.length(), 12)).get();
        for (int len = 2; len <= 4; len++) {
            if (w.length() > len) {
                buffer[f++] = k.start(PREFIX).add(w, 0, len, true).get();
                buffer[f++] = k.start(SUFFIX).add(w, w.length() - len, w.length(), true).get();
            }
        }
        if (w.length() >= 3 && w.length() <= MAX_TRIGRAM_WORD) {
            for (int c = 0; c + 3 <= w.length(); c++) {
                buffer[f++] = k.start(TRIGRAM).add(w, c, c + 3, true).get();
            }
        }
        return f;
    }

    private long[][] extract(SentenceInput in, boolean withWord) {
        List<Token> tokens = in.tokens();
        int n = tokens.size();
        long[][] out = new long[n][];
        // dictionary evidence first, per token, as small fixed arrays of keys
        long[][] dict = dictionary(in);
        long[] buffer = new long[MAX_FEATURES + 64];
        FeatureKey k = new FeatureKey();
        String text = in.text();
        for (int i = 0; i < n; i++) {
            int f = 0;
            Token t = tokens.get(i);
            String w = t.text();
            if (withWord) {
                f = word(w, buffer, f, k);
            }
            if (i == 0) {
                buffer[f++] = k.start(FIRST).get();
            }
            int sepFrom = i == 0 ? t.start() : tokens.get(i - 1).end();
            buffer[f++] = k.start(SEP_BEFORE).add(separator(text, sepFrom, t.start())).get();
            int sepTo = i + 1 < n ? tokens.get(i + 1).start() : t.end();
            buffer[f++] = k.start(SEP_AFTER).add(separator(text, t.end(), sepTo)).get();
            for (int d = -2; d <= 2; d++) {
                if (d == 0) {
                    continue;
                }
                int j = i + d;
                if (j < 0 || j >= n) {
                    buffer[f++] = k.start(CONTEXT_WORD).add(d).add(j < 0 ? '^' : '$').get();
                } else {
                    String o = tokens.get(j).text();
                    buffer[f++] = k.start(CONTEXT_WORD).add(d).add(o, 0, o.length(), true).get();
                    if (d == -1 || d == 1) {
                        buffer[f++] = k.start(CONTEXT_SHAPE).add(d).addShape(o, true).get();
                    }
                }
            }
            String prev = i > 0 ? tokens.get(i - 1).text() : "^";
            String next = i + 1 < n ? tokens.get(i + 1).text() : "$";
            buffer[f++] = k.start(BIGRAM_LEFT).add(prev, 0, prev.length(), true).add(w, 0, w.length(), true).get();
            buffer[f++] = k.start(BIGRAM_RIGHT).add(w, 0, w.length(), true).add(next, 0, next.length(), true).get();
            EntityType sf = in.shortFormType().get(w);
            if (sf != null) {
                buffer[f++] = k.start(SHORT_FORM).add(sf.ordinal()).get();
                buffer[f++] = k.start(SHORT_FORM_WORD).add(sf.ordinal()).addShape(w, true).get();
            }
            long[] d = dict[i];
            if (d == null) {
                buffer[f++] = k.start(DICT_NONE).get();
            } else {
                for (int x = 0; x < d.length && f < buffer.length; x++) {
                    buffer[f++] = d[x];
                }
            }
            out[i] = java.util.Arrays.copyOf(buffer, f);
        }
        return out;
    }

    /** Per token, the keys describing the dictionary hits and selected mentions that cover it (null: none). */
    private long[][] dictionary(SentenceInput in) {
        List<Token> tokens = in.tokens();
        int n = tokens.size();
        long[][] keys = new long[n][];
        int[] counts = new int[n];
        long[][] work = new long[n][32];
        FeatureKey k = new FeatureKey();
        int types = io.litgraph.nlp.EntityType.values().length;
        int[] kinds = new int[types];
        for (TermIndex.Match m : in.matches()) {
            int typeMask = 0;
            int concepts = 0;
            int lastConcept = -1;
            java.util.Arrays.fill(kinds, 0);
            for (Term term : m.terms()) {
                var concept = vocabulary.concept(term.concept());
                int type = concept.type().ordinal();
                kinds[type] |= 1 << term.kind().ordinal();
                if ((typeMask & (1 << type)) == 0) {
                    typeMask |= 1 << type;
                    for (int i = m.tokenStart(); i < m.tokenEnd(); i++) {
                        String pos = position(i, m.tokenStart(), m.tokenEnd());
                        push(work, counts, i, k.start(DICT_POS).add(type).add(pos).get());
                        push(work, counts, i, k.start(DICT_LEN).add(type).add(Math.min(m.tokenEnd() - m.tokenStart(), 6)).get());
                        push(work, counts, i, k.start(DICT_SOURCE).add(type).add(prefix(concept.id())).add(pos).get());
                    }
                }
                if (term.concept() != lastConcept) {
                    concepts++;
                    lastConcept = term.concept();
                }
            }
            int ambiguity = concepts <= 1 ? 1 : concepts <= 3 ? 2 : 3;
            for (int type = 0; type < types; type++) {
                for (int kind = kinds[type]; kind != 0; kind &= kind - 1) {
                    long key = k.start(DICT_KIND).add(type).add(Integer.lowestOneBit(kind)).get();
                    for (int i = m.tokenStart(); i < m.tokenEnd(); i++) {
                        push(work, counts, i, key);
                    }
                }
            }
            long ambiguityKey = k.start(DICT_AMBIGUITY).add(ambiguity).add(Integer.bitCount(typeMask)).get();
            for (int i = m.tokenStart(); i < m.tokenEnd(); i++) {
                push(work, counts, i, ambiguityKey);
            }
        }
        for (Candidate c : in.selected()) {
            int from = -1, to = -1;
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                if (t.start() >= c.start() && t.end() <= c.end()) {
                    if (from < 0) {
                        from = i;
                    }
                    to = i + 1;
                }
            }
            for (int i = from; i >= 0 && i < to; i++) {
                push(work, counts, i, k.start(SELECTED).add(c.type().ordinal()).add(position(i, from, to)).get());
            }
        }
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                // sorted and de-duplicated so that the order of hits cannot change the features
                long[] a = java.util.Arrays.copyOf(work[i], counts[i]);
                java.util.Arrays.sort(a);
                int u = 0;
                for (int x = 0; x < a.length; x++) {
                    if (x == 0 || a[x] != a[x - 1]) {
                        a[u++] = a[x];
                    }
                }
                keys[i] = java.util.Arrays.copyOf(a, u);
            }
        }
        return keys;
    }

    private static void push(long[][] work, int[] counts, int i, long key) {
        if (counts[i] == work[i].length) {
            if (counts[i] >= 256) {
                return; // a token inside hundreds of hits says nothing more with the 257th
            }
            work[i] = java.util.Arrays.copyOf(work[i], counts[i] * 2);
        }
        work[i][counts[i]++] = key;
    }

    private static String position(int i, int from, int to) {
        if (to - from == 1) {
            return "S";
        }
        return i == from ? "B" : i == to - 1 ? "E" : "I";
    }

    private static String prefix(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }

    /** The characters between two tokens, whitespace shown as "_", at most four. */
    static String separator(String text, int from, int to) {
        if (to <= from) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(4, to - from));
        for (int i = from; i < to && sb.length() < 4; i++) {
            char c = text.charAt(i);
            char s = Character.isWhitespace(c) ? '_' : c;
            if (s == '_' && sb.length() > 0 && sb.charAt(sb.length() - 1) == '_') {
                continue;
            }
            sb.append(s);
        }
        return sb.toString();
    }

    static char shapeOf(char c) {
        return Character.isUpperCase(c) ? 'X' : Character.isLowerCase(c) ? 'x' : Character.isDigit(c) ? 'd'
                : io.litgraph.nlp.text.TermNormalizer.isGreek(c) ? 'g' : '#';
    }

    /** "IL6b" → "XXdx" (long) or "Xdx" (collapsed runs). */
    static String shape(String w, boolean collapse) {
        StringBuilder sb = new StringBuilder(Math.min(w.length(), 12));
        char last = 0;
        for (int i = 0; i < w.length() && sb.length() < 12; i++) {
            char s = shapeOf(w.charAt(i));
            if (collapse && s == last) {
                continue;
            }
            sb.append(s);
            last = s;
        }
        return sb.toString();
    }
}
