package io.litgraph.ingest.repository;

import io.litgraph.ingest.domain.Stage;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The status listener's SQL: a whole batch of status events costs two statements, one that locks the
 * document versions the batch names and one that writes every stage that moved. Plain JDBC on the
 * datasource, so both run in the caller's transaction.
 */
@ApplicationScoped
public class StatusStore {
    /** A document version named by a status event. */
    public record VersionKey(String id, int version) {
    }

    /** A locked document row: its current version and stage. */
    public record Current(int version, Stage stage) {
    }

    /** The stage a document version ends the batch in, with the detail and time of the move that put it there. */
    public record StageChange(String id, int version, Stage stage, String detail, Instant at) {
    }

    private final DataSource dataSource;

    public StatusStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Locks the stored rows among {@code keys} whose current version is the one named, in id order (so two
     * batches cannot deadlock each other), and returns them by id. Rows of other versions are
     * neither returned nor locked: a status for an older or unknown version never touches the current one.
     */
    public Map<String, Current> lockCurrent(Collection<VersionKey> keys) {
        Map<String, Current> stages = new HashMap<>();
        if (keys.isEmpty()) {
            return stages;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT d.id, d.version, d.stage FROM documents d "
                     + "JOIN (SELECT DISTINCT id, version FROM unnest(?::text[], ?::int[]) AS k(id, version)) k "
                     + "ON d.id = k.id AND d.version = k.version ORDER BY d.id FOR UPDATE OF d")) {
            st.setArray(1, c.createArrayOf("text", keys.stream().map(VersionKey::id).toArray()));
            st.setArray(2, c.createArrayOf("integer", keys.stream().map(VersionKey::version).toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stages.put(rs.getString(1), new Current(rs.getInt(2), Stage.valueOf(rs.getString(3))));
                }
            }
            return stages;
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }

    /** Writes the changes in one statement; the version condition keeps it exact even without the lock. */
    public void apply(Collection<StageChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("UPDATE documents d SET stage = u.stage, detail = u.detail, "
                     + "stage_updated_at = u.at FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[]::timestamptz[]) "
                     + "AS u(id, version, stage, detail, at) WHERE d.id = u.id AND d.version = u.version")) {
            st.setArray(1, c.createArrayOf("text", changes.stream().map(StageChange::id).toArray()));
            st.setArray(2, c.createArrayOf("integer", changes.stream().map(StageChange::version).toArray()));
            st.setArray(3, c.createArrayOf("text", changes.stream().map(s -> s.stage().name()).toArray()));
            st.setArray(4, c.createArrayOf("text", changes.stream().map(StageChange::detail).toArray()));
            // ISO-8601 with its offset: exact whatever the session time zone
            st.setArray(5, c.createArrayOf("text", changes.stream().map(s -> s.at().toString()).toArray()));
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("database error: " + e.getMessage(), e);
        }
    }
}
