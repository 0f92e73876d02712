package io.litgraph.nlp.context;

import io.litgraph.nlp.Span;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.text.Tokenizer;

import java.util.List;
import java.util.Set;

/**
 * Flags spans that are negated ("no", "not", "without", "failed to", "absence of") or hedged ("may", "might",
 * "could", "suggest", "potential", "possibly"). A cue's scope is its clause: from the cue forward to the next
 * clause boundary (", but", ";", "whereas", "although", "however", the sentence end). Hedging verbs that
 * introduce a complement clause ("suggests that ...") scope over the rest of the sentence; modal verbs
 * ("may") also cover their clause's subject, so the hedge starts at the clause start.
 */
public final class ModalityDetector {

    private static final Set<String> NEGATION = Set.of("no", "not", "without", "never", "neither", "nor", "absence",
            "lack", "lacked", "lacking", "failed", "fail", "fails", "cannot", "unable", "none", "non");
    private static final Set<String> MODALS = Set.of("may", "might", "could", "possibly", "perhaps",
            "probably", "likely", "unlikely", "whether", "putative", "potential", "potentially", "presumably");
    private static final Set<String> HEDGE_VERBS = Set.of("suggest", "suggests", "suggested", "suggesting",
            "hypothesize", "hypothesized", "hypothesise", "propose", "proposed", "speculate", "indicate",
            "indicates", "indicating");
    private static final Set<String> BOUNDARIES = Set.of("but", "whereas", "although", "however", "while", "though",
            "yet");

    private ModalityDetector() {
    }

    /** A sentence's cue scopes, computed once and queried per span. */
    public static Scopes scopes(Span sentence) {
        return scopes(sentence, Tokenizer.tokenize(sentence.text(), sentence.start()));
    }

    /** Same, reusing the sentence's tokens. */
    public static Scopes scopes(Span sentence, List<Token> tokens) {
        int n = tokens.size();
        boolean[] neg = new boolean[n];
        boolean[] spec = new boolean[n];
        String text = sentence.text();
        int clauseStart = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            String w = t.text().toLowerCase();
            if (i > 0 && (BOUNDARIES.contains(w) || clauseBreakBefore(text, sentence.start(), tokens, i))) {
                clauseStart = i;
            }
            boolean negCue = NEGATION.contains(w) || (w.equals("t") && i > 0 && tokens.get(i - 1).text().endsWith("n"));
            if (w.equals("non")) {
                negCue = false; // "non-obese", "non-diabetic" name a group, they negate nothing
            }
            if (negCue) {
                mark(neg, tokens, text, sentence.start(), i + 1);
            }
            if (HEDGE_VERBS.contains(w)) {
                for (int k = i + 1; k < n; k++) {
                    spec[k] = true;
                }
            } else if (MODALS.contains(w)) {
                for (int k = clauseStart; k < i; k++) {
                    spec[k] = true;
                }
                mark(spec, tokens, text, sentence.start(), i + 1);
            }
        }
        return new Scopes(tokens, neg, spec);
    }

    private static void mark(boolean[] flags, List<Token> tokens, String text, int base, int from) {
        for (int k = from; k < tokens.size(); k++) {
            if (k > from && (BOUNDARIES.contains(tokens.get(k).text().toLowerCase()) || clauseBreakBefore(text, base, tokens, k))) {
                break;
            }
            flags[k] = true;
        }
    }

    private static boolean clauseBreakBefore(String text, int base, List<Token> tokens, int i) {
        int from = tokens.get(i - 1).end() - base;
        int to = tokens.get(i).start() - base;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == ';' || c == ':' || c == ',' && k + 1 < to && Character.isWhitespace(text.charAt(k + 1))
                    && (tokens.get(i).text().equals("which") || tokens.get(i).text().equals("and") || tokens.get(i).text().equals("whereas")
                    || tokens.get(i).text().equals("but") || tokens.get(i).text().equals("while"))) {
                return true;
            }
        }
        return false;
    }

    /** Token-level flags of one sentence. */
    public record Scopes(List<Token> tokens, boolean[] negated, boolean[] speculative) {

        /** Flags of a span: set when any of its tokens is in a cue's scope. */
        public Modality of(int start, int end) {
            boolean n = false;
            boolean s = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < end && start < t.end()) {
                    n |= negated[i];
                    s |= speculative[i];
                }
            }
            return n || s ? new Modality(n, s) : Modality.NONE;
        }
    }
}
