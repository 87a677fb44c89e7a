package io.sincro.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Instants in and out of Derby TIMESTAMP columns, always as UTC wall time: Derby stores no zone,
 * and a laptop that changes time zone (or summer time) must still read back the same instant.
 */
public final class UtcTimestamps {

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private UtcTimestamps() {
    }

    public static void set(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, java.sql.Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), Calendar.getInstance(UTC));
        }
    }

    public static Instant get(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column, Calendar.getInstance(UTC));
        return value == null ? null : value.toInstant();
    }

    public static Instant get(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column, Calendar.getInstance(UTC));
        return value == null ? null : value.toInstant();
    }
}
