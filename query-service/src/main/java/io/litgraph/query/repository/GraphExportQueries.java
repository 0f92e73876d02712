package io.litgraph.query.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the whole graph for export: every node, then every edge, in one read-only REPEATABLE READ
 * transaction (one snapshot, so edges never name a node the node list missed), through server-side
 * cursors of {@link #FETCH} rows, so memory does not grow with the store.
 */
@ApplicationScoped
public class GraphExportQueries {
    static final int FETCH = 2000;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** @param minDocuments least affirmed supporting documents of an edge (and mentioning documents of a node) */
    public record Filter(int minDocuments, List<String> types, LocalDate since) {
    }

    public record Node(String id, String type, String name, List<String> xrefs) {
    }

    /** One relation_summary row; {@code documents} are its affirmed supporting documents, sorted. */
    public record Edge(String subjectId, String subjectType, String subjectName, String objectId, String objectType,
                       String objectName, String type, boolean directed, int documentCount, int evidenceCount,
                       double belief, List<String> documents) {
    }

    public interface Sink {
        void nodes() throws IOException;

        void node(Node node) throws IOException;

        void edges() throws IOException;

        void edge(Edge edge) throws IOException;
    }

    private final DataSource dataSource;
    private final ObjectMapper json;

    public GraphExportQueries(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Streams nodes then edges to {@code sink}; {@code wantNodes}/{@code wantEdges} skip a part. */
    public void export(Filter filter, boolean wantNodes, boolean wantEdges, Sink sink) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                if (wantNodes) {
                    sink.nodes();
                    stream(c, nodeSql(filter), nodeParams(filter), rs -> sink.node(new Node(rs.getString("id"),
                            rs.getString("type"), rs.getString("name"), strings(rs.getString("xrefs")))));
                }
                if (wantEdges) {
                    sink.edges();
                    stream(c, edgeSql(filter, false), edgeParams(filter), rs -> sink.edge(edge(rs)));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
        } catch (SQLException e) {
            throw new Jdbc.DataAccessException(e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void row(ResultSet rs) throws SQLException, IOException;
    }

    private static void stream(Connection c, String sql, List<Object> params, RowHandler handler)
            throws SQLException, IOException {
        try (PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH);
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else if (p instanceof LocalDate date) {
                    ps.setObject(i + 1, date, java.sql.Types.DATE);
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }

    /**
     * Affirmed relations with at least minDocuments documents, both ends of the types asked for, and (with
     * since) at least one supporting document published on or after it, in primary-key order.
     */
    public static String edgeSql(Filter f, boolean idsOnly) {
        String select = idsOnly ? "SELECT s.subject_id, s.object_id" : """
                SELECT s.subject_id, a.type AS subject_type, a.name AS subject_name, s.object_id,
                       b.type AS object_type, b.name AS object_name, s.type, s.directed, s.document_count,
                       s.evidence_count, s.belief, d.documents""";
        StringBuilder sql = new StringBuilder(select).append("""

                FROM relation_summary s
                JOIN concept a ON a.id = s.subject_id
                JOIN concept b ON b.id = s.object_id""");
        if (!idsOnly) {
            // every edge's documents from one grouped pass over relation (sorted, spilling to disk as needed),
            // rather than one index probe per edge: a third faster on a 400k-edge store (docs/BENCHMARKS.md)
            sql.append("""

                    LEFT JOIN (SELECT subject_id, object_id, type, array_agg(document_id ORDER BY document_id) AS documents
                               FROM (SELECT DISTINCT subject_id, object_id, type, document_id FROM relation
                                     WHERE NOT negated) x
                               GROUP BY subject_id, object_id, type) d
                      ON d.subject_id = s.subject_id AND d.object_id = s.object_id AND d.type = s.type""");
        }
        sql.append("\nWHERE s.document_count >= ?");
        if (!f.types().isEmpty()) {
            sql.append(" AND a.type = ANY (?) AND b.type = ANY (?)");
        }
        if (f.since() != null) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM relation r JOIN document d ON d.id = r.document_id
                                WHERE r.subject_id = s.subject_id AND r.object_id = s.object_id AND r.type = s.type
                                  AND NOT r.negated AND d.published_on >= ?)""");
        }
        if (!idsOnly) {
            sql.append(" ORDER BY s.subject_id, s.object_id, s.type");
        }
        return sql.toString();
    }

    public static List<Object> edgeParams(Filter f) {
        List<Object> params = new ArrayList<>();
        params.add(Math.max(1, f.minDocuments()));
        if (!f.types().isEmpty()) {
            String[] types = f.types().toArray(String[]::new);
            params.add(types);
            params.add(types);
        }
        if (f.since() != null) {
            params.add(f.since());
        }
        return params;
    }

    /**
     * Concepts mentioned in at least minDocuments documents (one published since, with since) of the types
     * asked for, and every end of an exported edge, so that the edge file names no node the node file lacks.
     */
    static String nodeSql(Filter f) {
        StringBuilder sql = new StringBuilder("WITH edge AS (").append(edgeSql(f, true)).append(")\n")
                .append("SELECT c.id, c.type, c.name, c.xrefs::text AS xrefs FROM concept c WHERE (c.document_count >= ?");
        if (!f.types().isEmpty()) {
            sql.append(" AND c.type = ANY (?)");
        }
        if (f.since() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM mention m JOIN document d ON d.id = m.document_id")
                    .append(" WHERE m.concept_id = c.id AND d.published_on >= ?)");
        }
        sql.append(") OR c.id IN (SELECT subject_id FROM edge UNION SELECT object_id FROM edge) ORDER BY c.id");
        return sql.toString();
    }

    private static List<Object> nodeParams(Filter f) {
        List<Object> params = new ArrayList<>(edgeParams(f));
        params.add(Math.max(1, f.minDocuments()));
        if (!f.types().isEmpty()) {
            params.add(f.types().toArray(String[]::new));
        }
        if (f.since() != null) {
            params.add(f.since());
        }
        return params;
    }

    private Edge edge(ResultSet rs) throws SQLException {
        Array documents = rs.getArray("documents");
        List<String> ids = documents == null ? List.of() : List.of((String[]) documents.getArray());
        return new Edge(rs.getString("subject_id"), rs.getString("subject_type"), rs.getString("subject_name"),
                rs.getString("object_id"), rs.getString("object_type"), rs.getString("object_name"),
                rs.getString("type"), rs.getBoolean("directed"), rs.getInt("document_count"),
                rs.getInt("evidence_count"), rs.getDouble("belief"), ids);
    }

    private List<String> strings(String jsonArray) {
        if (jsonArray == null) {
            return List.of();
        }
        try {
            return json.readValue(jsonArray, STRINGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
