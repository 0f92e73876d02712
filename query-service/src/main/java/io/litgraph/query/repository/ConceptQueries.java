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
        return search(needle, words(needle), type, limit);
    }

    /**
     * @param words the words of {@code q}, or null for name-prefix matches only. A name matches on
     *              words when, for every word of {@code q}, one of its words starts with it; the
     *              longest word of {@code q} drives the index scan (it is the most selective).
     */
    private List<ConceptMatch> search(String needle, List<String> words, String type, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        sql.append("""
                WITH hits AS (
                    SELECT n.concept_id, n.name, n.preferred,
                           CASE WHEN n.name_lower = ? THEN 0 ELSE 1 END AS quality
                    FROM concept_name n
                    WHERE n.name_lower LIKE ? ESCAPE '\\'
                """);
        params.add(needle);
        params.add(likePrefix(needle));
        if (words != null && !words.isEmpty()) {
            List<String> byLength = new ArrayList<>(words);
            byLength.sort(java.util.Comparator.comparingInt(String::length).reversed());
            sql.append("""
                    UNION ALL
                    SELECT n.concept_id, n.name, n.preferred, 2
                    FROM concept_word w
                    JOIN concept_name n ON n.concept_id = w.concept_id AND n.name_lower = w.name_lower
                    WHERE w.word LIKE ? ESCAPE '\\'
                    """);
            params.add(likePrefix(byLength.get(0)));
            for (String other : byLength.subList(1, byLength.size())) {
                sql.append(" AND EXISTS (SELECT 1 FROM concept_word o WHERE o.concept_id = w.concept_id")
                        .append(" AND o.name_lower = w.name_lower AND o.word LIKE ? ESCAPE '\\')");
                params.add(likePrefix(other));
            }
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

    /** "tumor necr" → [tumor, necr]: the words of the query, split as the names are split in concept_word. */
    static List<String> words(String needle) {
        List<String> parts = new ArrayList<>();
        for (String word : NON_WORD.split(needle)) {
            if (!word.isEmpty()) {
                parts.add(word);
            }
        }
        return parts;
    }
}
