package io.litgraph.query.messaging;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Tells infrastructure failures (the database is down, restarting, unreachable, or asked us to retry)
 * apart from failures caused by the event itself. Only the latter may dead-letter an event: an outage
 * must pause consumption, never lose data.
 */
public final class Failures {

    private Failures() {
    }

    /** True when storing the same event again later can succeed without anybody changing it. */
    public static boolean isTransient(Throwable error) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        todo.add(error);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (isTransientItself(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
            Collections.addAll(todo, t.getSuppressed());
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof SocketException || t instanceof SocketTimeoutException
                || t instanceof TimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && isTransientState(state)) {
                return true;
            }
            // Agroal's pool reports an exhausted or unreachable pool without an SQLState
            String message = String.valueOf(sql.getMessage()).toLowerCase();
            return state == null && (message.contains("acquisition timeout") || message.contains("connection is closed")
                    || message.contains("this connection has been closed"));
        }
        return false;
    }

    /**
     * 08 connection exceptions; 28 authorization (a role locked out or a password being rotated: a
     * deployment problem, not the event's); 53 insufficient resources (disk full, too many
     * connections); 57P01-57P03 administrator shutdown, crash shutdown, cannot connect now (starting
     * up); 40001 / 40P01 serialization failure and deadlock, which PostgreSQL expects clients to retry.
     */
    static boolean isTransientState(String state) {
        return state.startsWith("08") || state.startsWith("28") || state.startsWith("53")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("40001") || state.equals("40P01");
    }
}
