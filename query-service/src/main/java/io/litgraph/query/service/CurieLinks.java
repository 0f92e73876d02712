package io.litgraph.query.service;

import java.util.Locale;
import java.util.Map;

/** Links a CURIE to its record in the source database; null for prefixes we know no resolver for. */
public final class CurieLinks {
    private static final Map<String, String> TEMPLATES = Map.ofEntries(
            Map.entry("ncbigene", "https://www.ncbi.nlm.nih.gov/gene/%s"),
            Map.entry("mesh", "https://meshb.nlm.nih.gov/record/ui?ui=%s"),
            Map.entry("chebi", "https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:%s"),
            Map.entry("cl", "http://purl.obolibrary.org/obo/CL_%s"),
            Map.entry("go", "https://amigo.geneontology.org/amigo/term/GO:%s"),
            Map.entry("ncbitaxon", "https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=%s"),
            Map.entry("uberon", "http://purl.obolibrary.org/obo/UBERON_%s"),
            Map.entry("hp", "http://purl.obolibrary.org/obo/HP_%s"),
            Map.entry("doid", "http://purl.obolibrary.org/obo/DOID_%s"),
            Map.entry("hgnc", "https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/HGNC:%s"),
            Map.entry("uniprot", "https://www.uniprot.org/uniprotkb/%s"),
            Map.entry("ensembl", "https://www.ensembl.org/id/%s"),
            Map.entry("cellosaurus", "https://www.cellosaurus.org/%s"),
            Map.entry("omim", "https://omim.org/entry/%s"),
            Map.entry("pubchem.compound", "https://pubchem.ncbi.nlm.nih.gov/compound/%s"),
            Map.entry("drugbank", "https://go.drugbank.com/drugs/%s"));

    private CurieLinks() {
    }

    public static String url(String curie) {
        if (curie == null) {
            return null;
        }
        int colon = curie.indexOf(':');
        if (colon <= 0 || colon == curie.length() - 1) {
            return null;
        }
        String template = TEMPLATES.get(curie.substring(0, colon).toLowerCase(Locale.ROOT));
        return template == null ? null : String.format(template, curie.substring(colon + 1));
    }
}
