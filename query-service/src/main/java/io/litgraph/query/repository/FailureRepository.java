package io.litgraph.query.repository;

import io.litgraph.query.model.PipelineFailure;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Table {@code pipeline_failure} (migration V6): the failures the status page lists. */
@ApplicationScoped
public class FailureRepository {

    /** A row to insert; {@code eventId} makes the insert idempotent. */
    public record NewFailure(String eventId, String kind, String documentId, Integer documentVersion, String service,
                             String stage, String reason, String errorClass, String sourceTopic,
                             Integer sourcePartition, Long sourceOffset, Instant occurredAt) {
    }

    /** The keyset of the newest-first order. */
    public record Key(Instant occurredAt, long id) {
    }

    public record KeyedFailure(Key key, PipelineFailure failure) {
    }

    private final DataSource dataSource;
    private final Jdbc jdbc;

    public FailureRepository(DataSource dataSource, Jdbc jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    /** Inserts the failure unless its event is already stored; true when a row was added. */
    public boolean insert(NewFailure f) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO pipeline_failure (event_id, kind, document_id, document_version, service, stage, reason,
                    error_class, source_topic, source_partition, source_offset, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """)) {
            ps.setString(1, f.eventId());
            ps.setString(2, f.kind());
            ps.setString(3, f.documentId());
            setInt(ps, 4, f.documentVersion());
            ps.setString(5, f.service());
            ps.setString(6, f.stage());
            ps.setString(7, f.reason());
            ps.setString(8, f.errorClass());
            ps.setString(9, f.sourceTopic());
            setInt(ps, 10, f.sourcePartition());
            if (f.sourceOffset() == null) {
                ps.setNull(11, Types.BIGINT);
            } else {
                ps.setLong(11, f.sourceOffset());
            }
            ps.setObject(12, utc(f.occurredAt()));
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Whether this document was stored here after {@code instant}: a dead letter that arrives after the
     * document was indexed again (the two topics are not ordered against each other) is already resolved.
     */
    public boolean indexedAfter(String documentId, Instant instant) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM document WHERE id = ? AND indexed_at > ?")) {
            ps.setString(1, documentId);
            ps.setObject(2, utc(instant));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * An INDEXED status of {@code version} at {@code indexedAt} resolves the document's FAILED statuses of
     * that version or older, and its dead letters from before then. Returns the rows removed.
     */
    public int clear(String documentId, int version, Instant indexedAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM pipeline_failure WHERE document_id = ?
                  AND ((kind = 'status' AND document_version <= ?) OR (kind = 'dead-letter' AND occurred_at <= ?))
                """)) {
            ps.setString(1, documentId);
            ps.setInt(2, version);
            ps.setObject(3, utc(indexedAt));
            return ps.executeUpdate();
        }
    }

    /** Drops everything but the newest {@code keep} rows; returns how many went. */
    public int trim(int keep) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                DELETE FROM pipeline_failure WHERE id IN (
                  SELECT id FROM pipeline_failure ORDER BY occurred_at DESC, id DESC OFFSET ?)
                """)) {
            ps.setInt(1, keep);
            return ps.executeUpdate();
        }
    }

    /** Up to {@code limit} failures after {@code after} (null: from the newest), newest first. */
    public List<KeyedFailure> page(Key after, int limit) {
        String sql = """
                SELECT f.id, f.kind, f.document_id, f.document_version, f.service, f.stage, f.reason, f.error_class,
                       f.source_topic, f.source_partition, f.source_offset, f.occurred_at,
                       EXISTS (SELECT 1 FROM document d WHERE d.id = f.document_id) AS indexed
                FROM pipeline_failure f
                """ + (after == null ? "" : "WHERE (f.occurred_at, f.id) < (?, ?)\n")
                + "ORDER BY f.occurred_at DESC, f.id DESC LIMIT ?";
        Object[] params = after == null ? new Object[]{limit}
                : new Object[]{utc(after.occurredAt()), after.id(), limit};
        return jdbc.list(sql, rs -> {
            Instant occurred = DocumentQueries.instant(rs.getTimestamp("occurred_at"));
            return new KeyedFailure(new Key(occurred, rs.getLong("id")), new PipelineFailure(rs.getString("kind"),
                    rs.getString("document_id"), (Integer) rs.getObject("document_version"), rs.getBoolean("indexed"),
                    rs.getString("service"), rs.getString("stage"), rs.getString("reason"), rs.getString("error_class"),
                    rs.getString("source_topic"), (Integer) rs.getObject("source_partition"),
                    (Long) rs.getObject("source_offset"), occurred));
        }, params);
    }

    /** Rows stored now (at most the cap, so cheap to count). */
    public long count() {
        return jdbc.one("SELECT count(*) FROM pipeline_failure", rs -> rs.getLong(1)).orElse(0L);
    }

    private static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
