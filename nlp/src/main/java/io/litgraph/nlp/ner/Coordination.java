package io.litgraph.nlp.ner;

import io.litgraph.nlp.match.Candidate;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.text.Tokenizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Coordinated names share a part that is written once. Two shapes cover most of them:
 * <ul>
 *   <li>a shared head: "breast and ovarian cancer", "type 1 or type 2 diabetes" — each earlier conjunct takes
 *       the shortest tail of the last conjunct that makes a known name of the span's type;</li>
 *   <li>a shared stem: "IL-6 and -8", "CD4/8" — a later conjunct of digits takes the first conjunct's letters.</li>
 * </ul>
 * Conjuncts are separated by "and", "or", a comma or a slash. Only names the vocabulary knows are produced.
 */
final class Coordination {

    private Coordination() {
    }

    static List<Candidate> parts(SentenceInput sentence, MentionRecognizer.Span span, int sentenceIndex,
                                 TermIndex index, MentionSelector selector) {
        List<List<Token>> groups = conjuncts(sentence.text(), sentence.tokens().subList(span.tokenStart(), span.tokenEnd()));
        if (groups.size() < 2) {
            return List.of();
        }
        String text = sentence.text();
        List<Token> first = groups.get(0);
        List<Token> last = groups.get(groups.size() - 1);
        Set<Integer> concepts = new LinkedHashSet<>();
        for (List<Token> g : groups) {
            int concept = -1;
            if (g == last || g.size() > 1 && g != first && last.size() == 1) {
                concept = resolve(join(text, g), index, selector, span);
            } else if (onlyDigits(g) && first.size() >= 2 && !onlyDigits(first.subList(0, first.size() - 1))) {
                concept = resolve(join(text, first.subList(0, first.size() - 1)) + " " + join(text, g), index, selector, span);
            } else {
                concept = resolve(join(text, g), index, selector, span);
                for (int k = 1; k < last.size(); k++) {
                    int c = resolve(join(text, g) + " " + join(text, last.subList(last.size() - k, last.size())), index, selector, span);
                    if (c >= 0) {
                        concept = c;
                        break;
                    }
                }
            }
            if (g == first && onlyDigits(last) && concept < 0) {
                concept = resolve(join(text, g), index, selector, span);
            }
            if (concept >= 0) {
                concepts.add(concept);
            }
        }
        List<Candidate> out = new ArrayList<>();
        String surface = text.substring(span.start(), span.end());
        for (int c : concepts) {
            out.add(new Candidate(span.start(), span.end(), surface, span.type(), c, sentenceIndex, false));
        }
        return out;
    }

    private static int resolve(String name, TermIndex index, MentionSelector selector, MentionRecognizer.Span span) {
        TermIndex.Match m = index.lookup(name);
        if (m == null) {
            return -1;
        }
        return selector.bestConcept(name, Tokenizer.tokenize(name, 0), m, span.type());
    }

    /** The tokens split at "and", "or", and at commas and slashes between tokens (not a comma between digits). */
    static List<List<Token>> conjuncts(String text, List<Token> tokens) {
        List<List<Token>> groups = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String w = t.text().toLowerCase();
            if (w.equals("and") || w.equals("or")) {
                if (!current.isEmpty()) {
                    groups.add(current);
                }
                current = new ArrayList<>();
                continue;
            }
            if (i > 0 && !current.isEmpty()) {
                String sep = text.substring(tokens.get(i - 1).end(), t.start());
                boolean digits = Character.isDigit(text.charAt(t.start())) && Character.isDigit(text.charAt(tokens.get(i - 1).end() - 1));
                if (sep.contains("/") || sep.contains(",") && !(digits && sep.equals(","))) {
                    groups.add(current);
                    current = new ArrayList<>();
                }
            }
            current.add(t);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static String join(String text, List<Token> tokens) {
        return text.substring(tokens.get(0).start(), tokens.get(tokens.size() - 1).end());
    }

    private static boolean onlyDigits(List<Token> tokens) {
        for (Token t : tokens) {
            for (int i = 0; i < t.text().length(); i++) {
                if (!Character.isDigit(t.text().charAt(i))) {
                    return false;
                }
            }
        }
        return !tokens.isEmpty();
    }
}
