package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.vocab.Term;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-miss lookup for disease names the dictionary does not hold in the form written: "asthmatic" for
 * asthma, "haemophilic" for haemophilia, a misspelt "leukaemia". Chemicals are left out on purpose: names a few
 * letters apart are different substances. Names are compared by the
 * Dice coefficient of their character trigrams, among the vocabulary names that share the first
 * {@value #PREFIX} letters (a misspelling or a derived form rarely changes the start of a word), so a lookup
 * touches a few hundred names, not half a million. The linker decides, from the similarity and the usual
 * features, whether a near miss is good enough to name a span.
 */
public final class ApproximateNames {

    static final int PREFIX = 4;
    static final double MIN_DICE = 0.5;
    private static final int MAX_RESULTS = 3;

    /** A vocabulary name close to the one asked for. */
    public record Near(Term term, double dice) {
    }

    private final Vocabulary vocabulary;
    private final Map<String, int[]> buckets; // prefix → term indexes
    private final String[] keys; // per term index, its comparison key (null: not indexed)

    public ApproximateNames(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        List<Term> terms = vocabulary.terms();
        keys = new String[terms.size()];
        Map<String, int[]> growing = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            EntityType type = vocabulary.concept(terms.get(i).concept()).type();
            if (type != EntityType.DiseaseOrPhenotypicFeature) {
                continue; // chemical names a few letters apart are different substances (methyl-, ethyl-)
            }
            String key = key(terms.get(i).text());
            if (key.length() < PREFIX + 2) {
                continue; // short names and symbols: one letter changes their meaning
            }
            keys[i] = key;
            String prefix = key.substring(0, PREFIX);
            int n = sizes.merge(prefix, 1, Integer::sum);
            int[] bucket = growing.get(prefix);
            if (bucket == null || bucket.length < n) {
                bucket = bucket == null ? new int[4] : Arrays.copyOf(bucket, bucket.length * 2);
                growing.put(prefix, bucket);
            }
            bucket[n - 1] = i;
        }
        for (Map.Entry<String, int[]> e : growing.entrySet()) {
            e.setValue(Arrays.copyOf(e.getValue(), sizes.get(e.getKey())));
        }
        this.buckets = growing;
    }

    /** The closest names of {@code type} to {@code text}, best first, at most three concepts. */
    public List<Near> near(String text, EntityType type) {
        String key = key(text);
        if (key.length() < PREFIX + 2) {
            return List.of();
        }
        int[] bucket = buckets.get(key.substring(0, PREFIX));
        if (bucket == null) {
            return List.of();
        }
        long[] mine = trigrams(key);
        List<Near> found = new ArrayList<>();
        for (int i : bucket) {
            String other = keys[i];
            if (Math.abs(other.length() - key.length()) > Math.max(4, key.length() / 2) || other.equals(key)) {
                continue; // an equal key would have been a dictionary hit already
            }
            Term term = vocabulary.terms().get(i);
            if (vocabulary.concept(term.concept()).type() != type) {
                continue;
            }
            double dice = dice(mine, trigrams(other));
            if (dice >= MIN_DICE) {
                found.add(new Near(term, dice));
            }
        }
        found.sort((a, b) -> Double.compare(b.dice(), a.dice()));
        List<Near> out = new ArrayList<>(MAX_RESULTS);
        for (Near n : found) {
            if (out.stream().noneMatch(o -> o.term().concept() == n.term().concept())) {
                out.add(n);
                if (out.size() == MAX_RESULTS) {
                    break;
                }
            }
        }
        return out;
    }

    /** Lower-cased letters and digits, single spaces between words. */
    static String key(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    /** The sorted, distinct character trigrams of " key " as packed longs. */
    static long[] trigrams(String key) {
        String padded = " " + key + " ";
        long[] t = new long[padded.length() - 2];
        for (int i = 0; i + 3 <= padded.length(); i++) {
            t[i] = ((long) padded.charAt(i) << 32) | ((long) padded.charAt(i + 1) << 16) | padded.charAt(i + 2);
        }
        Arrays.sort(t);
        int u = 0;
        for (int i = 0; i < t.length; i++) {
            if (i == 0 || t[i] != t[i - 1]) {
                t[u++] = t[i];
            }
        }
        return Arrays.copyOf(t, u);
    }

    static double dice(long[] a, long[] b) {
        int i = 0, j = 0, common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return 2.0 * common / (a.length + b.length);
    }
}
