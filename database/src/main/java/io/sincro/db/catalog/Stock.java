package io.sincro.db.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.UtcTimestamps;

/** The stock table: availability per product. */
public final class Stock {

    private static final String SELECT = "SELECT quantity FROM stock WHERE product_code = ?";
    private static final String SELECT_UPDATED = "SELECT updated_at FROM stock WHERE product_code = ?";
    private static final String INSERT = "INSERT INTO stock (product_code, quantity, updated_at) VALUES (?, ?, ?)";
    private static final String UPDATE = "UPDATE stock SET quantity = ?, updated_at = ? WHERE product_code = ?";

    public Optional<BigDecimal> quantity(Connection c, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBigDecimal(1)) : Optional.empty();
            }
        }
    }

    /** When the head office last changed the product's availability, if it ever reported one. */
    public Optional<Instant> updatedAt(Connection c, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_UPDATED)) {
            s.setString(1, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(UtcTimestamps.get(rows, "updated_at")) : Optional.empty();
            }
        }
    }

    public Change save(Connection c, StockLevel level, Instant now) throws SQLException {
        Optional<BigDecimal> existing = quantity(c, level.productCode());
        if (existing.isPresent() && existing.get().compareTo(level.quantity()) == 0) {
            return Change.UNCHANGED;
        }
        try (PreparedStatement s = c.prepareStatement(existing.isEmpty() ? INSERT : UPDATE)) {
            if (existing.isEmpty()) {
                s.setString(1, level.productCode());
                s.setBigDecimal(2, level.quantity());
                UtcTimestamps.set(s, 3, now);
            } else {
                s.setBigDecimal(1, level.quantity());
                UtcTimestamps.set(s, 2, now);
                s.setString(3, level.productCode());
            }
            s.executeUpdate();
        }
        return existing.isEmpty() ? Change.INSERTED : Change.UPDATED;
    }
}
