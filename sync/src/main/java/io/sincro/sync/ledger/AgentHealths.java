package io.sincro.sync.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;
import io.sincro.format.StationNotes.ClockSeen;
import io.sincro.format.StationNotes.Problem;
import io.sincro.format.StationNotes.SyncHealth;
import io.sincro.format.StationNotes.Waiting;

/**
 * The agent_health table: how each agent's syncs stand and how its clock was seen (see
 * {@link AgentHealth}). Its texts arrive from the mailbox: they are kept only as {@link StationNotes}
 * checked them (bounded, no control character).
 */
public final class AgentHealths {

    private static final String COLUMNS = """
            SELECT agent_code, health_in, health_at, set_aside, last_error, last_error_at, waiting, clock_ahead_seconds,
            clock_seen_in, clock_seen_at, clock_told_seconds FROM agent_health
            """;
    private static final String FIND = COLUMNS + " WHERE agent_code = ?";
    private static final String ALL = COLUMNS + " ORDER BY agent_code";
    private static final String INSERT = "INSERT INTO agent_health (agent_code) VALUES (?)";
    private static final String HEALTH = """
            UPDATE agent_health SET health_in = ?, health_at = ?, set_aside = ?, last_error = ?, last_error_at = ?,
            waiting = ? WHERE agent_code = ?
            """;
    private static final String CLOCK = """
            UPDATE agent_health SET clock_ahead_seconds = ?, clock_seen_in = ?, clock_seen_at = ? WHERE agent_code = ?
            """;
    private static final String TOLD = "UPDATE agent_health SET clock_told_seconds = ? WHERE agent_code = ?";

    /** The agent's health as package {@code in}, written at {@code at}, said it (or, at an agent, sent it). */
    public void health(Connection c, String agent, PackageName in, Instant at, SyncHealth health) throws SQLException {
        onRow(c, agent, HEALTH, s -> {
            s.setString(1, in.fileName());
            UtcTimestamps.set(s, 2, at);
            s.setInt(3, health.setAside());
            s.setString(4, health.lastError().map(Problem::text).orElse(null));
            UtcTimestamps.set(s, 5, health.lastError().map(Problem::at).orElse(null));
            List<String> lines = health.waiting().stream().map(w -> w.stream().id() + " " + w.reason()).toList();
            s.setString(6, lines.isEmpty() ? null : String.join("\n", lines));
            s.setString(7, agent);
        });
    }

    /** The agent's clock as seen (at the head office) or as told (at the agent), at {@code at}. */
    public void clock(Connection c, String agent, ClockSeen seen, Instant at) throws SQLException {
        onRow(c, agent, CLOCK, s -> {
            s.setLong(1, seen.aheadSeconds());
            s.setString(2, seen.seenIn().fileName());
            UtcTimestamps.set(s, 3, at);
            s.setString(4, agent);
        });
    }

    /** At the head office: the figure of the agent's clock its last package to the agent told. */
    public void told(Connection c, String agent, long aheadSeconds) throws SQLException {
        onRow(c, agent, TOLD, s -> {
            s.setLong(1, aheadSeconds);
            s.setString(2, agent);
        });
    }

    public Optional<AgentHealth> find(Connection c, String agent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, agent);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Every agent's row, in agent code order. */
    public List<AgentHealth> all(Connection c) throws SQLException {
        List<AgentHealth> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(ALL); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                result.add(read(rows));
            }
        }
        return result;
    }

    /** Sets a statement's parameters. */
    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    /**
     * Runs {@code update} on the agent's row, {@code parameters} naming it, and makes the row first
     * when the update finds none (an agent heard of for the first time): an agent's row is there at
     * every sync after its first, so most writes are the one statement.
     */
    private static void onRow(Connection c, String agent, String update, Parameters parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(update)) {
            parameters.set(s);
            if (s.executeUpdate() > 0) {
                return;
            }
            try (PreparedStatement insert = c.prepareStatement(INSERT)) {
                insert.setString(1, agent);
                insert.executeUpdate();
            }
            s.executeUpdate();
        }
    }

    private static AgentHealth read(ResultSet rows) throws SQLException {
        String error = rows.getString("last_error");
        Optional<Problem> lastError = error == null ? Optional.empty()
                : Optional.of(new Problem(UtcTimestamps.get(rows, "last_error_at"), error));
        List<Waiting> waiting = new ArrayList<>();
        String waits = rows.getString("waiting");
        if (waits != null) {
            for (String line : waits.split("\n")) {
                int space = line.indexOf(' ');
                PackageStream.parse(line.substring(0, Math.max(space, 0)))
                        .ifPresent(stream -> waiting.add(new Waiting(stream, line.substring(space + 1))));
            }
        }
        long ahead = rows.getLong("clock_ahead_seconds");
        boolean seen = !rows.wasNull();
        Optional<ClockSeen> clock = Optional.empty();
        if (seen) {
            clock = PackageName.parse(rows.getString("clock_seen_in")).map(in -> new ClockSeen(ahead, in));
        }
        long told = rows.getLong("clock_told_seconds");
        OptionalLong clockTold = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(told);
        return new AgentHealth(rows.getString("agent_code"), Optional.ofNullable(rows.getString("health_in"))
                .flatMap(PackageName::parse), UtcTimestamps.get(rows, "health_at"),
                new SyncHealth(lastError, waiting, rows.getInt("set_aside")), clock,
                UtcTimestamps.get(rows, "clock_seen_at"), clockTold);
    }
}
