package io.litgraph.nlp.relate;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.eval.GoldIds;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.vocab.IdPolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fits {@link PairScorer}'s weights: runs the engine over a PubTator training file with document-level relations
 * (BioRED Train), labels each candidate pair of {@link DocumentRelations} by whether the gold file relates the two
 * concepts (ids projected to the gold namespace as the evaluator does), and fits an L2-regularised logistic
 * regression by batch gradient descent. Deterministic: same engine, vocabulary and corpus give the same weights.
 * Prints the weights as Java source for {@code PairScorer.WEIGHTS}, and precision/recall over thresholds on the
 * training file and on any {@code --dev} files (measured with the weights just fitted).
 *
 * <p>{@code java -cp nlp.jar:deps/* io.litgraph.nlp.relate.RelationTrainer --vocab .litgraph/vocab/litgraph-vocab.bin
 * --train corpora/BioRED/Train.PubTator [--dev corpora/BioRED/Dev.PubTator] [--current]}
 * ({@code --current}: measure the shipped weights instead of fitting).
 */
public final class RelationTrainer {

    /** One labelled candidate. */
    record Row(String doc, String pair, String kind, double[] x, boolean gold, String type, String goldType, boolean cid, boolean explicit, boolean realEntities) {
    }

    /** Candidates of one corpus with its gold pairs. */
    record Set_(List<Row> rows, Map<String, Set<String>> goldPairs, Map<String, Set<String>> goldTyped, boolean cidOnly) {
    }

    /** Score the relation stage alone: gold entity mentions (with their gold ids) instead of the engine's. */
    static boolean ORACLE;
    /** Report explicit statements whatever their score (as the engine does); --no-explicit to measure without. */
    static boolean EXPLICIT = true;

    /** The gold file's entity mentions as engine mentions, one per id, in text order. */
    static List<io.litgraph.nlp.Mention> goldMentions(PubTatorDocument d) {
        List<io.litgraph.nlp.Mention> out = new ArrayList<>();
        for (PubTatorDocument.Entity e : d.entities()) {
            EntityType t;
            try {
                t = EntityType.fromPubTator(e.type());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            for (String id : e.ids().split("[|+,;]")) {
                if (!id.isBlank() && !id.equals("-")) {
                    out.add(new io.litgraph.nlp.Mention(e.start(), e.end(), e.text(), t, GoldIds.curie(id.strip(), null), false, false));
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(io.litgraph.nlp.Mention::start));
        return out;
    }

    static final Map<String, Integer> MISSING = new java.util.TreeMap<>();

    private RelationTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path vocab = null;
        List<Path> train = new ArrayList<>();
        List<Path> dev = new ArrayList<>();
        boolean current = false;
        boolean mixed = false;
        double l2 = 1.0;
        int iterations = 3000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vocab" -> vocab = Path.of(args[++i]);
                case "--train" -> train.add(Path.of(args[++i]));
                case "--dev" -> dev.add(Path.of(args[++i]));
                case "--current" -> current = true;
                case "--gold-entities" -> ORACLE = true;
                case "--no-explicit" -> EXPLICIT = false;
                case "--mixed" -> mixed = true;
                case "--l2" -> l2 = Double.parseDouble(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Engine engine = vocab == null ? Engine.builtin() : Engine.load(vocab);
        Map<String, Concept> concepts = new HashMap<>();
        for (Concept c : engine.vocabulary().concepts()) {
            concepts.put(c.id(), c);
        }
        List<Row> trainRows = new ArrayList<>();
        List<Set_> trainSets = new ArrayList<>();
        for (Path p : train) {
            Set_ s = rows(engine, concepts, p);
            trainSets.add(s);
            trainRows.addAll(s.rows());
            if (mixed) { // fit on the engine's entities and on the gold entities together
                ORACLE = !ORACLE;
                trainRows.addAll(rows(engine, concepts, p).rows());
                ORACLE = !ORACLE;
            }
        }
        double[] w = current ? PairScorer.WEIGHTS.clone() : fit(trainRows, l2, iterations);
        if (!current) {
            StringBuilder sb = new StringBuilder("    static final double[] WEIGHTS = {\n");
            for (int i = 0; i < w.length; i++) {
                sb.append(String.format(Locale.ROOT, "            %.4f, // %s%n", w[i], DocumentRelations.FEATURES.get(i)));
            }
            sb.append("    };\n");
            System.out.println(sb);
        }
        System.out.println("gold pairs whose ids the engine finds in the document: " + MISSING);
        for (int i = 0; i < train.size(); i++) {
            report("train " + train.get(i).getFileName(), trainSets.get(i), w);
        }
        for (Path p : dev) {
            report("dev " + p.getFileName(), rows(engine, concepts, p), w);
        }
    }

    static Set_ rows(Engine engine, Map<String, Concept> vocabulary, Path file) throws IOException {
        List<PubTatorDocument> docs = PubTatorReader.read(file);
        boolean cidOnly = docs.stream().flatMap(d -> d.relations().stream()).allMatch(l -> l.type().equals("CID"));
        List<Row> rows = new ArrayList<>();
        Map<String, Set<String>> goldPairs = new HashMap<>();
        Map<String, Set<String>> goldTyped = new HashMap<>();
        for (PubTatorDocument d : docs) {
            if (goldPairs.containsKey(d.id())) {
                continue;
            }
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
            Map<String, Concept> local = new HashMap<>();
            for (Concept c : a.concepts()) {
                local.put(c.id(), c);
            }
            Set<String> found = new HashSet<>();
            for (io.litgraph.nlp.Mention m : a.mentions()) {
                Concept c = m.conceptId() == null ? null : local.getOrDefault(m.conceptId(), vocabulary.get(m.conceptId()));
                if (c != null) {
                    found.add(project(c));
                }
            }
            for (PubTatorDocument.Link l : d.relations()) {
                boolean x = found.contains(GoldIds.curie(l.id1(), null));
                boolean y = found.contains(GoldIds.curie(l.id2(), null));
                MISSING.merge(file.getFileName() + (x && y ? " both ids found" : x || y ? " one id missing" : " both ids missing"), 1, Integer::sum);
            }
            Set<String> goldEntities = new HashSet<>();
            for (io.litgraph.nlp.Mention m : goldMentions(d)) {
                goldEntities.add(m.conceptId());
            }
            List<io.litgraph.nlp.Mention> mentions = ORACLE ? goldMentions(d) : a.mentions();
            for (DocumentRelations.Candidate c : DocumentRelations.candidates(a.sentences(), mentions)) {
                Concept x = local.getOrDefault(c.a.id, vocabulary.get(c.a.id));
                Concept y = local.getOrDefault(c.b.id, vocabulary.get(c.b.id));
                if (!ORACLE && (x == null || y == null)) {
                    continue;
                }
                boolean chemDis = c.pair == DocumentRelations.Pair.CHEMICAL_DISEASE;
                if (cidOnly && !chemDis) {
                    continue;
                }
                String pair = ORACLE ? pair(c.a.id, c.b.id) : pair(project(x), project(y));
                String type = DocumentRelations.type(c);
                rows.add(new Row(d.id(), pair, c.pair.name(), c.features, gp.contains(pair), type, gt.getOrDefault(pair, ""),
                        chemDis && !type.equals("Negative_Correlation"), c.explicit,
                        goldEntities.contains(pair.substring(0, pair.indexOf('\t'))) && goldEntities.contains(pair.substring(pair.indexOf('\t') + 1))));
            }
        }
        return new Set_(rows, goldPairs, goldTyped, cidOnly);
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

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
    }

    static double[] fit(List<Row> rows, double l2, int iterations) {
        int d = DocumentRelations.FEATURES.size();
        double[] w = new double[d];
        double[] grad = new double[d];
        double[] m = new double[d];
        double[] v = new double[d];
        double rate = 0.05;
        for (int it = 1; it <= iterations; it++) {
            java.util.Arrays.fill(grad, 0);
            for (Row r : rows) {
                double err = PairScorer.score(r.x(), w) - (r.gold() ? 1 : 0);
                for (int i = 0; i < d; i++) {
                    grad[i] += err * r.x()[i];
                }
            }
            for (int i = 0; i < d; i++) {
                double g = grad[i] / rows.size() + (i == 0 ? 0 : l2 * w[i] / rows.size());
                m[i] = 0.9 * m[i] + 0.1 * g; // Adam, deterministic
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mh = m[i] / (1 - Math.pow(0.9, it));
                double vh = v[i] / (1 - Math.pow(0.999, it));
                w[i] -= rate * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        return w;
    }

    static void report(String name, Set_ s, double[] w) {
        int gold = 0;
        for (Set<String> g : s.goldPairs().values()) {
            gold += g.size();
        }
        Set<String> all = new HashSet<>();
        for (Row r : s.rows()) {
            if (r.gold()) {
                all.add(r.doc() + "\t" + r.pair());
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d gold pairs, %d candidates, candidate recall %.3f%n", name, gold,
                s.rows().size(), all.size() / (double) gold);
        for (double t = 0.1; t < 0.61; t += 0.05) {
            Set<String> pp = new HashSet<>();
            Set<String> pt = new HashSet<>();
            for (Row r : s.rows()) {
                if ((PairScorer.score(r.x(), w) >= t || EXPLICIT && r.explicit()) && (!s.cidOnly() || r.cid())) {
                    pp.add(r.doc() + "\t" + r.pair());
                    pt.add(r.doc() + "\t" + r.pair() + "\t" + (s.cidOnly() ? "CID" : r.type()));
                }
            }
            int tp = 0;
            int tpt = 0;
            for (String p : pp) {
                String doc = p.substring(0, p.indexOf('\t'));
                tp += s.goldPairs().get(doc).contains(p.substring(doc.length() + 1)) ? 1 : 0;
            }
            for (String p : pt) {
                String doc = p.substring(0, p.indexOf('\t'));
                tpt += s.goldTyped().get(doc).contains(p.substring(doc.length() + 1)) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "  t=%.2f untyped P %.3f R %.3f F1 %.3f | typed P %.3f R %.3f F1 %.3f%n", t,
                    tp / (double) Math.max(1, pp.size()), tp / (double) gold, f1(tp, pp.size(), gold),
                    tpt / (double) Math.max(1, pt.size()), tpt / (double) gold, f1(tpt, pt.size(), gold));
        }
        Map<String, int[]> perPair = new java.util.TreeMap<>(); // predicted, correct, reachable gold
        for (Row r : s.rows()) {
            int[] k = perPair.computeIfAbsent(r.kind(), x -> new int[3]);
            boolean accepted = PairScorer.score(r.x(), w) >= PairScorer.THRESHOLD || EXPLICIT && r.explicit();
            k[0] += accepted ? 1 : 0;
            k[1] += accepted && r.gold() ? 1 : 0;
            k[2] += r.gold() ? 1 : 0;
        }
        perPair.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %s: predicted %d, correct %d, gold among candidates %d%n",
                k, v[0], v[1], v[2]));
        int fp = 0;
        int fpReal = 0;
        for (Row r : s.rows()) {
            if (!r.gold() && PairScorer.score(r.x(), w) >= PairScorer.THRESHOLD) {
                fp++;
                fpReal += r.realEntities() ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "  false positives at the threshold: %d, of which both concepts are gold entities: %d%n", fp, fpReal);
        // typing confusion on correctly found pairs
        Map<String, Integer> confusion = new java.util.TreeMap<>();
        for (Row r : s.rows()) {
            if (r.gold() && PairScorer.score(r.x(), w) >= PairScorer.THRESHOLD && !s.cidOnly()) {
                confusion.merge(r.kind() + " " + r.goldType() + " <- " + r.type(), 1, Integer::sum);
            }
        }
        confusion.forEach((k, v) -> System.out.println("    " + k + "\t" + v));
    }

    private static double f1(int tp, int predicted, int gold) {
        double p = tp / (double) Math.max(1, predicted);
        double r = tp / (double) Math.max(1, gold);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
