package io.litgraph.query.repository;

import io.litgraph.query.model.ConceptMatch;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads concepts: autocomplete over preferred names and the surface forms seen in the corpus. */
@ApplicationScoped
public class ConceptQueries {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final Jdbc jdbc;

    public ConceptQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Concepts with at least one document whose name or a synonym matches {@code q}, best match first:
     * exact name, then name prefix, then a word of the name starting with each word of {@code q}; ties
     * go to the concept in more documents. An empty {@code q} lists the most frequent concepts.
     */
    public List<ConceptMatch> autocomplete(String q, String type, int limit) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        if (needle.isEmpty()) {
            sql.append("SELECT c.id, c.type, c.name, c.name AS matched, c.document_count, c.mention_count FROM concept c ")
                    .append("WHERE c.document_count > 0 ");
            if (type != null) {
                sql.append("AND c.type = ? ");
                params.add(type);
            }
            sql.append("ORDER BY c.document_count DESC, c.id LIMIT ?");
            params.add(limit);
            return jdbc.list(sql.toString(), ConceptQueries::match, params.toArray());
        }
        // Name-prefix matches outrank word matches, so when they fill the page the (costlier) word
        // search cannot change the answer and is skipped.
        List<ConceptMatch> prefixOnly = search(needle, null, type, limit);
        if (prefixOnly.size() >= limit) {
            return prefixOnly;
        }
        return search(needle, wordPrefixQuery(needle), type, limit);
    }

    private List<ConceptMatch> search(String needle, String words, String type, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        sql.append("""
                WITH hits AS (
                    SELECT n.concept_id, n.name, n.preferred,
                           CASE WHEN n.name_lower = ? THEN 0 WHEN n.name_lower LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END AS quality
                    FROM concept_name n
                    WHERE n.name_lower LIKE ? ESCAPE '\\'
                """);
        params.add(needle);
        params.add(likePrefix(needle));
        params.add(likePrefix(needle));
        if (words != null) {
            sql.append(" OR to_tsvector('simple'::regconfig, n.name) @@ to_tsquery('simple'::regconfig, ?)");
            params.add(words);
        }
        sql.append("""
                ), best AS (
                    SELECT DISTINCT ON (concept_id) concept_id, name, quality FROM hits
                    ORDER BY concept_id, quality, preferred DESC, length(name)
                )
                SELECT c.id, c.type, c.name, b.name AS matched, c.document_count, c.mention_count
                FROM best b JOIN concept c ON c.id = b.concept_id
                WHERE c.document_count > 0
                """);
        if (type != null) {
            sql.append(" AND c.type = ?");
            params.add(type);
        }
        sql.append(" ORDER BY b.quality, c.document_count DESC, length(b.name), c.id LIMIT ?");
        params.add(limit);
        return jdbc.list(sql.toString(), ConceptQueries::match, params.toArray());
    }

    public boolean exists(String id) {
        return jdbc.one("SELECT 1 FROM concept WHERE id = ?", rs -> true, id).isPresent();
    }

    private static ConceptMatch match(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ConceptMatch(rs.getString("id"), rs.getString("type"), rs.getString("name"),
                rs.getString("matched"), rs.getInt("document_count"), rs.getInt("mention_count"));
    }

    static String likePrefix(String needle) {
        return needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** "tumor necr" → "tumor:* & necr:*"; null when q has no word characters. */
    static String wordPrefixQuery(String needle) {
        List<String> parts = new ArrayList<>();
        for (String word : NON_WORD.split(needle)) {
            if (!word.isEmpty()) {
                parts.add(word + ":*");
            }
        }
        return parts.isEmpty() ? null : String.join(" & ", parts);
    }
}
