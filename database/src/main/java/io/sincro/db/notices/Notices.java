package io.sincro.db.notices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;
import io.sincro.db.notices.Notice.State;

/**
 * The mail_notice table: notices are queued in the transaction that did what they tell of, and
 * leave the queue once sent (or closed as not sent when the station has no mail server).
 */
public final class Notices {

    private static final int MAX_ERROR = 1000;
    private static final int MAX_SUBJECT = 200;

    private static final String INSERT = """
            INSERT INTO mail_notice (queued_at, topic, recipients, subject, body, state) VALUES (?, ?, ?, ?, ?, 'QUEUED')
            """;
    private static final String COLUMNS = """
            SELECT id, queued_at, topic, recipients, subject, body, state, attempts, last_attempt_at, last_error
            FROM mail_notice
            """;
    private static final String QUEUED = COLUMNS + " WHERE state = 'QUEUED' ORDER BY id";
    private static final String LATEST = COLUMNS + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY";
    private static final String SENT = """
            UPDATE mail_notice SET state = 'SENT', attempts = attempts + 1, last_attempt_at = ?, last_error = NULL
            WHERE id = ? AND state = 'QUEUED'
            """;
    private static final String FAILED = """
            UPDATE mail_notice SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?
            WHERE id = ? AND state = 'QUEUED'
            """;
    private static final String CLOSE_QUEUED = """
            UPDATE mail_notice SET state = 'NOT_SENT', last_attempt_at = ?, last_error = ? WHERE state = 'QUEUED'
            """;
    private static final String QUEUED_SINCE = """
            SELECT COUNT(*) FROM mail_notice WHERE topic = ? AND queued_at > ?
            """;

    /** Queues a notice to {@code recipients}; it goes with the next sending (the sync's end). */
    public void queue(Connection c, Instant at, String topic, List<String> recipients, String subject, String body)
            throws SQLException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a notice needs a recipient: " + topic);
        }
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, topic);
            s.setString(3, String.join(",", recipients));
            s.setString(4, subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 3) + "...");
            s.setString(5, body);
            s.executeUpdate();
        }
    }

    /** Whether a notice about {@code topic} was queued after {@code since}, to say a thing once a day. */
    public boolean queuedSince(Connection c, String topic, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(QUEUED_SINCE)) {
            s.setString(1, topic);
            UtcTimestamps.set(s, 2, since);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }

    /** The notices waiting to be sent, oldest first. */
    public List<Notice> queued(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(QUEUED)) {
            return read(s);
        }
    }

    /** The newest {@code limit} notices whatever their state, oldest first. */
    public List<Notice> latest(Connection c, int limit) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setInt(1, limit);
            List<Notice> newestFirst = read(s);
            List<Notice> notices = new ArrayList<>(newestFirst);
            Collections.reverse(notices);
            return notices;
        }
    }

    /** The mail server took notice {@code id}. */
    public void sent(Connection c, long id, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SENT)) {
            UtcTimestamps.set(s, 1, at);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** Notice {@code id} could not be sent; it stays queued with {@code error}. */
    public void failed(Connection c, long id, Instant at, String error) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FAILED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, clip(error));
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    /** Closes every queued notice as not sent, saying {@code why}; returns how many. */
    public int closeQueued(Connection c, Instant at, String why) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(CLOSE_QUEUED)) {
            UtcTimestamps.set(s, 1, at);
            s.setString(2, clip(why));
            return s.executeUpdate();
        }
    }

    private static String clip(String text) {
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 3) + "...";
    }

    private static List<Notice> read(PreparedStatement s) throws SQLException {
        List<Notice> notices = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                notices.add(new Notice(rows.getLong("id"), UtcTimestamps.get(rows, "queued_at"), rows.getString("topic"),
                        Arrays.asList(rows.getString("recipients").split(",")), rows.getString("subject"),
                        rows.getString("body"), State.valueOf(rows.getString("state")), rows.getInt("attempts"),
                        Optional.ofNullable(UtcTimestamps.get(rows, "last_attempt_at")),
                        Optional.ofNullable(rows.getString("last_error"))));
            }
        }
        return notices;
    }
}
