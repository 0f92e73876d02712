package io.litgraph.query.repository;

import io.litgraph.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The outbox table: events are added in the business transaction and removed once published. */
@ApplicationScoped
public class OutboxRepository {

    public record OutboxRecord(long id, String topic, String key, String eventType, int schemaVersion,
                               byte[] payload) {
    }

    /** An event to add: its topic, record key, type and schema version headers, and the event itself. */
    public record Row(String topic, String key, String eventType, int schemaVersion, Object event) {
    }

    private final DataSource dataSource;

    public OutboxRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds several events with one JDBC batch, in list order. */
    public void addAll(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO outbox (topic, record_key, event_type, schema_version, payload) VALUES (?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                ps.setString(1, row.topic());
                ps.setString(2, row.key());
                ps.setString(3, row.eventType());
                ps.setInt(4, row.schemaVersion());
                ps.setBytes(5, EventJson.write(row.event()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The oldest unpublished rows, locked for this transaction; SKIP LOCKED lets several instances
     * relay side by side without publishing a row twice.
     */
    public List<OutboxRecord> lockOldest(int limit) throws SQLException {
        List<OutboxRecord> records = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT id, topic, record_key, event_type, schema_version, payload FROM outbox
                     ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED
                     """)) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(new OutboxRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getBytes(6)));
                }
            }
        }
        return records;
    }

    public void delete(List<Long> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }

    public long pending() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM outbox");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
