package io.sincro.rules.exchange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;

/** The exported_package table: every package this station wrote, one row per stream and sequence. */
public final class ExportedPackages {

    private static final String COLUMNS = "stream, sequence, kind, based_on, change_mark, bytes, sha256, written_at, row_count";
    private static final String INSERT = "INSERT INTO exported_package (" + COLUMNS + ", file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String CONTINUE = """
            INSERT INTO exported_package (stream, sequence, kind, based_on, change_mark, file_name, bytes, sha256,
              written_at, uploaded_at, removed_at, acknowledges)
            VALUES (?, ?, 'FULL', 0, 0, ?, 0, ?, ?, ?, ?, '')
            """;
    private static final String LAST = "SELECT MAX(sequence) FROM exported_package WHERE stream = ?";
    private static final String FIND = "SELECT " + COLUMNS + " FROM exported_package WHERE stream = ? AND sequence = ?";
    private static final String OF_STREAM = "SELECT " + COLUMNS + " FROM exported_package WHERE stream = ? ORDER BY sequence";

    void record(Connection c, ExportedPackage p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, p.name().stream().id());
            s.setLong(2, p.name().sequence());
            s.setString(3, p.kind().name());
            s.setLong(4, p.basedOn());
            s.setLong(5, p.changeMark());
            s.setLong(6, p.bytes());
            s.setString(7, p.sha256());
            UtcTimestamps.set(s, 8, p.writtenAt());
            s.setLong(9, p.rows());
            s.setString(10, p.name().fileName());
            s.executeUpdate();
        }
    }

    /**
     * Makes {@code stream}'s numbering carry on after {@code sequence} in a station that starts
     * empty: a station prepared again (a lost laptop) must not send numbers the head office already
     * imported, which it would skip as seen. The row stands for the old station's packages; the
     * first delta is based on it and holds everything.
     */
    public void continueAfter(Connection c, PackageStream stream, long sequence, Instant at) throws SQLException {
        if (sequence < 1) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(CONTINUE)) {
            s.setString(1, stream.id());
            s.setLong(2, sequence);
            s.setString(3, new PackageName(stream, sequence).fileName());
            s.setString(4, "0".repeat(64));
            UtcTimestamps.set(s, 5, at);
            UtcTimestamps.set(s, 6, at);
            UtcTimestamps.set(s, 7, at);
            s.executeUpdate();
        }
    }

    /** The highest sequence written in {@code stream}, 0 when none. */
    public long last(Connection c, PackageStream stream) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LAST)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public Optional<ExportedPackage> find(Connection c, PackageStream stream, long sequence) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND)) {
            s.setString(1, stream.id());
            s.setLong(2, sequence);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Every package written in {@code stream}, in sequence order. */
    public List<ExportedPackage> of(Connection c, PackageStream stream) throws SQLException {
        List<ExportedPackage> packages = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(OF_STREAM)) {
            s.setString(1, stream.id());
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    packages.add(read(rows));
                }
            }
        }
        return packages;
    }

    private static ExportedPackage read(ResultSet rows) throws SQLException {
        PackageStream stream = PackageStream.parse(rows.getString("stream")).orElseThrow();
        return new ExportedPackage(new PackageName(stream, rows.getLong("sequence")),
                PackageKind.valueOf(rows.getString("kind")), rows.getLong("based_on"), rows.getLong("change_mark"),
                rows.getLong("bytes"), rows.getString("sha256"), UtcTimestamps.get(rows, "written_at"),
                rows.getLong("row_count"));
    }
}
