package io.litgraph.nlp.ner;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.eval.Evaluator;
import io.litgraph.nlp.eval.GoldIds;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.match.DictionaryMatcher;
import io.litgraph.nlp.match.LongIntMap;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.Vocabulary;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Trains the {@link LinkScorer}: runs the trained tagger over the training documents, and for every recognised
 * span that is also a gold mention, labels each candidate concept by whether it is (after projection to the
 * corpus's namespace, as the evaluator does) one of the gold identifiers. A span whose gold mention has no
 * identifier the vocabulary could give is a lesson in NIL: all its candidates are negatives. Gene mentions of
 * other organisms are skipped (the human vocabulary cannot name them; {@code SpeciesAssigner} handles them).
 *
 * <p>L2-regularised logistic regression by liblinear (Fan et al. 2008), deterministic; the regularisation and the
 * NIL threshold are chosen on the dev splits by the F1 of linked mentions.
 */
final class LinkerTrainer {

    /** One span: its candidates' features and which of them are right; linkable: the gold names a known concept. */
    record Group(String corpus, EntityType type, List<long[]> features, boolean[] correct, boolean linkable) {
    }

    private static final double[] COSTS = {0.1, 0.5, 2.0};

    private final Vocabulary vocabulary;
    private final DictionaryMatcher matcher;
    private final MentionSelector selector;
    private final ConceptLinker linker;
    private final Map<String, Concept> byId = new HashMap<>();
    private final Consumer<String> log;

    LinkerTrainer(Vocabulary vocabulary, Consumer<String> log) {
        this.vocabulary = vocabulary;
        TermIndex index = new TermIndex(vocabulary);
        this.matcher = new DictionaryMatcher(index);
        this.selector = new MentionSelector(vocabulary);
        this.linker = new ConceptLinker(vocabulary, selector, index, null);
        for (Concept c : vocabulary.concepts()) {
            byId.put(c.id(), c);
        }
        this.log = log;
    }

    /** The trained scorer, and a one-line dev report in {@code report[0]}. */
    LinkScorer train(List<TrainingCorpus> corpora, MentionRecognizer tagger, RecognizerTrainer.Settings settings,
                     String[] report) throws IOException {
        List<Group> train = new ArrayList<>();
        List<Group> dev = new ArrayList<>();
        for (TrainingCorpus c : corpora) {
            if (c.annotated().equals(Set.of(EntityType.CellLine))) {
                continue; // cell lines have no vocabulary to link to
            }
            List<PubTatorDocument> docs = PubTatorReader.read(c.file());
            if (settings.maxDocumentsPerCorpus() > 0 && docs.size() > settings.maxDocumentsPerCorpus()) {
                docs = docs.subList(0, settings.maxDocumentsPerCorpus());
            }
            for (int p = 0; p < docs.size(); p++) {
                boolean isDev = c.role() == TrainingCorpus.Role.DEV
                        || c.role() == TrainingCorpus.Role.SPLIT && TrainingCorpus.heldOut(p);
                groups(c.name(), docs.get(p), tagger, isDev ? dev : train);
            }
        }
        LongIntMap index = new LongIntMap(1 << 12);
        List<Long> keys = new ArrayList<>();
        for (Group g : train) {
            for (long[] f : g.features()) {
                for (long k : f) {
                    if (index.get(k, -1) < 0) {
                        index.put(k, keys.size());
                        keys.add(k);
                    }
                }
            }
        }
        long[] keyArray = keys.stream().mapToLong(Long::longValue).toArray();
        Problem problem = problem(train, index, keys.size());
        LinkScorer best = null;
        double bestF1 = -1;
        String bestLine = "";
        for (double cost : COSTS) {
            Linear.resetRandom();
            Linear.disableDebugOutput();
            Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
            double[] w = model.getFeatureWeights();
            double sign = model.getLabels()[0] == 1 ? 1 : -1;
            float[] weights = new float[keys.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (sign * w[i]);
            }
            // a threshold per type, each chosen on that type's dev spans
            double[] thresholds = new double[EntityType.values().length];
            java.util.Arrays.fill(thresholds, 0.5);
            for (EntityType type : EntityType.values()) {
                List<Group> ofType = dev.stream().filter(g -> g.type() == type).toList();
                thresholds[type.ordinal()] = bestThreshold(keyArray, weights, thresholds, type, ofType);
            }
            LinkScorer s = new LinkScorer(keyArray, weights, thresholds);
            double[] prf = score(s, dev);
            if (prf[2] > bestF1) {
                bestF1 = prf[2];
                best = s;
                bestLine = String.format(Locale.ROOT, "C %.2f, thresholds %s: dev linked-mention P %.3f R %.3f F1 %.3f",
                        cost, s.describeThresholds(), prf[0], prf[1], prf[2]);
            }
        }
        double[] rule = ruleScore(dev);
        log.accept(String.format(Locale.ROOT, "linker: %d train / %d dev spans, %d features; %s (the dictionary ranking alone: P %.3f R %.3f F1 %.3f)",
                train.size(), dev.size(), keys.size(), bestLine, rule[0], rule[1], rule[2]));
        report[0] = bestLine;
        return best;
    }

    private static double bestThreshold(long[] keys, float[] weights, double[] thresholds, EntityType type, List<Group> groups) {
        double[] t = thresholds.clone();
        double best = 0.5, bestF1 = -1;
        for (int x = 5; x <= 90; x += 5) {
            t[type.ordinal()] = x / 100.0;
            double f1 = score(new LinkScorer(keys, weights, t), groups)[2];
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = x / 100.0;
            }
        }
        return best;
    }

    private void groups(String corpus, PubTatorDocument d, MentionRecognizer tagger, List<Group> out) {
        DocumentEvidence evidence = DocumentEvidence.read(d.toInput(), d.text(), matcher, selector);
        List<List<MentionRecognizer.Span>> spans = new ArrayList<>();
        for (int si = 0; si < evidence.sentences().size(); si++) {
            spans.add(tagger.recognize(evidence.sentence(si)));
        }
        List<ConceptLinker.Pending> pending = linker.pending(evidence, spans);
        List<List<LinkCandidates.Candidate>> candidates = linker.candidates(evidence, pending);
        for (int i = 0; i < pending.size(); i++) {
            ConceptLinker.Pending p = pending.get(i);
            EntityType type = p.span().type();
            if (type == EntityType.SequenceVariant || type == EntityType.CellLine || candidates.get(i).isEmpty()) {
                continue;
            }
            PubTatorDocument.Entity gold = goldAt(d, evidence.tokens().get(p.sentence()), p.span());
            if (gold == null) {
                continue;
            }
            Set<String> ids = GoldIds.curies(gold.ids(), type);
            if (!ids.isEmpty()) {
                ids.removeIf(id -> vocabulary.indexOf(id) < 0);
                if (ids.isEmpty()) {
                    // a gene of another organism, or a concept this vocabulary lacks: whether a candidate is a good
                    // name for it cannot be told, and calling them all wrong would teach a bias against registries
                    // the corpus does not use
                    continue;
                }
            }
            List<LinkCandidates.Candidate> cs = candidates.get(i);
            boolean[] correct = new boolean[cs.size()];
            List<long[]> features = new ArrayList<>(cs.size());
            for (int k = 0; k < cs.size(); k++) {
                String projected = Evaluator.project(byId, vocabulary.concept(cs.get(k).concept()).id(), type);
                correct[k] = ids.contains(projected);
                features.add(cs.get(k).features());
            }
            out.add(new Group(corpus, type, features, correct, !ids.isEmpty()));
        }
    }

    /** The gold mention of the span's type covering exactly the span's tokens, or null. */
    private static PubTatorDocument.Entity goldAt(PubTatorDocument d, List<Token> tokens, MentionRecognizer.Span span) {
        for (PubTatorDocument.Entity e : d.entities()) {
            if (TrainingCorpus.modelType(e.type()) != span.type()) {
                continue;
            }
            int from = -1, to = -1;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.start() < e.end() && e.start() < t.end()) {
                    if (from < 0) {
                        from = i;
                    }
                    to = i + 1;
                }
            }
            if (from == span.tokenStart() && to == span.tokenEnd()) {
                return e;
            }
        }
        return null;
    }

    private static Problem problem(List<Group> groups, LongIntMap index, int n) {
        List<Feature[]> rows = new ArrayList<>();
        List<Double> labels = new ArrayList<>();
        for (Group g : groups) {
            for (int k = 0; k < g.features().size(); k++) {
                long[] f = g.features().get(k);
                int[] ids = new int[f.length];
                int m = 0;
                for (long key : f) {
                    int i = index.get(key, -1);
                    if (i >= 0) {
                        ids[m++] = i + 1; // liblinear counts features from 1
                    }
                }
                ids = Arrays.stream(Arrays.copyOf(ids, m)).sorted().distinct().toArray();
                Feature[] row = new Feature[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    row[i] = new FeatureNode(ids[i], 1.0);
                }
                rows.add(row);
                labels.add(g.correct()[k] ? 1.0 : 0.0);
            }
        }
        Problem p = new Problem();
        p.l = rows.size();
        p.n = n;
        p.x = rows.toArray(new Feature[0][]);
        p.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
        p.bias = -1;
        return p;
    }

    /** {precision, recall, F1} of linked mentions: a right concept chosen is a hit, a wrong one a false link. */
    static double[] score(LinkScorer scorer, List<Group> groups) {
        int tp = 0, fp = 0, linkable = 0;
        for (Group g : groups) {
            List<LinkCandidates.Candidate> cs = new ArrayList<>();
            for (long[] f : g.features()) {
                cs.add(new LinkCandidates.Candidate(-1, f));
            }
            int chosen = scorer.choose(cs, g.type());
            if (g.linkable()) {
                linkable++;
            }
            if (chosen >= 0) {
                if (g.correct()[chosen]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return prf(tp, fp, linkable);
    }

    /** The same measure for the dictionary ranking alone (the candidate flagged as its pick). */
    private static double[] ruleScore(List<Group> groups) {
        int tp = 0, fp = 0, linkable = 0;
        for (Group g : groups) {
            if (g.linkable()) {
                linkable++;
            }
            // LinkCandidates lists the dictionary ranking's pick with its RULE_BEST flag; recover it by recomputing
            int pick = -1;
            for (int k = 0; k < g.features().size() && pick < 0; k++) {
                if (LinkCandidates.isRuleBest(g.features().get(k))) {
                    pick = k;
                }
            }
            if (pick >= 0) {
                if (g.correct()[pick]) {
                    tp++;
                } else {
                    fp++;
                }
            }
        }
        return prf(tp, fp, linkable);
    }

    private static double[] prf(int tp, int fp, int relevant) {
        double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double r = relevant == 0 ? 0 : tp / (double) relevant;
        return new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)};
    }
}
