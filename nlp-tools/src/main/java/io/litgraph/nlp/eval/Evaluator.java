package io.litgraph.nlp.eval;

import io.litgraph.nlp.AnnotatedDocument;
import io.litgraph.nlp.Annotator;
import io.litgraph.nlp.Concept;
import io.litgraph.nlp.Engine;
import io.litgraph.nlp.EntityType;
import io.litgraph.nlp.Mention;
import io.litgraph.nlp.Relation;
import io.litgraph.nlp.io.PubTatorDocument;
import io.litgraph.nlp.io.PubTatorReader;
import io.litgraph.nlp.vocab.IdPolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Scores an {@link Annotator} against a PubTator gold file.
 * <ul>
 *   <li>mentions, strict: same start, end and type;</li>
 *   <li>normalization, document level (as in BioCreative): the set of (type, id) per document;</li>
 *   <li>relations, document level: the set of id pairs per document, untyped and typed.</li>
 * </ul>
 * Only the entity types the gold file annotates are scored. Predicted ids are expressed in the gold's namespace
 * (MeSH for chemicals and diseases, NCBI Gene, NCBI Taxonomy) through the concept's cross-references. Gene
 * normalization counts only gold and predicted ids that are human genes listed in org.Hs.eg.db (when given):
 * the multi-species gene corpora annotate mouse, rat, yeast... genes the human vocabulary cannot know.
 *
 * <p>Command line: {@code java -cp nlp.jar:deps/* io.litgraph.nlp.eval.Evaluator --gold FILE [--gold FILE...]
 * [--vocab ARTIFACT | --builtin] [--org-hs-eg SQLITE] [--limit N] [--errors N]}
 */
public final class Evaluator {

    /** Scores per type plus relations. */
    public record Report(String corpus, int documents, Map<EntityType, Prf> mentions, Map<EntityType, Prf> normalization,
                         Prf relationPairs, Prf relationTyped, boolean hasRelations) {
    }

    private final Annotator annotator;
    private final Set<String> humanGenes;
    private final Map<String, Concept> conceptById;

    /**
     * @param humanGenes NCBIGene CURIEs of human genes (org.Hs.eg.db); null = do not filter gene ids
     * @param concepts   a lookup for concepts' cross-references (the engine's vocabulary), may be null
     */
    /** Relations below this confidence are not counted ({@code --min-confidence}: precision at a reader's threshold). */
    private double minConfidence;

    public Evaluator minConfidence(double value) {
        this.minConfidence = value;
        return this;
    }

    public Evaluator(Annotator annotator, Set<String> humanGenes, Map<String, Concept> concepts) {
        this.annotator = annotator;
        this.humanGenes = humanGenes;
        this.conceptById = concepts == null ? Map.of() : concepts;
    }

    public Report evaluate(Path gold, int limit) throws IOException {
        List<PubTatorDocument> docs = PubTatorReader.read(gold);
        if (limit > 0 && docs.size() > limit) {
            docs = docs.subList(0, limit);
        }
        return evaluate(gold.getFileName().toString(), docs, null);
    }

    public Report evaluate(String corpus, List<PubTatorDocument> docs, List<String> errors) {
        Set<EntityType> goldTypes = EnumMapSet();
        for (PubTatorDocument d : docs) {
            for (PubTatorDocument.Entity e : d.entities()) {
                EntityType t = type(e.type());
                if (t != null) {
                    goldTypes.add(t);
                }
            }
        }
        boolean hasRelations = docs.stream().anyMatch(d -> !d.relations().isEmpty());
        boolean chemicalDiseaseOnly = docs.stream().flatMap(d -> d.relations().stream()).allMatch(l -> l.type().equals("CID"));
        Map<EntityType, Prf> mentions = new EnumMap<>(EntityType.class);
        Map<EntityType, Prf> norm = new EnumMap<>(EntityType.class);
        Prf pairs = Prf.ZERO;
        Prf typed = Prf.ZERO;
        Set<String> seenIds = new HashSet<>();
        for (PubTatorDocument d : docs) {
            if (!seenIds.add(d.id())) {
                continue; // a document repeated in the gold file is scored once
            }
            AnnotatedDocument a = annotator.annotate(d.toInput());
            Map<String, Concept> local = new HashMap<>(conceptById);
            for (Concept c : a.concepts()) {
                local.putIfAbsent(c.id(), c);
            }
            for (EntityType t : goldTypes) {
                Set<String> gm = new HashSet<>();
                Set<String> gn = new HashSet<>();
                for (PubTatorDocument.Entity e : d.entities()) {
                    if (type(e.type()) == t) {
                        gm.add(e.start() + ":" + e.end());
                        for (String id : GoldIds.curies(e.ids(), t)) {
                            if (keepId(t, id)) {
                                gn.add(id);
                            }
                        }
                    }
                }
                Set<String> pm = new HashSet<>();
                Set<String> pn = new HashSet<>();
                for (Mention m : a.mentions()) {
                    if (m.type() == t) {
                        pm.add(m.start() + ":" + m.end());
                        if (m.conceptId() != null) {
                            String id = project(local, m.conceptId(), t);
                            if (keepId(t, id)) {
                                pn.add(id);
                            }
                        }
                    }
                }
                mentions.merge(t, Prf.compare(gm, pm), Prf::plus);
                Prf n = Prf.compare(gn, pn);
                norm.merge(t, n, Prf::plus);
                if (errors != null) {
                    for (PubTatorDocument.Entity e : d.entities()) {
                        if (type(e.type()) == t && !pm.contains(e.start() + ":" + e.end())) {
                            errors.add(corpus + "\t" + d.id() + "\tMFN\t" + t + "\t" + e.ids() + "\t" + e.text());
                        }
                    }
                    for (Mention m : a.mentions()) {
                        if (m.type() == t && !gm.contains(m.start() + ":" + m.end())) {
                            errors.add(corpus + "\t" + d.id() + "\tMFP\t" + t + "\t" + m.conceptId() + "\t" + m.text());
                        }
                    }
                    for (String id : pn) {
                        if (!gn.contains(id)) {
                            errors.add(corpus + "\t" + d.id() + "\tFP\t" + t + "\t" + id + "\t" + textsOf(a, local, id, t));
                        }
                    }
                    for (String id : gn) {
                        if (!pn.contains(id)) {
                            errors.add(corpus + "\t" + d.id() + "\tFN\t" + t + "\t" + id + "\t" + goldTexts(d, id, t));
                        }
                    }
                }
            }
            if (hasRelations) {
                Set<String> gp = new HashSet<>();
                Set<String> gt = new HashSet<>();
                for (PubTatorDocument.Link l : d.relations()) {
                    String x = GoldIds.curie(l.id1(), null);
                    String y = GoldIds.curie(l.id2(), null);
                    gp.add(pair(x, y));
                    gt.add(pair(x, y) + "\t" + l.type());
                }
                Set<String> pp = new HashSet<>();
                Set<String> pt = new HashSet<>();
                for (Relation r : a.relations()) {
                    Concept s = local.get(r.subjectId());
                    Concept o = local.get(r.objectId());
                    if (s == null || o == null || !goldTypes.contains(s.type()) || !goldTypes.contains(o.type())
                            || r.confidence() < minConfidence) {
                        continue;
                    }
                    if (s.type() == EntityType.DiseaseOrPhenotypicFeature && o.type() == EntityType.DiseaseOrPhenotypicFeature) {
                        continue; // neither BioRED's nor BC5CDR's schema has disease–disease relations
                    }
                    if (chemicalDiseaseOnly && !(s.type() == EntityType.ChemicalEntity && o.type() == EntityType.DiseaseOrPhenotypicFeature
                            || o.type() == EntityType.ChemicalEntity && s.type() == EntityType.DiseaseOrPhenotypicFeature)) {
                        continue;
                    }
                    if (chemicalDiseaseOnly && !inducing(r)) {
                        continue;
                    }
                    String x = project(local, r.subjectId(), s.type());
                    String y = project(local, r.objectId(), o.type());
                    pp.add(pair(x, y));
                    pt.add(pair(x, y) + "\t" + (chemicalDiseaseOnly ? "CID" : r.type()));
                    if (errors != null) {
                        String goldType = "";
                        for (String g : gt) {
                            if (g.startsWith(pair(x, y) + "\t")) {
                                goldType = g.substring(g.lastIndexOf('\t') + 1);
                            }
                        }
                        errors.add(corpus + "\t" + d.id() + "\t" + (gp.contains(pair(x, y)) ? "RTP" : "RFP") + "\t"
                                + s.type() + "-" + o.type() + "\t" + r.type() + "\t" + goldType + "\t" + r.confidence()
                                + "\t" + (r.trigger() == null ? "" : r.trigger().text()) + "\t" + (r.sentence() == null ? -1 : r.sentence().start()));
                    }
                }
                pairs = pairs.plus(Prf.compare(gp, pp));
                typed = typed.plus(Prf.compare(gt, pt));
            }
        }
        return new Report(corpus, seenIds.size(), mentions, norm, pairs, typed, hasRelations);
    }

    /**
     * Relations: a CID-only corpus (BC5CDR) annotates "chemical induces disease". In BioRED's schema that is a
     * Positive_Correlation or (unspecified) Association; a Negative_Correlation (treats, prevents, protects) states
     * the opposite, so it is not counted as a CID prediction. A mapping of relation types between schemas, not a
     * filter on gold content.
     */
    static boolean inducing(Relation r) {
        return r.type().equals("Positive_Correlation") || r.type().equals("Association");
    }

    private static Set<EntityType> EnumMapSet() {
        return java.util.EnumSet.noneOf(EntityType.class);
    }

    private boolean keepId(EntityType t, String id) {
        if (t != EntityType.GeneOrGeneProduct || humanGenes == null) {
            return true;
        }
        return humanGenes.contains(id);
    }

    /** The concept's id in the namespace gold files use for its type. */
    public static String project(Map<String, Concept> concepts, String id, EntityType t) {
        Concept c = concepts.get(id);
        if (c == null) {
            return id;
        }
        String prefix = switch (t) {
            case ChemicalEntity, DiseaseOrPhenotypicFeature -> "MESH";
            case GeneOrGeneProduct -> "NCBIGene";
            case OrganismTaxon -> "NCBITaxon";
            default -> id.substring(0, Math.max(0, id.indexOf(':')));
        };
        String projected = IdPolicy.project(c, prefix);
        if (t == EntityType.DiseaseOrPhenotypicFeature && !projected.startsWith("MESH:")) {
            projected = IdPolicy.project(c, "OMIM"); // NCBI-disease annotates OMIM where MeSH has no descriptor
        }
        return projected;
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) < 0 ? a + "\t" + b : b + "\t" + a;
    }

    private static EntityType type(String goldType) {
        try {
            return EntityType.fromPubTator(goldType);
        } catch (IllegalArgumentException e) {
            return null; // e.g. GNormPlus FamilyName / DomainMotif: not scored
        }
    }

    private static String textsOf(AnnotatedDocument a, Map<String, Concept> local, String id, EntityType t) {
        Set<String> s = new LinkedHashSet<>();
        for (Mention m : a.mentions()) {
            if (m.type() == t && m.conceptId() != null && project(local, m.conceptId(), t).equals(id)) {
                s.add(m.text());
            }
        }
        return String.join("|", s);
    }

    private static String goldTexts(PubTatorDocument d, String id, EntityType t) {
        Set<String> s = new LinkedHashSet<>();
        for (PubTatorDocument.Entity e : d.entities()) {
            if (type(e.type()) == t && GoldIds.curies(e.ids(), t).contains(id)) {
                s.add(e.text());
            }
        }
        return String.join("|", s);
    }

    /** NCBIGene CURIEs of every gene in org.Hs.eg.db. */
    public static Set<String> humanGenes(Path orgHsEgSqlite) throws IOException {
        Set<String> out = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + orgHsEgSqlite.toAbsolutePath());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select gene_id from genes")) {
            while (rs.next()) {
                out.add("NCBIGene:" + rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return out;
    }

    /** A Markdown table of a report. */
    public static String table(Report r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s (%d documents)%n%n", r.corpus(), r.documents()));
        sb.append("| type | mention P | mention R | mention F1 | norm P | norm R | norm F1 | norm TP/FP/FN |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (EntityType t : r.mentions().keySet()) {
            Prf m = r.mentions().get(t);
            Prf n = r.normalization().get(t);
            sb.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | **%.3f** | %d/%d/%d |%n", t,
                    m.precision(), m.recall(), m.f1(), n.precision(), n.recall(), n.f1(), n.tp(), n.fp(), n.fn()));
        }
        if (r.hasRelations()) {
            sb.append(String.format(Locale.ROOT, "%n| relations (document level) | P | R | F1 | TP/FP/FN |%n|---|---|---|---|---|%n"));
            sb.append(String.format(Locale.ROOT, "| id pair, untyped | %.3f | %.3f | **%.3f** | %d/%d/%d |%n",
                    r.relationPairs().precision(), r.relationPairs().recall(), r.relationPairs().f1(),
                    r.relationPairs().tp(), r.relationPairs().fp(), r.relationPairs().fn()));
            sb.append(String.format(Locale.ROOT, "| id pair + type | %.3f | %.3f | **%.3f** | %d/%d/%d |%n",
                    r.relationTyped().precision(), r.relationTyped().recall(), r.relationTyped().f1(),
                    r.relationTyped().tp(), r.relationTyped().fp(), r.relationTyped().fn()));
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        List<Path> golds = new ArrayList<>();
        Path vocab = null;
        boolean builtin = false;
        Path org = null;
        int limit = 0;
        Path errorsOut = null;
        double minConfidence = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gold" -> golds.add(Path.of(args[++i]));
                case "--vocab" -> vocab = Path.of(args[++i]);
                case "--builtin" -> builtin = true;
                case "--org-hs-eg" -> org = Path.of(args[++i]);
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                case "--errors" -> errorsOut = Path.of(args[++i]);
                case "--min-confidence" -> minConfidence = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("usage: Evaluator --gold FILE [--gold FILE...] [--vocab ARTIFACT | --builtin] "
                            + "[--org-hs-eg org.Hs.eg.sqlite] [--limit N] [--errors FILE] [--min-confidence P]");
                    System.exit(2);
                }
            }
        }
        if (golds.isEmpty()) {
            System.err.println("no --gold file");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        Engine engine = builtin ? Engine.builtin() : Engine.load(vocab);
        double load = (System.nanoTime() - t0) / 1e9;
        if (org == null) {
            Path guess = Path.of(".litgraph/vocab-src/usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite");
            org = Files.isRegularFile(guess) ? guess : null;
        }
        Set<String> human = org == null ? null : humanGenes(org);
        Map<String, Concept> concepts = new HashMap<>();
        for (Concept c : engine.vocabulary().concepts()) {
            concepts.put(c.id(), c);
        }
        Evaluator ev = new Evaluator(engine, human, concepts).minConfidence(minConfidence);
        System.out.printf(Locale.ROOT, "engine %s, vocabulary %s (%d concepts, loaded in %.1f s); human gene filter: %s%n%n",
                engine.engineVersion(), engine.vocabularyVersion(), engine.vocabulary().concepts().size(), load,
                human == null ? "off" : org);
        List<String> errors = errorsOut == null ? null : new ArrayList<>();
        for (Path g : golds) {
            List<PubTatorDocument> docs = PubTatorReader.read(g);
            if (limit > 0 && docs.size() > limit) {
                docs = docs.subList(0, limit);
            }
            long t1 = System.nanoTime();
            Report r = ev.evaluate(g.getFileName().toString(), docs, errors);
            System.out.println(table(r));
            System.out.printf(Locale.ROOT, "(%.1f s)%n%n", (System.nanoTime() - t1) / 1e9);
        }
        if (errorsOut != null) {
            Files.write(errorsOut, errors);
        }
    }
}
