package io.litgraph.ingest.repository;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's SQL: lock a batch of unpublished rows, then settle the whole batch in a few set-based
 * statements. Plain JDBC on the datasource, so it runs in the caller's transaction.
 */
@ApplicationScoped
public class OutboxStore {
    /** An outbox row waiting to be published. */
    public record Pending(long id, String topic, String key, String eventType, int schemaVersion, byte[] payload,
                          String documentId, Integer documentVersion) {
    }

    /** A row the broker did not acknowledge, with the reason. */
    public record Failure(long id, String error) {
    }

    private final DataSource dataSource;

    public OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The oldest unpublished rows that no other relay instance holds, in id order. SKIP LOCKED lets several
     * instances drain the outbox side by side without publishing a row twice.
     */
    public List<Pending> lockNext(int size) {
        List<Pending> batch = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT id, topic, record_key, event_type, schema_version, payload, "
                     + "document_id, document_version FROM outbox WHERE processed_at IS NULL ORDER BY id LIMIT ? "
                     + "FOR UPDATE SKIP LOCKED")) {
            st.setInt(1, size);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    batch.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getBytes(6), rs.getString(7), (Integer) rs.getObject(8)));
                }
            }
            return batch;
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** Marks acknowledged rows processed and moves their documents from ACCEPTED to PUBLISHED (same version only). */
    public void markPublished(List<Pending> rows, Instant at) {
        if (rows.isEmpty()) {
            return;
        }
        List<Pending> documentRows = rows.stream().filter(r -> r.documentId() != null && r.documentVersion() != null).toList();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("UPDATE outbox SET processed_at = ? WHERE id = ANY(?)")) {
                st.setTimestamp(1, Timestamp.from(at));
                st.setArray(2, c.createArrayOf("bigint", rows.stream().map(Pending::id).toArray()));
                st.executeUpdate();
            }
            if (!documentRows.isEmpty()) {
                try (PreparedStatement st = c.prepareStatement("UPDATE documents d SET stage = 'PUBLISHED', detail = NULL, "
                        + "stage_updated_at = ? FROM unnest(?::text[], ?::int[]) AS p(id, version) "
                        + "WHERE d.id = p.id AND d.version = p.version AND d.stage = 'ACCEPTED'")) {
                    st.setTimestamp(1, Timestamp.from(at));
                    st.setArray(2, c.createArrayOf("text", documentRows.stream().map(Pending::documentId).toArray()));
                    st.setArray(3, c.createArrayOf("integer", documentRows.stream().map(Pending::documentVersion).toArray()));
                    st.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** Records a failed attempt; the rows stay unpublished and are retried. */
    public void recordFailures(List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
            for (Failure f : failures) {
                st.setString(1, f.error());
                st.setLong(2, f.id());
                st.addBatch();
            }
            st.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Takes a row the broker will never accept out of the outbox and fails its document version (unless it
     * already failed or was fully processed), with {@code detail} as the reason.
     */
    public void reject(Pending row, String error, String detail, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement st = c.prepareStatement("UPDATE outbox SET processed_at = ?, last_error = ? WHERE id = ?")) {
                st.setTimestamp(1, Timestamp.from(at));
                st.setString(2, error);
                st.setLong(3, row.id());
                st.executeUpdate();
            }
            if (row.documentId() != null && row.documentVersion() != null) {
                try (PreparedStatement st = c.prepareStatement("UPDATE documents SET stage = 'FAILED', detail = ?, "
                        + "stage_updated_at = ? WHERE id = ? AND version = ? AND stage NOT IN ('FAILED', 'INDEXED')")) {
                    st.setString(1, detail);
                    st.setTimestamp(2, Timestamp.from(at));
                    st.setString(3, row.documentId());
                    st.setInt(4, row.documentVersion());
                    st.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}
