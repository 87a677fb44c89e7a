package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.sincro.db.RowCursor;

/**
 * Finds a file's rows in a table, one after the other. While the file comes in key order, the table
 * is read once in the same order beside it (a merge: one streamed query instead of a query per line);
 * from the first row out of order on, in the file or in what the table returns, each row is looked
 * up by its key instead. Either way the answer is the same; only its cost differs.
 *
 * <p>With {@code byFirstPart}, the file need only be in order of the key's first part (special
 * prices by customer, each customer's products in any order, as a back-end may well write them):
 * the table's rows of one first part are held while the file's lines of that part come.
 *
 * @param <T> a row of the file
 * @param <U> a row of the table
 */
final class SortedLookup<T, U> implements AutoCloseable {

    /** Opens the table's rows in key order, from the first file row's key on (or earlier). */
    @FunctionalInterface
    interface Opener<T, U> {
        RowCursor<U> open(Connection c, T first) throws SQLException;
    }

    /** Looks one row up by the key of a file row. */
    @FunctionalInterface
    interface Finder<T, U> {
        Optional<U> find(Connection c, T row) throws SQLException;
    }

    private final Opener<T, U> opener;
    private final Finder<T, U> finder;
    private final Function<T, Key> fileKey;
    private final Function<U, Key> tableKey;
    private final boolean byFirstPart;
    /** The table's rows of the group the file is in. */
    private final Map<Key, U> window = new HashMap<>();
    private RowCursor<U> cursor;
    private U current;
    private Key currentKey;
    private Key group;
    private boolean walking = true;

    SortedLookup(Opener<T, U> opener, Finder<T, U> finder, Function<T, Key> fileKey, Function<U, Key> tableKey,
                 boolean byFirstPart) {
        this.opener = opener;
        this.finder = finder;
        this.fileKey = fileKey;
        this.tableKey = tableKey;
        this.byFirstPart = byFirstPart;
    }

    /** The table's row with the key of {@code row}, if there is one. */
    Optional<U> find(Connection c, T row) throws SQLException {
        Key key = fileKey.apply(row);
        if (!byFirstPart) {
            return findByKey(c, row, key);
        }
        Key rowGroup = groupOf(key);
        if (walking && group != null && group.compareTo(rowGroup) > 0) {
            stopWalking();
        }
        if (walking && !rowGroup.equals(group)) {
            fill(c, row, rowGroup);
        }
        if (!walking) {
            return finder.find(c, row);
        }
        return Optional.ofNullable(window.get(key));
    }

    /** A key of one group each: the table's row is the cursor's when it has the key, no window needed. */
    private Optional<U> findByKey(Connection c, T row, Key key) throws SQLException {
        if (walking && group != null && group.compareTo(key) >= 0) {
            stopWalking();
        }
        if (walking) {
            group = key;
            if (cursor == null) {
                cursor = opener.open(c, row);
                advance();
            }
            while (walking && current != null && currentKey.compareTo(key) < 0) {
                advance();
            }
        }
        if (!walking) {
            return finder.find(c, row);
        }
        return current != null && currentKey.equals(key) ? Optional.of(current) : Optional.empty();
    }

    private Key groupOf(Key key) {
        return byFirstPart ? Key.of(key.first()) : key;
    }

    /** Moves the walk to {@code wanted}: the table's rows of that group into the window. */
    private void fill(Connection c, T row, Key wanted) throws SQLException {
        group = wanted;
        window.clear();
        if (cursor == null) {
            cursor = opener.open(c, row);
            advance();
        }
        while (walking && current != null) {
            int order = groupOf(currentKey).compareTo(wanted);
            if (order > 0) {
                break;
            }
            if (order == 0) {
                window.put(currentKey, current);
            }
            advance();
        }
    }

    private void advance() throws SQLException {
        Key before = currentKey;
        current = cursor.next();
        currentKey = current == null ? null : tableKey.apply(current);
        if (current != null && before != null && before.compareTo(currentKey) >= 0) {
            // the table's order is not ours: a merge could miss rows, a lookup cannot
            stopWalking();
        }
    }

    private void stopWalking() throws SQLException {
        walking = false;
        current = null;
        window.clear();
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }

    @Override
    public void close() throws SQLException {
        stopWalking();
    }
}
