package io.litgraph.nlp.ner;

import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.InputDocument;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.match.DictionaryMatcher;
import io.litgraph.nlp.match.LongIntMap;
import io.litgraph.nlp.match.MentionSelector;
import io.litgraph.nlp.match.TermIndex;
import io.litgraph.nlp.text.Token;
import io.litgraph.nlp.vocab.Vocabulary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Trains the {@link RecognizerModel}: an averaged structured perceptron (Collins 2002) over the linear chain,
 * with partial labels handled as a latent structure (the "gold" sequence of a sentence is the best-scoring
 * sequence that agrees with what its corpus annotates; see {@link GoldLabels}).
 *
 * <p>Why written here rather than taken from a library: the libraries that resolve here (OpenNLP's name finder,
 * Tribuo's CRF, MALLET) all assume every token is labelled, and training them on corpora that each annotate
 * different types would teach the model that an unannotated gene in a chemical corpus is "no entity". Their
 * inference also builds a string per feature, which could not hold the engine's speed floor. The perceptron is a
 * few dozen lines; its averaged form is as accurate as a CRF for tagging and needs no step size.
 *
 * <p>Deterministic: documents are read in file order, features are numbered in order of first sight, the
 * sentence order of each epoch comes from a seeded {@link Random}, and all arithmetic is single-threaded.
 * Settings are chosen on the dev splits: training stops at the epoch with the best mean dev mention F1.
 */
public final class RecognizerTrainer {

    /** Training settings; every field is recorded in the model. */
    public record Settings(int maxEpochs, int minFeatureCount, long seed, int negativeCaptionEvery,
                           int maxDocumentsPerCorpus) {
        public static Settings defaults() {
            return new Settings(20, 2, 20261206L, 4, 0);
        }
    }

    /** A sentence ready for training: feature rows per token and allowed labels per token. */
    record Example(int[][] rows, int[] allowed) {
    }

    /** A dev sentence: its feature keys, tokens and gold spans of annotated types. */
    record DevSentence(String corpus, long[][] keys, List<Token> tokens, List<GoldLabels.GoldSpan> gold,
                       Set<EntityType> annotated) {
    }

    private final Vocabulary vocabulary;
    private final DictionaryMatcher matcher;
    private final MentionSelector selector;
    private final TokenFeatures features;
    private final Consumer<String> log;

    public RecognizerTrainer(Vocabulary vocabulary, Consumer<String> log) {
        this.vocabulary = vocabulary;
        this.matcher = new DictionaryMatcher(new TermIndex(vocabulary));
        this.selector = new MentionSelector(vocabulary);
        this.features = new TokenFeatures(vocabulary);
        this.log = log;
    }

    /** Trains on the corpora, writes the model to {@code out} and returns it. */
    public RecognizerModel train(List<TrainingCorpus> corpora, Settings settings, String codeVersion, Path out)
            throws IOException {
        long started = System.nanoTime();
        List<long[][]> trainKeys = new ArrayList<>();
        List<int[]> trainAllowed = new ArrayList<>();
        List<DevSentence> dev = new ArrayList<>();
        Map<String, String> checksums = new TreeMap<>();
        for (TrainingCorpus c : corpora) {
            checksums.put(c.file().getFileName().toString(), sha256(c.file()));
            List<PubTatorDocument> docs = PubTatorReader.read(c.file());
            if (settings.maxDocumentsPerCorpus() > 0 && docs.size() > settings.maxDocumentsPerCorpus()) {
                docs = docs.subList(0, settings.maxDocumentsPerCorpus());
            }
            int trainSentences = 0, devSentences = 0;
            for (int p = 0; p < docs.size(); p++) {
                PubTatorDocument d = docs.get(p);
                boolean isDev = c.role() == TrainingCorpus.Role.DEV
                        || c.role() == TrainingCorpus.Role.SPLIT && TrainingCorpus.heldOut(p);
                if (!isDev && c.name().equals("BioID") && d.entities().isEmpty()
                        && p % settings.negativeCaptionEvery() != 0) {
                    continue; // most figure captions name no cell line; a sample of them is enough
                }
                for (SentenceData s : sentences(d)) {
                    if (isDev) {
                        dev.add(new DevSentence(c.name(), s.keys, s.tokens, s.gold, c.annotated()));
                        devSentences++;
                    } else {
                        trainKeys.add(s.keys);
                        trainAllowed.add(GoldLabels.masks(s.tokens, s.gold, c.annotated()));
                        trainSentences++;
                    }
                }
            }
            log.accept(String.format(Locale.ROOT, "%-14s %-40s %5d documents, %6d train / %5d dev sentences",
                    c.name(), c.file().getFileName(), docs.size(), trainSentences, devSentences));
        }
        // number the features seen at least minFeatureCount times in training, in order of first sight
        LongIntMap counts = new LongIntMap(1 << 20);
        List<Long> order = new ArrayList<>();
        for (long[][] sentence : trainKeys) {
            for (long[] token : sentence) {
                for (long k : token) {
                    int c = counts.get(k, 0);
                    if (c == 0) {
                        order.add(k);
                    }
                    counts.put(k, c + 1);
                }
            }
        }
        LongIntMap rows = new LongIntMap(order.size());
        List<Long> keptKeys = new ArrayList<>();
        for (long k : order) {
            if (counts.get(k, 0) >= settings.minFeatureCount()) {
                rows.put(k, keptKeys.size());
                keptKeys.add(k);
            }
        }
        counts = null;
        List<Example> examples = new ArrayList<>(trainKeys.size());
        long tokens = 0;
        for (int s = 0; s < trainKeys.size(); s++) {
            long[][] keys = trainKeys.get(s);
            int[][] r = new int[keys.length][];
            for (int i = 0; i < keys.length; i++) {
                int[] buf = new int[keys[i].length];
                int m = 0;
                for (long k : keys[i]) {
                    int row = rows.get(k, -1);
                    if (row >= 0) {
                        buf[m++] = row;
                    }
                }
                r[i] = java.util.Arrays.copyOf(buf, m);
            }
            tokens += keys.length;
            examples.add(new Example(r, trainAllowed.get(s)));
        }
        trainKeys.clear();
        log.accept(String.format(Locale.ROOT, "%d training sentences, %d tokens, %d features (of %d seen), %d dev sentences",
                examples.size(), tokens, keptKeys.size(), order.size(), dev.size()));

        long[] keyArray = keptKeys.stream().mapToLong(Long::longValue).toArray();
        Perceptron p = new Perceptron(keptKeys.size());
        Random random = new Random(settings.seed());
        int[] sequence = new int[examples.size()];
        for (int i = 0; i < sequence.length; i++) {
            sequence[i] = i;
        }
        float[] bestWeights = null, bestTransition = null;
        double bestScore = -1;
        int bestEpoch = 0;
        Map<String, double[]> bestDev = null;
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            long t = System.nanoTime();
            shuffle(sequence, random);
            int mistakes = 0;
            for (int idx : sequence) {
                if (p.learn(examples.get(idx))) {
                    mistakes++;
                }
            }
            float[][] averaged = p.averaged();
            RecognizerModel candidate = new RecognizerModel(rows, keyArray, averaged[0], averaged[1], Map.of(), null);
            Map<String, double[]> scores = devScores(candidate, dev);
            double mean = scores.values().stream().mapToDouble(v -> v[2]).average().orElse(0);
            log.accept(String.format(Locale.ROOT, "epoch %2d: %6d sentences with mistakes, dev mean mention F1 %.4f %s (%.1f s)",
                    epoch, mistakes, mean, format(scores), (System.nanoTime() - t) / 1e9));
            if (mean > bestScore) {
                bestScore = mean;
                bestEpoch = epoch;
                bestWeights = averaged[0];
                bestTransition = averaged[1];
                bestDev = scores;
            }
        }
        log.accept(String.format(Locale.ROOT, "chose epoch %d (dev mean mention F1 %.4f); training the linker", bestEpoch, bestScore));
        RecognizerModel tagger = new RecognizerModel(rows, keyArray, bestWeights, bestTransition, Map.of(), null);
        String[] linkReport = new String[1];
        LinkScorer linker = new LinkerTrainer(vocabulary, log).train(corpora, new MentionRecognizer(tagger, features),
                settings, linkReport);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("version", version(bestWeights, bestTransition, linker));
        meta.put("code", codeVersion);
        meta.put("vocabulary", vocabulary.version());
        meta.put("settings", settings.toString());
        meta.put("chosenEpoch", Integer.toString(bestEpoch));
        meta.put("features", Integer.toString(keptKeys.size()));
        meta.put("trainingSentences", Integer.toString(examples.size()));
        meta.put("corpora", String.join(";", checksums.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        meta.put("devMentionF1", format(bestDev));
        meta.put("devLinking", linkReport[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            RecognizerModel.write(o, keyArray, bestWeights, bestTransition, meta, linker);
        }
        log.accept(String.format(Locale.ROOT, "model written to %s (%d bytes) in %.0f s", out, Files.size(out),
                (System.nanoTime() - started) / 1e9));
        return RecognizerModel.read(out);
    }

    /**
     * Keeps {@code tagger}'s mention model and trains only the linker (for trying linker features without the
     * tagger's minutes); the written model is what {@link #train} would write with that tagger.
     */
    public RecognizerModel retrainLinker(RecognizerModel tagger, List<TrainingCorpus> corpora, Settings settings,
                                         String codeVersion, Path out) throws IOException {
        String[] linkReport = new String[1];
        LinkScorer linker = new LinkerTrainer(vocabulary, log).train(corpora, new MentionRecognizer(tagger, features),
                settings, linkReport);
        Map<String, String> meta = new LinkedHashMap<>(tagger.metadata());
        meta.put("version", version(tagger.weights(), tagger.transition(), linker));
        meta.put("code", codeVersion);
        meta.put("devLinking", linkReport[0]);
        try (OutputStream o = Files.newOutputStream(out)) {
            RecognizerModel.write(o, tagger.keys(), tagger.weights(), tagger.transition(), meta, linker);
        }
        return RecognizerModel.read(out);
    }

    private record SentenceData(long[][] keys, List<Token> tokens, List<GoldLabels.GoldSpan> gold) {
    }

    private List<SentenceData> sentences(PubTatorDocument d) {
        InputDocument input = d.toInput();
        String text = d.text();
        DocumentEvidence evidence = DocumentEvidence.read(input, text, matcher, selector);
        List<GoldLabels.GoldSpan> all = new ArrayList<>();
        for (PubTatorDocument.Entity e : d.entities()) {
            all.add(new GoldLabels.GoldSpan(e.start(), e.end(), TrainingCorpus.modelType(e.type())));
        }
        List<SentenceData> out = new ArrayList<>();
        for (int i = 0; i < evidence.sentences().size(); i++) {
            var span = evidence.sentences().get(i);
            List<Token> tokens = evidence.tokens().get(i);
            if (tokens.isEmpty()) {
                continue;
            }
            List<GoldLabels.GoldSpan> gold = new ArrayList<>();
            for (GoldLabels.GoldSpan g : all) {
                if (g.start() < span.end() && span.start() < g.end()) {
                    gold.add(g);
                }
            }
            out.add(new SentenceData(features.extract(evidence.sentence(i)), tokens, gold));
        }
        return out;
    }

    /** Per corpus and type: {precision, recall, F1} of strict token-span mentions. */
    static Map<String, double[]> devScores(RecognizerModel model, List<DevSentence> dev) {
        Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
        for (DevSentence s : dev) {
            List<MentionRecognizer.Span> predicted = MentionRecognizer.spans(s.tokens(), model.tag(s.keys()));
            for (EntityType t : s.annotated()) {
                Set<String> gold = new java.util.HashSet<>();
                for (GoldLabels.GoldSpan g : s.gold()) {
                    if (g.type() == t) {
                        gold.add(tokenSpan(s.tokens(), g));
                    }
                }
                Set<String> pred = new java.util.HashSet<>();
                for (MentionRecognizer.Span p : predicted) {
                    if (p.type() == t) {
                        pred.add(p.tokenStart() + ":" + p.tokenEnd());
                    }
                }
                int[] c = counts.computeIfAbsent(s.corpus() + "/" + t.name(), k -> new int[3]);
                for (String x : pred) {
                    if (gold.contains(x)) {
                        c[0]++;
                    } else {
                        c[1]++;
                    }
                }
                for (String x : gold) {
                    if (!pred.contains(x)) {
                        c[2]++;
                    }
                }
            }
        }
        Map<String, double[]> out = new TreeMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            if (c[0] + c[2] == 0) {
                continue; // a type this dev set never annotates says nothing
            }
            double p = c[0] + c[1] == 0 ? 0 : c[0] / (double) (c[0] + c[1]);
            double r = c[0] / (double) (c[0] + c[2]);
            out.put(e.getKey(), new double[] {p, r, p + r == 0 ? 0 : 2 * p * r / (p + r)});
        }
        return out;
    }

    /** The token range a gold span covers, as the recognizer would write it ("-1" when it covers no token). */
    private static String tokenSpan(List<Token> tokens, GoldLabels.GoldSpan g) {
        int from = -1, to = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.start() < g.end() && g.start() < t.end()) {
                if (from < 0) {
                    from = i;
                }
                to = i + 1;
            }
        }
        return from + ":" + to;
    }

    private static String format(Map<String, double[]> scores) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue()[2]));
        }
        return sb.toString();
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A model's name from its content: the same weights always get the same name. */
    private static String version(float[] weights, float[] transition, LinkScorer linker) {
        String hex = Long.toHexString(contentHash(weights, transition) * 31
                + contentHash(linker.weights(), toFloats(linker.thresholds())));
        return "recognizer-" + (hex.length() > 8 ? hex.substring(0, 8) : hex);
    }

    private static long contentHash(float[] w, float[] t) {
        long h = 1125899906842597L;
        for (float x : w) {
            h = 31 * h + Float.floatToIntBits(x);
        }
        for (float x : t) {
            h = 31 * h + Float.floatToIntBits(x);
        }
        return h;
    }

    static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The averaged perceptron's state: current weights and the running sums for averaging. */
    static final class Perceptron {
        private final int l = Labels.COUNT;
        private final float[] w;
        private final double[] u; // sum of c * update, so that the average is w - u / c
        private final float[] trans = new float[(Labels.COUNT + 1) * Labels.COUNT];
        private final double[] transU = new double[trans.length];
        private int c = 1;

        Perceptron(int features) {
            w = new float[features * Labels.COUNT];
            u = new double[w.length];
        }

        /** One example; true when the prediction was wrong and the weights moved. */
        boolean learn(Example e) {
            int n = e.rows().length;
            float[][] emission = new float[n][l];
            for (int i = 0; i < n; i++) {
                for (int r : e.rows()[i]) {
                    int base = r * l;
                    for (int y = 0; y < l; y++) {
                        emission[i][y] += w[base + y];
                    }
                }
            }
            int[] predicted = Viterbi.decode(emission, trans, null);
            int[] gold = Viterbi.decode(emission, trans, e.allowed());
            boolean wrong = false;
            for (int i = 0; i < n; i++) {
                int g = gold[i], p = predicted[i];
                if (g != p) {
                    wrong = true;
                    for (int r : e.rows()[i]) {
                        w[r * l + g] += 1;
                        u[r * l + g] += c;
                        w[r * l + p] -= 1;
                        u[r * l + p] -= c;
                    }
                }
                int gPrev = i == 0 ? -1 : gold[i - 1];
                int pPrev = i == 0 ? -1 : predicted[i - 1];
                if (g != p || gPrev != pPrev) {
                    int gi = (gPrev + 1) * l + g, pi = (pPrev + 1) * l + p;
                    trans[gi] += 1;
                    transU[gi] += c;
                    trans[pi] -= 1;
                    transU[pi] -= c;
                }
            }
            c++;
            return wrong;
        }

        float[][] averaged() {
            float[] aw = new float[w.length];
            for (int i = 0; i < w.length; i++) {
                aw[i] = (float) (w[i] - u[i] / c);
            }
            float[] at = new float[trans.length];
            for (int i = 0; i < trans.length; i++) {
                at[i] = (float) (trans[i] - transU[i] / c);
            }
            return new float[][] {aw, at};
        }
    }
}
