package io.litgraph.nlp.eval;

import io.litgraph.nlp.EntityType;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps gold-corpus identifiers to CURIEs. Gold files write raw ids: MeSH "D003924" / "C012345" (also
 * "MESH:D003924"), OMIM "OMIM:123456", genes "3569" or "5595(Tax:9606)", species "9606", Cellosaurus
 * "CVCL_0030", variants "p|SUB|R|215|W" or "rs121913529". Composite fields ("D1|D2", "D1+D2", "D1,D2",
 * "3569;7124") give several ids; "-" gives none.
 */
public final class GoldIds {

    private static final Pattern TAX_SUFFIX = Pattern.compile("\\(Tax:\\d+\\)");
    private static final Pattern MESH = Pattern.compile("(?:MESH:|MeSH:)?([CD]\\d{6,9})");

    private GoldIds() {
    }

    public static Set<String> curies(String field, EntityType type) {
        Set<String> out = new LinkedHashSet<>();
        if (field == null) {
            return out;
        }
        // tmVar-style variant ids contain '|' themselves ("p|SUB|R|215|W"); only ';' separates them
        String separators = type == EntityType.SequenceVariant ? "[;]" : "[|+,;]";
        for (String raw : field.split(separators)) {
            String id = TAX_SUFFIX.matcher(raw.strip()).replaceAll("").strip();
            if (id.isEmpty() || id.equals("-")) {
                continue;
            }
            String c = curie(id, type);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    public static String curie(String id, EntityType type) {
        Matcher m = MESH.matcher(id);
        if (m.matches()) {
            return "MESH:" + m.group(1);
        }
        if (id.contains(":") && !id.startsWith("Tax:")) {
            return id.startsWith("NCBITaxon:") || id.startsWith("NCBIGene:") ? id : id.toUpperCase().startsWith("OMIM:") ? "OMIM:" + id.substring(5) : id;
        }
        if (id.chars().allMatch(Character::isDigit)) {
            if (type == EntityType.OrganismTaxon) {
                return "NCBITaxon:" + id;
            }
            if (type == EntityType.GeneOrGeneProduct || type == null) {
                return "NCBIGene:" + id;
            }
        }
        if (id.startsWith("CVCL_")) {
            return "CVCL:" + id.substring(5);
        }
        return id;
    }
}
