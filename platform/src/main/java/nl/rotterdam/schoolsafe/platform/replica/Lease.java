package nl.rotterdam.schoolsafe.platform.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Makes one replica of a service the active one for a piece of work (the outbox relay): a PostgreSQL session-level
 * advisory lock held on a connection of its own. The holder does the work on that connection, so when its session
 * ends — the process killed, the connection cut — the lock is gone with it and another replica takes it on its next
 * try; a standby never works while the holder does. Not thread-safe: one worker thread owns a lease.
 */
public final class Lease implements AutoCloseable {
    private final DataSource dataSource;
    private final long key;
    private Connection held;

    public Lease(DataSource dataSource, String work) {
        this.dataSource = dataSource;
        this.key = work.hashCode();
    }

    /** The connection to work on while this replica holds the lease; empty when another one does. */
    public Optional<Connection> hold() throws SQLException {
        if (held != null) {
            if (held.isValid(1)) {
                return Optional.of(held);
            }
            drop();
        }
        Connection connection = dataSource.getConnection();
        try (PreparedStatement take = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            take.setLong(1, key);
            try (ResultSet taken = take.executeQuery()) {
                taken.next();
                if (taken.getBoolean(1)) {
                    held = connection;
                    return Optional.of(held);
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /**
     * After a failure: let the lease go; the next {@link #hold()} takes it again, or not. Closing a pooled connection
     * returns it to the pool with its session alive, so the lock is released first — else the session would keep it
     * and no relay could ever take it again.
     */
    public void drop() {
        if (held != null) {
            try (PreparedStatement release = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                release.setLong(1, key);
                release.execute();
            } catch (SQLException e) {
                // a broken session holds no lock
            }
            try {
                held.close();
            } catch (SQLException e) {
                // the session is gone either way, and its lock with it
            }
            held = null;
        }
    }

    /** Gives the lease up for another replica, and the connection back to the pool unlocked. */
    @Override
    public void close() {
        drop();
    }
}
