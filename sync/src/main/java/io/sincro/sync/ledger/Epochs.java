package io.sincro.sync.ledger;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;

/**
 * The exchange_epoch table: the identities this station's database has had in the exchange, the
 * latest being the one its packages carry (docs/ARCHITECTURE.md, "A restored station").
 */
public final class Epochs {

    private static final String LATEST = """
            SELECT epoch, began_at, cause, detail FROM exchange_epoch ORDER BY id DESC FETCH FIRST 1 ROW ONLY
            """;
    private static final String INSERT = "INSERT INTO exchange_epoch (epoch, began_at, cause, detail) VALUES (?, ?, ?, ?)";
    private static final int MAX_DETAIL = 2000;

    private final SecureRandom random = new SecureRandom();

    /** The database's current epoch; empty before its first sync. */
    public Optional<Epoch> current(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST); ResultSet rows = s.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Epoch(rows.getString(1), UtcTimestamps.get(rows, "began_at"),
                    Epoch.Cause.valueOf(rows.getString(3)), rows.getString(4)));
        }
    }

    /** Begins a new epoch, drawn at random, and returns it. */
    public Epoch begin(Connection c, Instant at, Epoch.Cause cause, String detail) throws SQLException {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        Epoch epoch = new Epoch(HexFormat.of().formatHex(bytes), at, cause,
                detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 3) + "...");
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, epoch.id());
            UtcTimestamps.set(s, 2, at);
            s.setString(3, cause.name());
            s.setString(4, epoch.detail());
            s.executeUpdate();
        }
        return epoch;
    }
}
