package io.litgraph.ingest.repository;

import io.litgraph.ingest.domain.Stage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Set-based SQL for storing submissions: a whole chunk of documents costs a fixed number of round trips
 * (lock, two look-ups, one batched upsert, one batched outbox insert) instead of several per document.
 * Plain JDBC on the datasource, so it joins the caller's JTA transaction.
 */
@ApplicationScoped
public class DocumentStore {
    /** What a submission needs to know about a stored document. */
    public record Stored(String id, int version, String contentHash, Stage stage) {
    }

    /** The row to write for a document's newest version ({@code payloadJson} is the DocumentPayload JSON). */
    public record DocumentRow(String id, int version, String contentHash, String format, String title,
                              String payloadJson, Instant at) {
    }

    /** One outbox row; the table's identity column orders rows in insertion order. */
    public record OutboxRow(String topic, String key, String eventType, int schemaVersion, byte[] payload,
                            String documentId, Integer documentVersion) {
    }

    private final DataSource dataSource;

    public DocumentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Takes the transaction-scoped advisory lock of every id, in lock-key order so that two chunks with
     * overlapping ids cannot deadlock. Serializes submissions of one id across transactions and instances.
     */
    public void lockIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        sql(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT count(pg_advisory_xact_lock(k)) FROM "
                    + "(SELECT DISTINCT hashtext(id) AS k FROM unnest(?::text[]) AS id ORDER BY k) AS keys")) {
                st.setArray(1, c.createArrayOf("text", ids.toArray()));
                st.executeQuery().close();
            }
            return null;
        });
    }

    /** The stored documents among {@code ids}, by id. */
    public Map<String, Stored> findByIds(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        return sql(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT id, version, content_hash, stage FROM documents WHERE id = ANY(?)")) {
                st.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), stored(rs));
                    }
                }
            }
            return found;
        });
    }

    /** Stored documents by content hash, oldest first per hash (the first one is what a duplicate refers to). */
    public Map<String, List<Stored>> findByContentHashes(Collection<String> hashes) {
        Map<String, List<Stored>> found = new LinkedHashMap<>();
        if (hashes.isEmpty()) {
            return found;
        }
        return sql(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT id, version, content_hash, stage FROM documents "
                    + "WHERE content_hash = ANY(?) ORDER BY created_at, id")) {
                st.setArray(1, c.createArrayOf("text", hashes.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Stored s = stored(rs);
                        found.computeIfAbsent(s.contentHash(), h -> new ArrayList<>()).add(s);
                    }
                }
            }
            return found;
        });
    }

    /** Inserts new documents and replaces the stored version of known ones, as ACCEPTED; one batch. */
    public void upsert(Collection<DocumentRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO documents (id, version, content_hash, format, "
                    + "title, payload, stage, detail, created_at, updated_at, stage_updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?::jsonb, 'ACCEPTED', NULL, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                    + "version = EXCLUDED.version, content_hash = EXCLUDED.content_hash, format = EXCLUDED.format, "
                    + "title = EXCLUDED.title, payload = EXCLUDED.payload, stage = 'ACCEPTED', detail = NULL, "
                    + "updated_at = EXCLUDED.updated_at, stage_updated_at = EXCLUDED.stage_updated_at")) {
                for (DocumentRow row : rows) {
                    Timestamp at = Timestamp.from(row.at());
                    st.setString(1, row.id());
                    st.setInt(2, row.version());
                    st.setString(3, row.contentHash());
                    st.setString(4, row.format());
                    st.setString(5, row.title());
                    st.setString(6, row.payloadJson());
                    st.setTimestamp(7, at);
                    st.setTimestamp(8, at);
                    st.setTimestamp(9, at);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    /** Appends outbox rows in list order (one batch). */
    public void enqueue(List<OutboxRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        sql(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO outbox (topic, record_key, event_type, "
                    + "schema_version, payload, document_id, document_version) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (OutboxRow row : rows) {
                    st.setString(1, row.topic());
                    st.setString(2, row.key());
                    st.setString(3, row.eventType());
                    st.setInt(4, row.schemaVersion());
                    st.setBytes(5, row.payload());
                    st.setString(6, row.documentId());
                    st.setObject(7, row.documentVersion(), java.sql.Types.INTEGER);
                    st.addBatch();
                }
                st.executeBatch();
            }
            return null;
        });
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), Stage.valueOf(rs.getString(4)));
    }

    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on the transaction's connection; closing it hands it back to the transaction. */
    <T> T sql(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}
