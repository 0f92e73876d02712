package io.litgraph.nlp.abbrev;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Span;
import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.text.Tokenizer;
import io.litgraph.nlp.vocab.Vocabulary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a document's local abbreviation definitions to its mentions. A local definition beats the global
 * dictionary:
 * <ul>
 *   <li>when the long form is recognised, the short form and all its later occurrences in the document get the
 *       long form's concept and type (even when the dictionary knows the short form as something else);</li>
 *   <li>when the long form is not recognised and does not resemble what the dictionary says the short form is,
 *       dictionary mentions of the short form are dropped ("non-obese diabetic (NOD)" is not the NOD gene).</li>
 * </ul>
 */
public final class AbbreviationResolver {

    private final Vocabulary vocabulary;

    public AbbreviationResolver(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * @param text      the whole document laid out in document coordinates
     * @param sentences sentence spans in document order (to give new mentions their sentence index)
     */
    public List<Candidate> resolve(String text, List<Span> sentences, List<Candidate> mentions, List<Abbreviation> defs) {
        if (defs.isEmpty()) {
            return mentions;
        }
        List<Candidate> current = new ArrayList<>(mentions);
        Map<String, Candidate> resolved = new HashMap<>();
        Set<String> undefined = new HashSet<>();
        for (Abbreviation a : defs) {
            String sf = a.shortForm().text();
            if (resolved.containsKey(sf) || undefined.contains(sf)) {
                continue; // the first definition in the document holds
            }
            Candidate lf = longFormMention(current, a.longForm());
            if (lf != null && lf.concept() >= 0) {
                resolved.put(sf, lf);
            } else if (lf == null) {
                Candidate atSf = at(current, a.shortForm());
                if (atSf != null && atSf.concept() >= 0 && !resembles(atSf, a.longForm().text())) {
                    undefined.add(sf);
                }
            }
        }
        if (resolved.isEmpty() && undefined.isEmpty()) {
            return current;
        }
        // drop the dictionary's mentions of undefined short forms
        current.removeIf(c -> undefined.contains(c.text()));
        for (Map.Entry<String, Candidate> e : resolved.entrySet()) {
            String sf = e.getKey();
            Candidate lf = e.getValue();
            for (int at : occurrences(text, sf, lf.end())) {
                Candidate sfMention = new Candidate(at, at + sf.length(), sf, lf.type(), lf.concept(),
                        sentenceOf(sentences, at), true);
                current.removeIf(c -> c.overlaps(sfMention));
                current.add(sfMention);
            }
        }
        current.sort(Comparator.comparingInt(Candidate::start));
        return current;
    }

    /** The mention that stands for the long form: it ends where the long form ends and covers half of it. */
    private static Candidate longFormMention(List<Candidate> mentions, Span lf) {
        Candidate best = null;
        for (Candidate c : mentions) {
            if (c.start() >= lf.start() && c.end() <= lf.end() && c.end() >= lf.end() - 1
                    && (c.end() - c.start()) * 2 >= lf.end() - lf.start()) {
                if (best == null || c.end() - c.start() > best.end() - best.start()) {
                    best = c;
                }
            }
        }
        return best;
    }

    private static Candidate at(List<Candidate> mentions, Span span) {
        for (Candidate c : mentions) {
            if (c.start() == span.start() && c.end() == span.end()) {
                return c;
            }
        }
        return null;
    }

    /** Whether an unrecognised long form still looks like the dictionary concept of its short form. */
    private boolean resembles(Candidate sfMention, String longForm) {
        var concept = vocabulary.concept(sfMention.concept());
        Set<String> lfTokens = new HashSet<>(Arrays.asList(Tokenizer.key(longForm).split(" ")));
        for (String t : Tokenizer.key(concept.name()).split(" ")) {
            if (t.length() > 3 && lfTokens.contains(t)) {
                return true;
            }
        }
        if (sfMention.type() == EntityType.GeneOrGeneProduct) {
            for (String cue : List.of("kinase", "factor", "receptor", "protein", "enzyme", "synthase", "ase", "in")) {
                for (String t : lfTokens) {
                    if (t.endsWith(cue)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whole-word, case-sensitive occurrences of {@code sf} at or after {@code from}. */
    static List<Integer> occurrences(String text, String sf, int from) {
        List<Integer> out = new ArrayList<>();
        int i = text.indexOf(sf, Math.max(0, from));
        while (i >= 0) {
            int end = i + sf.length();
            boolean leftOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean rightOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end))
                    || text.charAt(end) == 's' && (end + 1 >= text.length() || !Character.isLetterOrDigit(text.charAt(end + 1)));
            if (leftOk && rightOk) {
                out.add(i);
            }
            i = text.indexOf(sf, i + 1);
        }
        return out;
    }

    static int sentenceOf(List<Span> sentences, int offset) {
        int lo = 0;
        int hi = sentences.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Span s = sentences.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return Math.max(0, Math.min(lo, sentences.size() - 1));
    }
}
