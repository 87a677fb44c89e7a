package io.sincro.db.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.RowConsumer;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;

/**
 * The product table. A product is never deleted (old orders refer to it): it is withdrawn by
 * saving it inactive, which travels to the agents like any other change.
 */
public final class Products {

    private static final String COLUMNS = "code, description, unit, vat_rate, active";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM product WHERE code = ?";
    private static final String SELECT_SINCE = "SELECT " + COLUMNS + " FROM product WHERE change_seq > ? ORDER BY code";
    private static final String COUNT = "SELECT COUNT(*) FROM product";
    private static final String INSERT = """
            INSERT INTO product (code, description, unit, vat_rate, active, updated_at, change_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE product SET description = ?, unit = ?, vat_rate = ?, active = ?, updated_at = ?,
                               change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE code = ?
            """;

    private final ChangeSequence changes = new ChangeSequence();

    public Optional<Product> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** The products whose last local change is above {@code afterSeq} (-1: all), in code order. */
    public void changedSince(Connection c, long afterSeq, RowConsumer<Product> consumer) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_SINCE)) {
            s.setLong(1, afterSeq);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            }
        }
    }

    /** Inserts the product, or updates it where it differs (only then is updated_at moved). */
    public Change save(Connection c, Product product, Instant now) throws SQLException {
        return save(c, product, now, ChangeSource.LOCAL);
    }

    /** As {@link #save(Connection, Product, Instant)}, for a change from {@code source}. */
    public Change save(Connection c, Product product, Instant now, ChangeSource source) throws SQLException {
        Optional<Product> existing = find(c, product.code());
        if (existing.isPresent() && existing.get().sameAs(product)) {
            return Change.UNCHANGED;
        }
        long stamp = changes.stampFor(c, source);
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, product.code());
                s.setString(2, product.description());
                s.setString(3, product.unit());
                s.setBigDecimal(4, product.vatRate());
                s.setBoolean(5, product.active());
                UtcTimestamps.set(s, 6, now);
                s.setLong(7, stamp);
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setString(1, product.description());
            s.setString(2, product.unit());
            s.setBigDecimal(3, product.vatRate());
            s.setBoolean(4, product.active());
            UtcTimestamps.set(s, 5, now);
            s.setLong(6, stamp);
            s.setLong(7, stamp);
            s.setString(8, product.code());
            s.executeUpdate();
        }
        return Change.UPDATED;
    }

    private static Product read(ResultSet rows) throws SQLException {
        return new Product(rows.getString("code"), rows.getString("description"),
                rows.getString("unit"), rows.getBigDecimal("vat_rate"), rows.getBoolean("active"));
    }
}
