package io.sincro.db.agents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Change;
import io.sincro.db.UtcTimestamps;

/** The agent table. */
public final class Agents {

    private static final String SELECT_ONE = """
            SELECT code, name, email FROM agent WHERE code = ?
            """;
    private static final String SELECT_ALL = """
            SELECT code, name, email FROM agent ORDER BY code
            """;
    private static final String INSERT = """
            INSERT INTO agent (code, name, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE agent SET name = ?, email = ?, updated_at = ? WHERE code = ?
            """;
    private static final String MARK_PREPARED = """
            UPDATE agent SET prepared_at = ?, needs_snapshot = TRUE WHERE code = ?
            """;
    private static final String NEEDS_SNAPSHOT = """
            SELECT needs_snapshot FROM agent WHERE code = ?
            """;
    private static final String NEEDING_SNAPSHOT = "SELECT code FROM agent WHERE needs_snapshot = TRUE";
    private static final String SNAPSHOT_SENT = """
            UPDATE agent SET needs_snapshot = FALSE WHERE code = ?
            """;

    public Optional<Agent> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<Agent> all(Connection c) throws SQLException {
        List<Agent> agents = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                agents.add(read(rows));
            }
        }
        return agents;
    }

    /** Inserts the agent, or updates it where it differs. */
    public Change save(Connection c, Agent agent, Instant now) throws SQLException {
        Optional<Agent> existing = find(c, agent.code());
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, agent.code());
                s.setString(2, agent.name());
                s.setString(3, agent.email());
                UtcTimestamps.set(s, 4, now);
                UtcTimestamps.set(s, 5, now);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        if (existing.get().equals(agent)) {
            return Change.UNCHANGED;
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, agent.name());
            s.setString(2, agent.email());
            UtcTimestamps.set(s, 3, now);
            s.setString(4, agent.code());
            s.executeUpdate();
        }
        return Change.UPDATED;
    }

    /** Whether the agent's station was prepared (again) since the last full package to it. */
    public boolean needsSnapshot(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(NEEDS_SNAPSHOT)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    /** The agents whose stations were prepared (again) since the last full package to them: {@link #needsSnapshot} of all. */
    public Set<String> needingSnapshot(Connection c) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(NEEDING_SNAPSHOT); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
    }

    /** Records that a full package to the agent was written. */
    public void snapshotWritten(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SNAPSHOT_SENT)) {
            s.setString(1, code);
            s.executeUpdate();
        }
    }

    /** Records that the agent's station was prepared (again): it starts empty, and needs a full package. */
    public void markPrepared(Connection c, String code, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(MARK_PREPARED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, code);
            s.executeUpdate();
        }
    }

    private static Agent read(ResultSet rows) throws SQLException {
        return new Agent(rows.getString("code"), rows.getString("name"), rows.getString("email"));
    }

}
