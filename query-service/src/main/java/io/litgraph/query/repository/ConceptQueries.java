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
        List<ConceptMatch> prefix;
        if (fanOut("SELECT 1 FROM concept_name WHERE name_lower LIKE ? ESCAPE '\\'", needle) > FAN_OUT) {
            prefix = new ArrayList<>(exact(needle, type, limit));
            prefix.addAll(walk("left(n.name_lower, length(?)) = ?", List.of(needle, needle), type,
                    ids(prefix), limit - prefix.size(), WALK_LIMIT));
        } else {
            prefix = search(needle, null, type, limit);
        }
        List<String> words = words(needle);
        if (prefix.size() >= limit || words.isEmpty()) {
            return prefix;
        }
        // the word with the fewest candidate names drives the index scan
        String driving = null;
        int least = Integer.MAX_VALUE;
        for (String word : words) {
            int n = fanOut("SELECT 1 FROM concept_word WHERE word LIKE ? ESCAPE '\\'", word);
            if (n < least) {
                least = n;
                driving = word;
            }
        }
        if (least <= FAN_OUT) {
            List<String> ordered = new ArrayList<>(words);
            ordered.remove(driving);
            ordered.add(0, driving);
            return search(needle, ordered, type, limit);
        }
        // very common word prefixes: prefix matches first, then word matches by walking concepts from the
        // most documented down
        // left(word, n) = ?, deliberately not indexable: a LIKE or starts_with prefix tempts the planner
        // into scanning the word's whole range of the primary key for every concept, instead of probing
        // the concept's few words
        StringBuilder condition = new StringBuilder();
        List<Object> wordParams = new ArrayList<>();
        for (String word : words) {
            condition.append(condition.isEmpty() ? "" : " AND ")
                    .append("EXISTS (SELECT 1 FROM concept_word w WHERE w.concept_id = n.concept_id")
                    .append(" AND w.name_lower = n.name_lower AND left(w.word, length(?)) = ?)");
            wordParams.add(word);
            wordParams.add(word);
        }
        List<ConceptMatch> out = new ArrayList<>(prefix);
        out.addAll(walk(condition.toString(), wordParams, type, ids(prefix), limit - prefix.size(),
                words.size() == 1 ? WALK_LIMIT : MULTI_WORD_WALK_LIMIT));
        return out;
    }

    /**
     * The listing an empty {@code q} gives, continued after the concept ({@code afterDocuments},
     * {@code afterId}) in its order: most documents first, ties by id. A keyset, so deep pages cost what
     * the first does.
     */
    public List<ConceptMatch> mostDocumented(String type, int afterDocuments, String afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.type, c.name, c.name AS matched, c.document_count, ")
                .append("c.mention_count FROM concept c WHERE c.document_count > 0 ")
                .append("AND (c.document_count < ? OR (c.document_count = ? AND c.id > ?)) ");
        params.add(afterDocuments);
        params.add(afterDocuments);
        params.add(afterId);
        if (type != null) {
            sql.append("AND c.type = ? ");
            params.add(type);
        }
        sql.append("ORDER BY c.document_count DESC, c.id LIMIT ?");
        params.add(limit);
        return jdbc.list(sql.toString(), ConceptQueries::match, params.toArray());
    }

    /**
     * Above this many candidate names, ranking all of them costs more than walking concepts from the
     * most documented down until the page is full.
     */
    static final int FAN_OUT = 2000;

    /** Concepts a walk looks at, at most. */
    static final int WALK_LIMIT = 1000;

    /**
     * The same when several common words must all match: such combinations are rare (they are what
     * makes the walk long), and a common combination ("cell p") is found among the top concepts.
     */
    static final int MULTI_WORD_WALK_LIMIT = 300;

    private int fanOut(String candidates, String prefix) {
        return jdbc.one("SELECT count(*) FROM (" + candidates + " LIMIT " + (FAN_OUT + 1) + ") x",
                rs -> rs.getInt(1), likePrefix(prefix)).orElse(0);
    }

    private List<ConceptMatch> exact(String needle, String type, int limit) {
        List<Object> params = new ArrayList<>(List.of(needle));
        String sql = """
                SELECT DISTINCT ON (c.document_count, c.id) c.id, c.type, c.name, n.name AS matched,
                       c.document_count, c.mention_count
                FROM concept_name n JOIN concept c ON c.id = n.concept_id
                WHERE n.name_lower = ? AND c.document_count > 0
                """ + (type == null ? "" : " AND c.type = ?") + """
                 ORDER BY c.document_count DESC, c.id, n.preferred DESC LIMIT ?
                """;
        if (type != null) {
            params.add(type);
        }
        params.add(limit);
        return jdbc.list(sql, ConceptQueries::match, params.toArray());
    }

    /**
     * Concepts with a name satisfying {@code nameCondition} (over alias n), most documented first (ties
     * by id), skipping {@code exclude}, among the {@link #WALK_LIMIT} most documented concepts. Reads
     * concepts in index order and stops at {@code limit} matches, so its cost depends on how common the
     * condition is, not on how many names match; the bound keeps a rare combination of common words
     * ("u 0") from reading the whole table.
     */
    private List<ConceptMatch> walk(String nameCondition, List<Object> conditionParams, String type,
                                    String[] exclude, int limit, int walkLimit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(conditionParams);
        StringBuilder sql = new StringBuilder("""
                SELECT c.id, c.type, c.name, m.name AS matched, c.document_count, c.mention_count
                FROM (SELECT * FROM concept c WHERE c.document_count > 0 AND c.id <> ALL (?) TYPE_FILTER
                      ORDER BY c.document_count DESC, c.id LIMIT WALK_LIMIT) c
                CROSS JOIN LATERAL (SELECT n.name FROM concept_name n WHERE n.concept_id = c.id AND
                """).append(nameCondition).append("""
                     ORDER BY n.preferred DESC, length(n.name) LIMIT 1) m
                ORDER BY c.document_count DESC, c.id LIMIT ?
                """);
        List<Object> head = new ArrayList<>();
        head.add(exclude);
        if (type != null) {
            head.add(type);
        }
        params.addAll(0, head);
        params.add(limit);
        String text = sql.toString().replace("TYPE_FILTER", type == null ? "" : "AND c.type = ?")
                .replace("WALK_LIMIT", String.valueOf(walkLimit));
        return jdbc.list(text, ConceptQueries::match, params.toArray());
    }

    private static String[] ids(List<ConceptMatch> matches) {
        return matches.stream().map(ConceptMatch::id).toArray(String[]::new);
    }


    /**
     * @param words the words of {@code q}, or null for name-prefix matches only. A name matches on
     *              words when, for every word of {@code q}, one of its words starts with it; the first
     *              word drives the index scan (the caller puts the most selective one first).
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
            List<String> ordered = words;
            sql.append("""
                    UNION ALL
                    SELECT n.concept_id, n.name, n.preferred, 2
                    FROM concept_word w
                    JOIN concept_name n ON n.concept_id = w.concept_id AND n.name_lower = w.name_lower
                    WHERE w.word LIKE ? ESCAPE '\\'
                    """);
            params.add(likePrefix(ordered.get(0)));
            for (String other : ordered.subList(1, ordered.size())) {
                sql.append(" AND EXISTS (SELECT 1 FROM concept_word o WHERE o.concept_id = w.concept_id")
                        .append(" AND o.name_lower = w.name_lower AND left(o.word, length(?)) = ?)");
                params.add(other);
                params.add(other);
            }
        }
        sql.append("""
                ), best AS (
                    SELECT DISTINCT ON (concept_id) concept_id, name, quality FROM hits
                    ORDER BY concept_id, quality, preferred DESC, length(name)
                )
                SELECT c.id, c.type, c.name, b.name AS matched, c.document_count, c.mention_count
                FROM best b
                -- one primary-key probe per candidate (there are at most FAN_OUT); OFFSET 0 keeps the
                -- planner from turning this into a hash join over the whole concept table
                CROSS JOIN LATERAL (SELECT * FROM concept c WHERE c.id = b.concept_id AND c.document_count > 0
                """);
        if (type != null) {
            sql.append(" AND c.type = ?");
            params.add(type);
        }
        sql.append(" OFFSET 0) c ORDER BY b.quality, c.document_count DESC, length(b.name), c.id LIMIT ?");
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
