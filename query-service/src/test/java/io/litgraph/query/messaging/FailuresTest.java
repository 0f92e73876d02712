package io.litgraph.query.messaging;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    @Test
    void databaseUnavailabilityIsTransient() {
        assertTrue(Failures.isTransient(new SQLException("Connection refused", "08001")));
        assertTrue(Failures.isTransient(new SQLException("I/O error", "08006")));
        assertTrue(Failures.isTransient(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(Failures.isTransient(new SQLException("the database system is starting up", "57P03")));
        assertTrue(Failures.isTransient(new SQLException("role is not permitted to log in", "28000")));
        assertTrue(Failures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(Failures.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(Failures.isTransient(new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(Failures.isTransient(new SQLTransientConnectionException("pool exhausted")));
        // wrapped the way the transaction manager and the pool wrap them
        assertTrue(Failures.isTransient(new RuntimeException("commit failed",
                new SQLException("wrapper", null, new ConnectException("Connection refused")))));
        // what pgjdbc throws when the server goes away in the middle of a batch
        assertTrue(Failures.isTransient(new AssertionError("getAutoCommit() should not throw",
                new SQLException("This connection has been closed.", "08003"))));
        SQLException batch = new SQLException("Batch entry 0 was aborted", "08006");
        assertTrue(Failures.isTransient(new IllegalStateException(new SQLException("batch", "XX000") {{
            setNextException(batch);
        }})));
    }

    @Test
    void problemsOfTheEventItselfAreNot() {
        assertFalse(Failures.isTransient(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(Failures.isTransient(new SQLException("invalid byte sequence for encoding", "22021")));
        assertFalse(Failures.isTransient(new SQLException("value too long", "22001")));
        assertFalse(Failures.isTransient(new IllegalArgumentException("not serializable as JSON",
                new com.fasterxml.jackson.core.JsonParseException(null, "bad"))));
        assertFalse(Failures.isTransient(new NullPointerException()));
    }
}
