package io.sincro.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** The one row of table station: whose database this is. */
final class StationRecord {

    private static final String INSERT = """
            INSERT INTO station (id, role, agent_code, created_at) VALUES (1, ?, ?, ?)
            """;

    private static final String SELECT = """
            SELECT role, agent_code FROM station WHERE id = 1
            """;

    private StationRecord() {
    }

    static void insert(Connection c, Station station, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, station.role().name());
            s.setString(2, station.agentCode());
            UtcTimestamps.set(s, 3, now);
            s.executeUpdate();
        }
    }

    static Station read(Connection c, Path where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT); ResultSet rows = s.executeQuery()) {
            if (!rows.next()) {
                throw new DatabaseException("the database in " + where
                        + " does not say whose it is (no station row); it was not made by Sincro");
            }
            return new Station(Station.Role.valueOf(rows.getString("role")), rows.getString("agent_code"));
        }
    }
}
