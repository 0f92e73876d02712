package io.litgraph.nlp.relate;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.eval.GoldIds;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.vocab.IdPolicy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fits the {@link RelationModel} and writes it: one re-runnable command, deterministic (same engine, vocabulary,
 * corpora and parameters give the same bytes).
 *
 * <ol>
 *   <li>Candidates: every document of the training files is read twice, with the gold entity mentions and with
 *   the engine's own (the engine is run over the text; its ids are projected to the gold namespace as the
 *   evaluator does). A candidate pair is positive when the gold file relates the two ids.</li>
 *   <li>{@code pair}: L2 logistic regression (liblinear, primal trust-region Newton: no random order) on the
 *   BioRED training candidates of both kinds.</li>
 *   <li>Calibration: the same fit on 4 of 5 document folds scores the 5th; a Platt sigmoid fitted on those
 *   held-out margins of the engine-entity candidates maps a margin to the probability a reader can trust.</li>
 *   <li>{@code type}: one-vs-rest L2 logistic regression over the BioRED types of the positive candidates.</li>
 *   <li>{@code cid}: L2 logistic regression for "chemical induces disease" on BC5CDR train chemical–disease
 *   candidates.</li>
 *   <li>Threshold: the probability maximizing untyped F1 of the engine-entity candidates on the first dev file
 *   (BioRED Dev). Dev scores, reliability table and the inputs' SHA-256 are written into the model header.</li>
 * </ol>
 *
 * <pre>
 * java -Xmx3g -cp nlp.jar:deps/* io.litgraph.nlp.relate.RelationTrainer --vocab .litgraph/vocab/litgraph-vocab.bin \
 *   --train BioRED/Train.PubTator --cid-train BC5CDR/CDR_TrainingSet.PubTator.txt \
 *   --dev BioRED/Dev.PubTator --cid-dev BC5CDR/CDR_DevelopmentSet.PubTator.txt \
 *   --out nlp/src/main/resources/io/litgraph/nlp/model/relation-model.bin.gz
 * </pre>
 * Options: {@code --c} (inverse L2 strength, default 0.05), {@code --type-c} (the type classifier's, default 4 × c),
 * {@code --limit N} (first N documents of each file), {@code --no-explicit}.
 */
public final class RelationTrainer {

    /** One labelled candidate. */
    record Row(String doc, String pair, DocumentRelations.Pair kind, PairFeatures.Vector x, boolean gold, String goldType,
               boolean engine, int fold, boolean explicit, boolean listed) {
    }

    /** Candidates of one corpus with its gold pairs per document. */
    record Corpus(List<Row> rows, Map<String, Set<String>> goldPairs, Map<String, Set<String>> goldTyped, boolean cidOnly) {
        int gold() {
            return goldPairs.values().stream().mapToInt(Set::size).sum();
        }
    }

    static final int FOLDS = 5;

