package io.sincro.db.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.BulkLoad;
import io.sincro.db.Change;
import io.sincro.db.ManyKeys;
import io.sincro.db.RowConsumer;
import io.sincro.db.RowCursor;
import io.sincro.db.UtcTimestamps;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.db.changes.ChangeSource;

/**
 * The product table. A product is never deleted (old orders refer to it): it is withdrawn by
 * saving it inactive, which travels to the agents like any other change.
 */
public final class Products {

    private static final String EXISTING = ManyKeys.in("SELECT code FROM product WHERE code IN ({keys})");
    private static final String COLUMNS = "code, description, unit, vat_rate, active";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM product WHERE code = ?";
    private static final String SELECT_MANY = ManyKeys.in("SELECT " + COLUMNS + " FROM product WHERE code IN ({keys})");
    private static final String SELECT_SINCE = "SELECT " + COLUMNS + " FROM product WHERE change_seq > ? ORDER BY code";
    // Prefix searches are written as ranges on the indexed upper-cased columns (migration 3): with
    // LIKE ? Derby cannot know the pattern starts with a constant, and may walk the whole index.
    private static final String CODE_STARTING = """
            SELECT code, description, unit, vat_rate, active FROM product
            WHERE search_code >= ? AND search_code < ?
            ORDER BY search_code, code
            FETCH FIRST ? ROWS ONLY
            """;
    private static final String DESCRIPTION_STARTING = """
            SELECT code, description, unit, vat_rate, active FROM product
            WHERE search_text >= ? AND search_text < ?
            ORDER BY search_text, code
            FETCH FIRST ? ROWS ONLY
            """;
    // The product behind each entry of a range of the word index, in the index's order (word, then
    // code), read as the caller walks it: no sort, and it stops when the caller has enough.
    private static final String WORD_STARTING = """
            SELECT p.code, p.description, p.unit, p.vat_rate, p.active
            FROM product_word w JOIN product p ON p.code = w.product_code
            WHERE w.word >= ? AND w.word < ?
            ORDER BY w.word, w.product_code
            """;
    private static final String WORD_ENTRIES = "SELECT 1 FROM product_word WHERE word >= ? AND word < ?";
    /** Past this many entries a word's range is "large": which of several words is smallest is all that matters. */
    private static final int ENOUGH_ENTRIES = 500;
    /** Above every character a description holds: the end of a prefix range. */
    private static final String RANGE_END = "\uFFFF";
    private static final String INSERT = """
            INSERT INTO product (code, description, unit, vat_rate, active, updated_at, change_seq)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String UPDATE = """
            UPDATE product SET description = ?, unit = ?, vat_rate = ?, active = ?, updated_at = ?,
                               change_seq = CASE WHEN ? > 0 THEN ? ELSE change_seq END
            WHERE code = ?
            """;

    private static final String ANY = "SELECT 1 FROM product FETCH FIRST ROW ONLY";
    private static final String LOAD = """
            INSERT INTO product (code, description, unit, vat_rate, active, updated_at, change_seq)
            SELECT r.code, r.description, r.unit, r.vat_rate, r.active, ?, ? FROM TABLE (sincro_product_rows()) r
            """;
    private static final String IN_CODE_ORDER = "SELECT " + COLUMNS + " FROM product WHERE code >= ? ORDER BY code";
    private static final String CODES = "SELECT code FROM product";

    /** How many new products a load into a catalog inserts and indexes at a time. */
    private static final int WORDS_BATCH = 1_000;

    private final ChangeSequence changes = new ChangeSequence();

    /** Which of {@code codes} are products of this database, in a few queries. */
    public Set<String> existing(Connection c, Collection<String> codes) throws SQLException {
        Set<String> found = new HashSet<>();
        ManyKeys.each(c, EXISTING, List.of(), codes, rows -> found.add(rows.getString(1)));
        return found;
    }

    public Optional<Product> find(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, code);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    /** Those of {@code codes} that are products, by code: one statement for many, not one each. */
    public Map<String, Product> find(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Product> found = new HashMap<>();
        ManyKeys.each(c, SELECT_MANY, List.of(), codes, rows -> {
            Product p = read(rows);
            found.put(p.code(), p);
        });
        return found;
    }

    /** Products whose code starts with {@code prefix}, ignoring case, in code order. */
    public List<Product> withCodeStarting(Connection c, String prefix, int limit) throws SQLException {
        return range(c, CODE_STARTING, prefix, limit);
    }

    /** Products whose description starts with {@code prefix}, ignoring case, in description order. */
    public List<Product> withDescriptionStarting(Connection c, String prefix, int limit) throws SQLException {
        return range(c, DESCRIPTION_STARTING, prefix, limit);
    }

    /**
     * Up to {@code limit} products whose description has, for every word of {@code text} (see
     * {@link ProductWords#of}), a word starting with it, ignoring case: "zinc m8" finds "Bullone M8x40
     * zincato". They come in the order of the word index for the text's word that starts fewest
     * words of the catalog (that word, then the code), so the search reads the index, never the
     * whole table. A text with no letter or digit finds nothing.
     */
    public List<Product> withWordsStarting(Connection c, String text, int limit) throws SQLException {
        List<String> prefixes = List.copyOf(ProductWords.of(text));
        if (prefixes.isEmpty()) {
            return List.of();
        }
        String leading = prefixes.get(0);
        if (prefixes.size() > 1) {
            int fewest = Integer.MAX_VALUE;
            for (String prefix : prefixes) {
                int entries = entriesStarting(c, prefix);
                if (entries < fewest) {
                    fewest = entries;
                    leading = prefix;
                }
            }
        }
        Map<String, Product> found = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(WORD_STARTING)) {
            s.setString(1, leading);
            s.setString(2, leading + RANGE_END);
            try (ResultSet rows = s.executeQuery()) {
                while (found.size() < limit && rows.next()) {
                    Product p = read(rows);
                    if (!found.containsKey(p.code()) && ProductWords.startsWordsOf(p.description(), prefixes)) {
                        found.put(p.code(), p);
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** How many entries of the word index start with {@code prefix}, counted up to {@link #ENOUGH_ENTRIES}. */
    private static int entriesStarting(Connection c, String prefix) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(WORD_ENTRIES)) {
            s.setString(1, prefix);
            s.setString(2, prefix + RANGE_END);
            s.setMaxRows(ENOUGH_ENTRIES);
            int entries = 0;
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    entries++;
                }
            }
            return entries;
        }
    }

    private static List<Product> range(Connection c, String sql, String prefix, int limit) throws SQLException {
        String from = prefix.toUpperCase(Locale.ROOT);
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, from);
            s.setString(2, from + RANGE_END);
            s.setInt(3, limit);
            return readAll(s);
        }
    }

    private static List<Product> readAll(PreparedStatement s) throws SQLException {
        List<Product> products = new ArrayList<>();
        try (ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                products.add(read(rows));
            }
        }
        return products;
    }

    private static Product read(ResultSet rows) throws SQLException {
        return new Product(rows.getString("code"), rows.getString("description"),
                rows.getString("unit"), rows.getBigDecimal("vat_rate"), rows.getBoolean("active"));
    }

    /** Whether the product table has no rows at all. */
    public boolean isEmpty(Connection c) throws SQLException {
        return BulkLoad.isEmpty(c, ANY);
    }

    /**
     * Loads products that arrived into an empty table, in one bulk insert (see {@link BulkLoad}); a
     * code already there fails the statement.
     *
     * @return how many were loaded
     */
    public long load(Connection c, Iterator<Product> products, Instant now) throws SQLException {
        return load(c, products, now, 0);
    }

    /**
     * As {@link #load(Connection, Iterator, Instant)}, each product stamped with change number
     * {@code stamp} (0: received, not a local change). Into a table that is not empty it is an
     * ordinary insert, a thousand products a statement: the products must be new. Either way their
     * words go into the word index ({@link ProductWords}) in the same transaction.
     */
    public long load(Connection c, Iterator<Product> products, Instant now, long stamp) throws SQLException {
        if (isEmpty(c)) {
            return loadIntoEmpty(c, products, now, stamp);
        }
        // new products into a catalog: their words as they go, a bounded number at a time
        long loaded = 0;
        while (products.hasNext()) {
            List<Product> some = new ArrayList<>(WORDS_BATCH);
            while (some.size() < WORDS_BATCH && products.hasNext()) {
                some.add(products.next());
            }
            loaded += insert(c, some.iterator(), now, stamp);
            ProductWords.add(c, some);
        }
        return loaded;
    }

    /**
     * As {@link #load(Connection, Iterator, Instant)} into a table the caller knows is empty, having
     * asked in the same transaction (an import asks once for the whole catalog, {@link EmptyCatalog}):
     * the products in one bulk insert, then every product's words in one more, read back from the table.
     */
    public long loadIntoEmpty(Connection c, Iterator<Product> products, Instant now) throws SQLException {
        return loadIntoEmpty(c, products, now, 0);
    }

    private static long loadIntoEmpty(Connection c, Iterator<Product> products, Instant now, long stamp)
            throws SQLException {
        long loaded = insert(c, products, now, stamp);
        // the index is empty with the table, as every write of a product writes its words
        ProductWords.indexAll(c);
        return loaded;
    }

    private static long insert(Connection c, Iterator<Product> products, Instant now, long stamp) throws SQLException {
        return BulkLoad.insert(c, LOAD, s -> {
            UtcTimestamps.set(s, 1, now);
            s.setLong(2, stamp);
        }, products, (product, column) ->
                switch (column) {
                    case 1 -> product.code();
                    case 2 -> product.description();
                    case 3 -> product.unit();
                    case 4 -> product.vatRate();
                    default -> product.active();
                });
    }

    /** The products from code {@code from} on, in code order, read as the caller walks them. */
    public RowCursor<Product> inCodeOrder(Connection c, String from) throws SQLException {
        return RowCursor.open(c, IN_CODE_ORDER, s -> s.setString(1, from), Products::read);
    }

    /** Every product's code. */
    public Set<String> codes(Connection c) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(CODES); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
        }
        return codes;
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
            ProductWords.add(c, List.of(product));
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
        ProductWords.replace(c, product.code(), existing.get().description(), product.description());
        return Change.UPDATED;
    }
}
