package io.sincro.db.catalog;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.derby.vti.VTITemplate;

/**
 * The word index of product descriptions (table {@code product_word}, migration 20): one row per
 * distinct word of a description and its product, so that "a word starting with ZINC" is a range of
 * the index wherever the word stands in the description. {@link Products} keeps it in step with the
 * product table in every write it makes; nothing else writes it.
 *
 * <p>A word is a run of letters and digits, upper-cased: "Vite 3.5x20 (zincata)" has the words VITE,
 * 3, 5X20 and ZINCATA. A search text is cut into words the same way.
 */
public final class ProductWords {

    /** As long as a description can be, so any word fits. */
    static final int MAX_WORD = 200;

    private static final String INSERT = "INSERT INTO product_word (word, product_code) VALUES (?, ?)";
    private static final String DELETE = "DELETE FROM product_word WHERE word = ? AND product_code = ?";
    /**
     * Every product's words in one statement: Derby runs an insert fed by a table function into an
     * empty table as a bulk insert (see io.sincro.db.BulkLoad), sorting once to build the index.
     */
    private static final String FILL = """
            INSERT INTO product_word (word, product_code)
            SELECT r.word, r.product_code FROM TABLE (sincro_product_words()) r
            """;
    /** What {@link #everyProductsWords()} reads, in the statement's own transaction. */
    private static final String PRODUCTS = "SELECT code, description FROM product";

    private ProductWords() {
    }

    /** The distinct words of {@code text}, upper-cased, in the order they first appear. */
    public static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = text.substring(start, i).toUpperCase(Locale.ROOT);
                words.add(word.length() > MAX_WORD ? word.substring(0, MAX_WORD) : word);
                start = -1;
            }
        }
        return words;
    }

    /** Whether every one of {@code prefixes} starts some word of {@code description}. */
    static boolean startsWordsOf(String description, List<String> prefixes) {
        Set<String> words = of(description);
        for (String prefix : prefixes) {
            if (words.stream().noneMatch(w -> w.startsWith(prefix))) {
                return false;
            }
        }
        return true;
    }

    /** Indexes every product in the table, in one bulk insert: for an index with no rows. */
    static void indexAll(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FILL)) {
            s.executeUpdate();
        }
    }

    /** Indexes products just inserted. */
    static void add(Connection c, List<Product> products) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Product p : products) {
                for (String word : of(p.description())) {
                    s.setString(1, word);
                    s.setString(2, p.code());
                    s.addBatch();
                }
            }
            s.executeBatch();
        }
    }

    /** Moves a product's index entries from its old description's words to its new one's. */
    static void replace(Connection c, String code, String oldDescription, String newDescription) throws SQLException {
        Set<String> before = of(oldDescription);
        Set<String> after = of(newDescription);
        List<String> gone = new ArrayList<>(before);
        gone.removeAll(after);
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        if (!gone.isEmpty()) {
            batch(c, DELETE, code, gone);
        }
        if (!added.isEmpty()) {
            batch(c, INSERT, code, added);
        }
    }

    private static void batch(Connection c, String sql, String code, List<String> words) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (String word : words) {
                s.setString(1, word);
                s.setString(2, code);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Derby's entry point for the table function {@code sincro_product_words} (migration 20); not for
     * Java callers. Reads the product table through the statement's own connection and gives each
     * product's words, one row per word: (word, product_code).
     */
    public static ResultSet everyProductsWords() throws SQLException {
        Connection nested = DriverManager.getConnection("jdbc:default:connection");
        PreparedStatement s = nested.prepareStatement(PRODUCTS);
        return new WordRows(s, s.executeQuery());
    }

    /** Each product's words, as the read-only, forward-only result set Derby pulls the rows from. */
    private static final class WordRows extends VTITemplate {

        private final PreparedStatement statement;
        private final ResultSet products;
        private String code;
        private Iterator<String> words = List.<String>of().iterator();
        private String word;

        WordRows(PreparedStatement statement, ResultSet products) {
            this.statement = statement;
            this.products = products;
        }

        @Override
        public boolean next() throws SQLException {
            while (!words.hasNext()) {
                if (!products.next()) {
                    word = null;
                    return false;
                }
                code = products.getString(1);
                words = of(products.getString(2)).iterator();
            }
            word = words.next();
            return true;
        }

        @Override
        public String getString(int column) throws SQLException {
            if (word == null) {
                throw new SQLException("no current row");
            }
            return column == 1 ? word : code;
        }

        @Override
        public boolean wasNull() {
            return false;
        }

        @Override
        public void close() throws SQLException {
            try (statement; products) {
                word = null;
            }
        }
    }
}