    private RelationTrainer() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty(RelationModel.DISABLE, "off");
        Path vocab = null;
        Path train = null;
        Path cidTrain = null;
        Path dev = null;
        Path cidDev = null;
        Path out = null;
        Path recognizer = null; // the engine's entities come from this model (default: the shipped one)
        double c = 0.05;
        double typeC = -1;
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vocab" -> vocab = Path.of(args[++i]);
                case "--recognizer" -> recognizer = Path.of(args[++i]);
                case "--train" -> train = Path.of(args[++i]);
                case "--cid-train" -> cidTrain = Path.of(args[++i]);
                case "--dev" -> dev = Path.of(args[++i]);
                case "--cid-dev" -> cidDev = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--c" -> c = Double.parseDouble(args[++i]);
                case "--type-c" -> typeC = Double.parseDouble(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--no-explicit" -> DocumentRelations.EXPLICIT = false;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (train == null || out == null) {
            throw new IllegalArgumentException("usage: --train BioRED/Train.PubTator [--cid-train CDR_Training] "
                    + "[--dev BioRED/Dev.PubTator] [--cid-dev CDR_Development] [--vocab artifact] --out model.bin.gz");
        }
        long t0 = System.nanoTime();
        Engine engine = vocab == null ? Engine.builtin()
                : recognizer == null ? Engine.load(vocab)
                : new Engine(io.litgraph.nlp.vocab.VocabularyArtifact.read(vocab), io.litgraph.nlp.ner.RecognizerModel.read(recognizer));
        Map<String, String> info = new LinkedHashMap<>();
        info.put("engine", engine.engineVersion());
        info.put("vocabulary", engine.vocabularyVersion());
        info.put("features", "hashed, dimension " + PairFeatures.DIMENSION);
        info.put("solver", "liblinear 2.44 L2R_LR, C=" + c + ", eps=0.01");
        info.put("train", describe(train));
        if (cidTrain != null) {
            info.put("cid-train", describe(cidTrain));
        }
        if (typeC > 0) {
            info.put("type-c", Double.toString(typeC));
        }
        Trained t = train(engine, train, cidTrain, c, typeC > 0 ? typeC : 4 * c, limit);
        RelationModel model = t.model(0.5, info);
        double threshold = 0.5;
        boolean useIsotonic = true;
        if (dev != null) {
            info.put("dev", describe(dev));
            Corpus d = rows(engine, dev, limit);
            // calibration: isotonic or Platt, whichever is better calibrated on dev (expected calibration error)
            double eceIso = ece(d, t.model(0.5, info, true));
            double ecePlatt = ece(d, t.model(0.5, info, false));
            useIsotonic = eceIso <= ecePlatt;
            System.out.printf(Locale.ROOT, "dev ECE: isotonic %.3f, Platt %.3f%n", eceIso, ecePlatt);
            info.put("calibration", String.format(Locale.ROOT, "%s (dev ECE isotonic %.3f, Platt %.3f)",
                    useIsotonic ? "isotonic" : "platt", eceIso, ecePlatt));
            model = t.model(0.5, info, useIsotonic);
            threshold = chooseThreshold(d, model);
            model = t.model(threshold, info, useIsotonic);
            String report = report("BioRED dev", d, model);
            System.out.println(report);
            info.put("dev-scores", report);
            String reliability = reliability(d, model);
            System.out.println(reliability);
            info.put("dev-reliability", reliability);
        }
        if (cidDev != null) {
            info.put("cid-dev", describe(cidDev));
            model = t.model(threshold, info, useIsotonic);
            String report = report("BC5CDR dev (CID)", rows(engine, cidDev, limit), model);
            System.out.println(report);
            info.put("cid-dev-scores", report);
        }
        model = t.model(threshold, info, useIsotonic);
        byte[] bytes = model.toBytes();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.write(out, bytes);
        System.out.printf(Locale.ROOT, "wrote %s (%d bytes, sha256 %s) in %.0f s%n", out, bytes.length, sha256(bytes),
                (System.nanoTime() - t0) / 1e9);
    }

    /** The fitted classifiers before the threshold is chosen. */
    record Trained(RelationModel.Linear pair, RelationModel.Linear type, RelationModel.Linear cid, double plattA, double plattB,
                   double[][] isotonic, Set<String> generic) {
        /** The model as shipped (weights quantized by the round trip through its file format). */
        RelationModel model(double threshold, Map<String, String> info) {
            return model(threshold, info, true);
        }

        RelationModel model(double threshold, Map<String, String> info, boolean useIsotonic) {
            double[][] iso = useIsotonic ? isotonic : new double[][]{new double[0], new double[0]};
            return new RelationModel(info, PairFeatures.DIMENSION, pair, type, cid, plattA, plattB, iso[0], iso[1], threshold,
                    generic).roundTrip();
        }
    }

    /** Fits every part of the model on the training files (no dev data involved). */
    static Trained train(Engine engine, Path train, Path cidTrain, double c, int limit) throws IOException {
        return train(engine, train, cidTrain, c, 4 * c, limit);
    }

    /** As above with the type classifier's own inverse regularisation {@code typeC}. */
    static Trained train(Engine engine, Path train, Path cidTrain, double c, double typeC, int limit) throws IOException {
        Linear.disableDebugOutput();
        Map<String, Integer> frequency = new TreeMap<>();
        int[] documents = new int[1];
        Corpus biored = rows(engine, train, limit, frequency, documents);
        RelationModel.Linear pair = binary(biored.rows(), c, Row::gold);
        // held-out margins for calibration: fold k is scored by the model fitted on the other folds
        List<double[]> held = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            final int fold = k;
            List<Row> in = biored.rows().stream().filter(r -> r.fold() != fold).toList();
            RelationModel.Linear m = binary(in, c, Row::gold);
            for (Row r : biored.rows()) {
                if (r.fold() == fold && r.engine()) {
                    held.add(new double[]{m.margin(0, r.x().idx(), r.x().val()), r.gold() ? 1 : 0});
                }
            }
        }
        double[] platt = platt(held);
        List<Row> positives = biored.rows().stream().filter(Row::gold).toList();
        RelationModel.Linear type = multiclass(positives, typeC);
        RelationModel.Linear cid;
        if (cidTrain != null) {
            List<Row> cdr = rows(engine, cidTrain, limit, frequency, documents).rows().stream()
                    .filter(r -> r.kind() == DocumentRelations.Pair.CHEMICAL_DISEASE).toList();
            cid = binary(cdr, c, Row::gold);
        } else {
            cid = new RelationModel.Linear(List.of("CID"), new float[][]{new float[PairFeatures.DIMENSION + 1]});
        }
        Set<String> generic = Specificity.generic(frequency, documents[0]);
        return new Trained(pair, type, cid, platt[0], platt[1], isotonic(held), generic);
    }

    // ---- candidates ----

    static Corpus rows(Engine engine, Path file, int limit) throws IOException {
        return rows(engine, file, limit, null, null);
    }

    /**
     * As above; when {@code frequency} is given, also counts per concept of a context type
     * ({@link Specificity#contextType}) the documents the engine finds it in, and the documents in {@code documents[0]}.
     */
    static Corpus rows(Engine engine, Path file, int limit, Map<String, Integer> frequency, int[] documents) throws IOException {
        List<PubTatorDocument> docs = PubTatorReader.read(file);
        boolean cidOnly = docs.stream().flatMap(d -> d.relations().stream()).allMatch(l -> l.type().equals("CID"));
        List<Row> rows = new ArrayList<>();
        Map<String, Set<String>> goldPairs = new LinkedHashMap<>();
        Map<String, Set<String>> goldTyped = new LinkedHashMap<>();
        Map<String, Concept> vocabulary = new HashMap<>();
        for (Concept k : engine.vocabulary().concepts()) {
            vocabulary.put(k.id(), k);
        }
        int n = 0;
        for (PubTatorDocument d : docs) {
            if (goldPairs.containsKey(d.id()) || n++ >= limit) {
                continue;
            }
            int fold = n % FOLDS;
            Set<String> gp = new HashSet<>();
            Map<String, String> gt = new HashMap<>();
            for (PubTatorDocument.Link l : d.relations()) {
                String pair = pair(GoldIds.curie(l.id1(), null), GoldIds.curie(l.id2(), null));
                gp.add(pair);
                gt.put(pair, l.type());
            }
            goldPairs.put(d.id(), gp);
            Set<String> typed = new HashSet<>();
            gt.forEach((k, v) -> typed.add(k + "\t" + v));
            goldTyped.put(d.id(), typed);
            AnnotatedDocument a = engine.annotate(d.toInput());
            if (frequency != null) {
                documents[0]++;
                a.mentions().stream().filter(x -> x.conceptId() != null && Specificity.contextType(x.type()))
                        .map(Mention::conceptId).distinct().forEach(id -> frequency.merge(id, 1, Integer::sum));
            }
            Map<String, Concept> local = new HashMap<>();
            for (Concept k : a.concepts()) {
                local.put(k.id(), k);
            }
            for (boolean engineEntities : new boolean[]{false, true}) {
                List<Mention> mentions = engineEntities ? a.mentions() : goldMentions(d);
                for (DocumentRelations.Candidate k : DocumentRelations.candidates(a.sentences(), mentions)) {
                    if (cidOnly && k.pair != DocumentRelations.Pair.CHEMICAL_DISEASE) {
                        continue;
                    }
                    String pair;
                    if (engineEntities) {
                        Concept x = local.getOrDefault(k.a.id, vocabulary.get(k.a.id));
                        Concept y = local.getOrDefault(k.b.id, vocabulary.get(k.b.id));
                        if (x == null || y == null) {
                            continue;
                        }
                        pair = pair(project(x), project(y));
                    } else {
                        pair = pair(k.a.id, k.b.id);
                    }
                    rows.add(new Row(d.id(), pair, k.pair, k.vector, gp.contains(pair), gt.getOrDefault(pair, ""),
                            engineEntities, fold, k.explicit, k.sentences > 0 && k.listedSentences == k.sentences));
                }
            }
        }
        return new Corpus(rows, goldPairs, goldTyped, cidOnly);
    }

    /** The gold file's entity mentions as engine mentions, one per id, in text order. */
    static List<Mention> goldMentions(PubTatorDocument d) {
        List<Mention> out = new ArrayList<>();
        for (PubTatorDocument.Entity e : d.entities()) {
            EntityType t;
            try {
                t = EntityType.fromPubTator(e.type());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            for (String id : e.ids().split("[|+,;]")) {
                if (!id.isBlank() && !id.equals("-")) {
                    out.add(new Mention(e.start(), e.end(), e.text(), t, GoldIds.curie(id.strip(), null), false, false));
                }
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /** The id in the gold namespace of the concept's type (as the evaluator projects). */
    static String project(Concept c) {
        EntityType t = c.type();
        String prefix = switch (t) {
            case ChemicalEntity, DiseaseOrPhenotypicFeature -> "MESH";
            case GeneOrGeneProduct -> "NCBIGene";
            default -> c.id().substring(0, Math.max(0, c.id().indexOf(':')));
        };
        String projected = IdPolicy.project(c, prefix);
        if (t == EntityType.DiseaseOrPhenotypicFeature && !projected.startsWith("MESH:")) {
            projected = IdPolicy.project(c, "OMIM");
        }
        return projected;
    }

    static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
    }

    // ---- fitting (liblinear) ----

    private static Feature[] nodes(PairFeatures.Vector v) {
        Feature[] f = new Feature[v.idx().length + 1];
        for (int i = 0; i < v.idx().length; i++) {
            f[i] = new FeatureNode(v.idx()[i], v.val()[i]);
        }
        f[v.idx().length] = new FeatureNode(PairFeatures.DIMENSION + 1, 1); // bias
        return f;
    }

    private static Problem problem(List<Row> rows, java.util.function.ToDoubleFunction<Row> label) {
        Problem p = new Problem();
        p.l = rows.size();
        p.n = PairFeatures.DIMENSION + 1;
        p.bias = 1;
        p.x = new Feature[rows.size()][];
        p.y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            p.x[i] = nodes(rows.get(i).x());
            p.y[i] = label.applyAsDouble(rows.get(i));
        }
        return p;
    }

    /** A binary L2 logistic regression; weights oriented so that a positive margin means label true. */
    static RelationModel.Linear binary(List<Row> rows, double c, java.util.function.Predicate<Row> label) {
        Model m = Linear.train(problem(rows, r -> label.test(r) ? 1 : 0), new Parameter(SolverType.L2R_LR, c, 0.01));
        double[] w = m.getFeatureWeights();
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        float[] out = new float[PairFeatures.DIMENSION + 1];
        for (int i = 0; i < PairFeatures.DIMENSION; i++) {
            out[i + 1] = (float) (sign * w[i]);
        }
        out[0] = (float) (sign * w[PairFeatures.DIMENSION]);
        return new RelationModel.Linear(List.of("true"), new float[][]{out});
    }

    /** One-vs-rest L2 logistic regression over the gold relation types. */
    static RelationModel.Linear multiclass(List<Row> rows, double c) {
        List<String> types = rows.stream().map(Row::goldType).distinct().sorted().toList();
        Map<String, Integer> code = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            code.put(types.get(i), i);
        }
        Model m = Linear.train(problem(rows, r -> code.get(r.goldType())), new Parameter(SolverType.L2R_LR, c, 0.01));
        double[] w = m.getFeatureWeights();
        int[] labels = m.getLabels();
        int nrW = labels.length == 2 ? 1 : labels.length;
        float[][] out = new float[labels.length][PairFeatures.DIMENSION + 1];
        List<String> names = new ArrayList<>();
        for (int k = 0; k < labels.length; k++) {
            names.add(types.get(labels[k]));
            for (int i = 0; i <= PairFeatures.DIMENSION; i++) {
                double v = nrW == 1 ? (k == 0 ? w[i] : -w[i]) : w[i * nrW + k];
                out[k][i == PairFeatures.DIMENSION ? 0 : i + 1] = (float) v;
            }
        }
        return new RelationModel.Linear(List.copyOf(names), out);
    }

    /** Platt scaling: p = sigmoid(a·margin + b), a 1-D logistic regression by Newton's method. */
    static double[] platt(List<double[]> scored) {
        double a = 1;
        double b = 0;
        for (int it = 0; it < 50; it++) {
            double ga = 0, gb = 0, haa = 1e-6, hab = 0, hbb = 1e-6;
            for (double[] s : scored) {
                double p = 1 / (1 + Math.exp(-(a * s[0] + b)));
                double e = p - s[1];
                double q = p * (1 - p);
                ga += e * s[0];
                gb += e;
                haa += q * s[0] * s[0];
                hab += q * s[0];
                hbb += q;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) + Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[]{a, b};
    }

    /**
     * Isotonic regression (pool adjacent violators) of the label on the held-out margin: blocks of increasing
     * probability, each stored as its mean margin and its share of positives smoothed by one half-positive pseudo
     * count (a block of 3 positives out of 3 says 0.875, not 1).
     */
    static double[][] isotonic(List<double[]> scored) {
        List<double[]> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.<double[]>comparingDouble(x -> x[0]).thenComparingDouble(x -> x[1]));
        double[] sx = new double[sorted.size()];
        double[] sy = new double[sorted.size()];
        int[] n = new int[sorted.size()];
        int blocks = 0;
        for (double[] x : sorted) {
            sx[blocks] = x[0];
            sy[blocks] = x[1];
            n[blocks] = 1;
            blocks++;
            while (blocks > 1 && sy[blocks - 2] / n[blocks - 2] >= sy[blocks - 1] / n[blocks - 1]) {
                sx[blocks - 2] += sx[blocks - 1];
                sy[blocks - 2] += sy[blocks - 1];
                n[blocks - 2] += n[blocks - 1];
                blocks--;
            }
        }
        double[] margin = new double[blocks];
        double[] probability = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            margin[b] = sx[b] / n[b];
            probability[b] = (sy[b] + 0.5) / (n[b] + 1);
        }
        return new double[][]{margin, probability};
    }

    // ---- measurement ----

    /** Engine-entity predictions of a corpus at a threshold: doc\tpair and doc\tpair\ttype sets. */
    private static Set<String>[] predicted(Corpus s, RelationModel m, double threshold, boolean engine) {
        return predicted(s, m, threshold, engine, true);
    }

    /** As above; {@code explicit}: also the explicit statements below the threshold, as the engine reports them. */
    private static Set<String>[] predicted(Corpus s, RelationModel m, double threshold, boolean engine, boolean explicit) {
        @SuppressWarnings("unchecked")
        Set<String>[] out = new Set[]{new HashSet<String>(), new HashSet<String>()};
        for (Row r : s.rows()) {
            if (r.engine() != engine) {
                continue;
            }
            double p = m.probability(r.x().idx(), r.x().val());
            if (!(p >= threshold || explicit && DocumentRelations.EXPLICIT && r.explicit()) || r.listed()) {
                continue; // as DocumentRelations.accepted
            }
            String type = type(r, m);
            if (s.cidOnly() && !(type.equals("Positive_Correlation") || type.equals("Association"))) {
                continue;
            }
            out[0].add(r.doc() + "\t" + r.pair());
            out[1].add(r.doc() + "\t" + r.pair() + "\t" + (s.cidOnly() ? "CID" : type));
        }
        return out;
    }

    private static String type(Row r, RelationModel m) {
        String type = m.type(r.x().idx(), r.x().val());
        if (r.kind() == DocumentRelations.Pair.CHEMICAL_DISEASE && type.equals("Association")
                && m.induces(r.x().idx(), r.x().val()) >= 0.5) {
            type = "Positive_Correlation";
        }
        return type;
    }

    private static int[] counts(Corpus s, Set<String> predicted, boolean typed) {
        int tp = 0;
        for (String p : predicted) {
            String doc = p.substring(0, p.indexOf('\t'));
            Set<String> g = (typed ? s.goldTyped() : s.goldPairs()).get(doc);
            tp += g.contains(p.substring(doc.length() + 1)) ? 1 : 0;
        }
        return new int[]{tp, predicted.size(), s.gold()};
    }

    private static double f1(int[] k) {
        double p = k[0] / (double) Math.max(1, k[1]);
        double r = k[0] / (double) Math.max(1, k[2]);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static double chooseThreshold(Corpus dev, RelationModel m) {
        return chooseThreshold(dev, m, true);
    }

    static double chooseThreshold(Corpus dev, RelationModel m, boolean engine) {
        double best = 0.5;
        double top = -1;
        for (int i = 2; i <= 90; i += 2) {
            double t = i / 100.0;
            double f = f1(counts(dev, predicted(dev, m, t, engine)[0], false));
            if (f > top + 1e-9) {
                top = f;
                best = t;
            }
        }
        return best;
    }

    static String report(String name, Corpus s, RelationModel m) {
        StringBuilder sb = new StringBuilder();
        double goldBest = chooseThreshold(s, m, false);
        for (boolean engine : new boolean[]{true, false}) {
            for (double t : engine ? new double[]{m.threshold(), 0.8} : new double[]{m.threshold(), goldBest, 0.8}) {
                Set<String>[] p = predicted(s, m, t, engine, t != 0.8); // at 0.8: confidence alone
                int[] u = counts(s, p[0], false);
                int[] ty = counts(s, p[1], true);
                sb.append(String.format(Locale.ROOT,
                        "%s, %s entities, p>=%.2f: untyped P %.3f R %.3f F1 %.3f (%d/%d/%d) | %s P %.3f R %.3f F1 %.3f%n",
                        name, engine ? "engine" : "gold", t, u[0] / (double) Math.max(1, u[1]), u[0] / (double) u[2], f1(u),
                        u[0], u[1] - u[0], u[2] - u[0], s.cidOnly() ? "CID" : "typed",
                        ty[0] / (double) Math.max(1, ty[1]), ty[0] / (double) ty[2], f1(ty)));
            }
        }
        return sb.toString();
    }

    /**
     * Reliability of the calibrated probability on the engine-entity candidates: per bin of 0.1 the mean
     * confidence and the observed share of correct pairs, and the expected calibration error over candidates at
     * or above 0.1 (what the engine may report).
     */
    static double ece(Corpus s, RelationModel m) {
        String r = reliability(s, m);
        String tail = r.substring(r.lastIndexOf(": ") + 2).strip();
        return Double.parseDouble(tail);
    }

    static String reliability(Corpus s, RelationModel m) {
        int bins = 10;
        double[] conf = new double[bins];
        int[] n = new int[bins];
        int[] correct = new int[bins];
        Map<String, double[]> best = new TreeMap<>(); // one prediction per doc and pair (max probability)
        for (Row r : s.rows()) {
            if (r.engine()) {
                double p = m.probability(r.x().idx(), r.x().val());
                best.merge(r.doc() + "\t" + r.pair(), new double[]{p, r.gold() ? 1 : 0}, (x, y) -> x[0] >= y[0] ? x : y);
            }
        }
        for (double[] v : best.values()) {
            int b = Math.min(bins - 1, (int) (v[0] * bins));
            conf[b] += v[0];
            n[b]++;
            correct[b] += (int) v[1];
        }
        StringBuilder sb = new StringBuilder("| confidence | pairs | mean confidence | observed precision |\n|---|---|---|---|\n");
        double ece = 0;
        int total = 0;
        for (int b = 1; b < bins; b++) {
            total += n[b];
        }
        for (int b = 0; b < bins; b++) {
            if (n[b] == 0) {
                continue;
            }
            double mc = conf[b] / n[b];
            double obs = correct[b] / (double) n[b];
            sb.append(String.format(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", b / 10.0, (b + 1) / 10.0, n[b], mc, obs));
            if (b >= 1) {
                ece += n[b] / (double) total * Math.abs(mc - obs);
            }
        }
        sb.append(String.format(Locale.ROOT, "expected calibration error (pairs with confidence >= 0.1, %d pairs): %.3f%n", total, ece));
        return sb.toString();
    }

    // ---- provenance ----

    static String describe(Path file) throws IOException {
        return file.getFileName() + " sha256:" + sha256(file);
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
