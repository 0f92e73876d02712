package io.litgraph.query.service;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes litgraph's identifiers as the CURIEs of the Biolink prefix map: concept ids with the prefix
 * spelled as the map spells it (Mesh:D1 → MESH:D1), bare dbSNP ids as DBSNP:rs…, and document ids as
 * PMID / PMC / doi CURIEs when they are PubMed, PMC or DOI identifiers. Ids with a prefix the map does
 * not know are left as they are (see docs/QUERY-API.md).
 */
public final class Curies {
    /** lower-case prefix → the Biolink prefix map's spelling; checked against the map by BiolinkVocabularyTest. */
    public static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("ncbigene", "NCBIGene"), Map.entry("mesh", "MESH"), Map.entry("chebi", "CHEBI"),
            Map.entry("ncbitaxon", "NCBITaxon"), Map.entry("hgnc", "HGNC"), Map.entry("omim", "OMIM"),
            Map.entry("go", "GO"), Map.entry("hp", "HP"), Map.entry("doid", "DOID"), Map.entry("mondo", "MONDO"),
            Map.entry("uberon", "UBERON"), Map.entry("cl", "CL"), Map.entry("uniprotkb", "UniProtKB"),
            Map.entry("uniprot", "UniProtKB"), Map.entry("ensembl", "ENSEMBL"), Map.entry("drugbank", "DRUGBANK"),
            Map.entry("pubchem.compound", "PUBCHEM.COMPOUND"), Map.entry("dbsnp", "DBSNP"),
            Map.entry("clinvar", "CLINVAR"), Map.entry("caid", "CAID"), Map.entry("pmid", "PMID"),
            Map.entry("pmc", "PMC"), Map.entry("doi", "doi"));

    private static final Pattern RS = Pattern.compile("rs\\d+", Pattern.CASE_INSENSITIVE);
    private static final Pattern PMID = Pattern.compile("(?:pmid[:_-]?|pubmed[:_-]?)?(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final Pattern PMC = Pattern.compile("(?:pmc[:_-]?)(?:pmc)?(\\d{1,9})", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("(?:doi:)?(10\\.\\d{4,9}/\\S+)", Pattern.CASE_INSENSITIVE);

    private Curies() {
    }

    public static String concept(String id) {
        if (id == null) {
            return null;
        }
        if (RS.matcher(id).matches()) {
            return "DBSNP:" + id.toLowerCase(Locale.ROOT);
        }
        int colon = id.indexOf(':');
        if (colon <= 0) {
            return id;
        }
        String prefix = PREFIXES.get(id.substring(0, colon).toLowerCase(Locale.ROOT));
        return prefix == null ? id : prefix + id.substring(colon);
    }

    /** The document as a publication CURIE, or null when its id is none of PubMed, PMC or DOI. */
    public static String publication(String documentId) {
        if (documentId == null) {
            return null;
        }
        String id = documentId.trim();
        Matcher m = PMID.matcher(id);
        if (m.matches()) {
            return "PMID:" + Long.parseLong(m.group(1));
        }
        m = PMC.matcher(id);
        if (m.matches()) {
            return "PMC:PMC" + m.group(1);
        }
        m = DOI.matcher(id);
        if (m.matches()) {
            return "doi:" + m.group(1);
        }
        return null;
    }
}
