package io.sincro.rules.conflicts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import io.sincro.db.UtcTimestamps;

/**
 * The price_conflict table: every special-price conflict this station decided, with both versions,
 * for the user to list ({@code sincro conflicts}) and put right by hand if the rule chose badly.
 */
public final class PriceConflicts {

    private static final String COLUMNS = """
            id, customer_code, product_code, kept_price, kept_discount, kept_updated_at, kept_updated_by, kept_deleted,
            lost_price, lost_discount, lost_updated_at, lost_updated_by, lost_deleted, reason, package_name, decided_at""";
    private static final String INSERT = """
            INSERT INTO price_conflict (customer_code, product_code, kept_price, kept_discount, kept_updated_at,
                kept_updated_by, kept_deleted, lost_price, lost_discount, lost_updated_at, lost_updated_by, lost_deleted,
                reason, package_name, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM price_conflict ORDER BY id";
    private static final String SELECT_OF_CUSTOMER = "SELECT " + COLUMNS
            + " FROM price_conflict WHERE customer_code = ? ORDER BY id";

    /** Stores a decided conflict; returns it with its id. */
    public PriceConflict record(Connection c, PriceConflict conflict) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, conflict.customerCode());
            s.setString(2, conflict.productCode());
            PriceVersion kept = conflict.kept();
            s.setBigDecimal(3, kept == null ? null : kept.price());
            s.setBigDecimal(4, kept == null ? null : kept.discount());
            UtcTimestamps.set(s, 5, kept == null ? null : kept.updatedAt());
            if (kept == null) {
                s.setNull(6, Types.VARCHAR);
            } else {
                s.setString(6, kept.updatedBy());
            }
            s.setBoolean(7, kept != null && kept.deleted());
            PriceVersion lost = conflict.lost();
            s.setBigDecimal(8, lost.price());
            s.setBigDecimal(9, lost.discount());
            UtcTimestamps.set(s, 10, lost.updatedAt());
            s.setString(11, lost.updatedBy());
            s.setBoolean(12, lost.deleted());
            s.setString(13, conflict.reason().length() > 300 ? conflict.reason().substring(0, 300) : conflict.reason());
            s.setString(14, conflict.packageName());
            UtcTimestamps.set(s, 15, conflict.decidedAt());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return conflict.withId(keys.getLong(1));
            }
        }
    }

    /** Every conflict this station decided, oldest first. */
    public List<PriceConflict> conflicts(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL)) {
            return list(s);
        }
    }

    /** The conflicts about one customer's prices, oldest first. */
    public List<PriceConflict> conflicts(Connection c, String customerCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_CUSTOMER)) {
            s.setString(1, customerCode);
            return list(s);
        }
    }

    private static List<PriceConflict> list(PreparedStatement s) throws SQLException {
        List<PriceConflict> conflicts = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                conflicts.add(read(rows));
            }
        }
        return conflicts;
    }

    private static PriceConflict read(ResultSet rows) throws SQLException {
        String keptBy = rows.getString("kept_updated_by");
        PriceVersion kept = keptBy == null ? null : new PriceVersion(rows.getBigDecimal("kept_price"),
                rows.getBigDecimal("kept_discount"), UtcTimestamps.get(rows, "kept_updated_at"), keptBy,
                rows.getBoolean("kept_deleted"));
        PriceVersion lost = new PriceVersion(rows.getBigDecimal("lost_price"), rows.getBigDecimal("lost_discount"),
                UtcTimestamps.get(rows, "lost_updated_at"), rows.getString("lost_updated_by"),
                rows.getBoolean("lost_deleted"));
        return new PriceConflict(rows.getLong("id"), rows.getString("customer_code"), rows.getString("product_code"),
                kept, lost, rows.getString("reason"), rows.getString("package_name"),
                UtcTimestamps.get(rows, "decided_at"));
    }
}
