package io.sincro.office.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.changes.SharedStamp;

/**
 * Loads the head office's master data from the CSV files its back-end exports: UTF-8, a header
 * row naming the columns, comma separated, decimal point. One file is one transaction: a single
 * bad line and nothing of the file is stored. Loading an updated file again updates the rows,
 * since the back-end is the master of products, prices and stock.
 */
public final class CsvImport {

    private static final Logger log = LoggerFactory.getLogger(CsvImport.class);

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();

    private final Database database;

    public CsvImport(Database database) {
        if (!database.station().isHeadOffice()) {
            throw new ImportException("master data is loaded at the head office, and " + database
                    + " belongs to " + database.station() + "; run the import with the head office's settings");
        }
        this.database = database;
    }

    /** The columns a kind of file must and may have, for help texts and the README. */
    public static List<String> columns(ImportKind kind) {
        RowLoader<?> loader = loader(kind, "", Instant.EPOCH, ZoneOffset.UTC);
        List<String> columns = new ArrayList<>(loader.requiredColumns());
        loader.optionalColumns().forEach(c -> columns.add(c + " (optional)"));
        return columns;
    }

    public ImportSummary load(ImportKind kind, Path file) {
        Instant now = database.clock().instant();
        ImportSummary summary = database.inTransaction(
                c -> load(c, loader(kind, file.getFileName().toString(), now, database.clock().getZone()), kind, file, now));
        log.info("imported {}", summary);
        return summary;
    }

    private static RowLoader<?> loader(ImportKind kind, String fileName, Instant now, ZoneId zone) {
        return switch (kind) {
            case AGENTS -> new AgentLoader();
            case PRODUCTS -> new ProductLoader();
            case PRICE_LISTS -> new PriceListLoader(now);
            case CUSTOMERS -> new CustomerLoader(now);
            case SPECIAL_PRICES -> new SpecialPriceLoader(fileName, now);
            case STOCK -> new StockLoader();
            case ORDER_STATUSES -> new OrderStatusLoader(now);
            case ORDERS -> new OrderLoader(zone);
        };
    }

    private static <T> ImportSummary load(Connection c, RowLoader<T> loader, ImportKind kind, Path file, Instant now)
            throws SQLException {
        try {
            if (loader instanceof TableLoader<T> table) {
                try (table) {
                    return loadTable(c, table, kind, file, now);
                }
            }
            // the only other kind of loader (RowLoader is sealed)
            return loadByLine(c, (LineLoader<T>) loader, kind, file, now);
        } catch (UncheckedSqlException e) {
            throw e.getCause();
        }
    }

    private static <T> ImportSummary loadByLine(Connection c, LineLoader<T> loader, ImportKind kind, Path file,
                                                Instant now) throws SQLException {
        // Keys of the file's lines, to catch a key given twice; about 100 bytes a line.
        Map<String, Long> lineOfKey = new HashMap<>();
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        try (Lines<T> lines = new Lines<>(c, file, loader, kind, lineOfKey)) {
            while (lines.hasNext()) {
                switch (loader.save(c, lines.next(), now)) {
                    case INSERTED -> inserted++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        }
        long removed = loader.finish(c, lineOfKey.keySet(), now);
        return new ImportSummary(kind, file, lineOfKey.size(), inserted, updated, unchanged, removed,
                loader.conflicts());
    }

    /**
     * A table's file (see {@link TableLoader}), read once: each line is read, checked and classified
     * as it comes; the first new row starts one insert statement that the rest of the file feeds (its
     * new rows), then the changed rows are stored one by one. The counts, the rows stored and the
     * errors are those of the line-by-line load; only the cost differs, and that the file's writes
     * share one change number where their repository lets them (see {@link TableLoader}).
     */
    private static <T> ImportSummary loadTable(Connection c, TableLoader<T> loader, ImportKind kind, Path file,
                                               Instant now) throws SQLException {
        // Reading takes no lock on the change counter: a file that changes nothing writes nothing, so
        // its commit has no log to force to disk. The first write takes the counter (the shared
        // stamp, or a loader's own write), before it touches a row, as the line-by-line load did.
        SharedStamp stamp = new SharedStamp();
        loader.open(c);
        Map<String, Long> lineOfKey = new HashMap<>();
        long inserted = 0;
        Classified<T> classified;
        try (Lines<T> lines = new Lines<>(c, file, loader, kind, lineOfKey)) {
            classified = new Classified<>(c, lines, loader);
            if (classified.hasNext()) {
                inserted = loader.insert(c, classified, now, stamp.take(c));
            }
        }
        loader.close();
        long updated = 0;
        long unchanged = classified.unchanged;
        for (T row : classified.changed) {
            switch (loader.update(c, row, now, stamp)) {
                case INSERTED -> inserted++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
        long removed = loader.finish(c, lineOfKey.keySet(), now);
        return new ImportSummary(kind, file, lineOfKey.size(), inserted, updated, unchanged, removed,
                loader.conflicts());
    }

    /**
     * The new rows of a file, its lines read and classified as they are asked for: the rows that are
     * the same are counted, the changed ones kept for {@link TableLoader#update}.
     */
    private static final class Classified<T> implements Iterator<T> {

        private final Connection c;
        private final Lines<T> lines;
        private final TableLoader<T> loader;
        private final List<T> changed = new ArrayList<>();
        private long unchanged;
        private T next;

        Classified(Connection c, Lines<T> lines, TableLoader<T> loader) {
            this.c = c;
            this.lines = lines;
            this.loader = loader;
        }

        @Override
        public boolean hasNext() {
            while (next == null && lines.hasNext()) {
                T row = lines.next();
                TableLoader.Verdict verdict;
                try {
                    verdict = loader.classify(c, row, lines.line());
                } catch (SQLException e) {
                    throw new UncheckedSqlException(e);
                }
                switch (verdict) {
                    case NEW -> next = row;
                    case SAME -> unchanged++;
                    case CHANGED -> changed.add(row);
                }
            }
            return next != null;
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T row = next;
            next = null;
            return row;
        }
    }

    /**
     * The rows of a file, each line checked and read as it is reached; the first bad line ends the
     * import with its error, as does a key given twice ({@code lineOfKey}: each key's line).
     */
    private static final class Lines<T> implements Iterator<T>, AutoCloseable {

        private final Connection c;
        private final String name;
        private final RowLoader<T> loader;
        private final Map<String, Long> lineOfKey;
        private final Reader reader;
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final int columns;
        private CsvLine line;

        Lines(Connection c, Path file, RowLoader<T> loader, ImportKind kind, Map<String, Long> lineOfKey) {
            this.c = c;
            this.name = file.getFileName().toString();
            this.loader = loader;
            this.lineOfKey = lineOfKey;
            try {
                reader = open(file);
            } catch (IOException e) {
                throw readFailure(name, e);
            }
            try {
                parser = FORMAT.parse(reader);
                checkHeader(name, parser.getHeaderNames(), loader, kind);
                columns = parser.getHeaderNames().size();
                records = parser.iterator();
            } catch (IOException | UncheckedIOException | ImportException e) {
                try {
                    reader.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e instanceof IOException io ? readFailure(name, io)
                        : e instanceof UncheckedIOException unchecked ? readFailure(name, unchecked.getCause())
                        : (ImportException) e;
            }
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw readFailure(name, e.getCause());
            }
        }

        @Override
        public T next() {
            CSVRecord record;
            try {
                record = records.next();
            } catch (UncheckedIOException e) {
                throw readFailure(name, e.getCause());
            }
            line = new CsvLine(name, record);
            if (record.size() != columns) {
                throw new ImportException(name + " line " + line.lineNumber() + ": the line has " + record.size()
                        + " fields but the header names " + columns + " columns; check for a missing or extra comma"
                        + " (values holding commas go in double quotes). No row of the file was stored.");
            }
            T row;
            try {
                row = loader.read(c, line);
            } catch (SQLException e) {
                throw new UncheckedSqlException(e);
            }
            Long earlier = lineOfKey.putIfAbsent(loader.key(row), line.lineNumber());
            if (earlier != null) {
                throw line.problem(loader.keyColumn(), "duplicate key " + loader.key(row).replace('\u0000', '/')
                        + ", already on line " + earlier + "; each row may appear once");
            }
            return row;
        }

        /** The line of the row {@link #next} gave last. */
        CsvLine line() {
            return line;
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw readFailure(name, e);
            }
        }
    }

    /** A database error met while the rows of a file were read, taken back out by {@link #load}. */
    private static final class UncheckedSqlException extends RuntimeException {

        UncheckedSqlException(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }

    private static void checkHeader(String name, List<String> header, RowLoader<?> loader, ImportKind kind) {
        if (header.isEmpty()) {
            throw new ImportException(name + " is empty; " + article(kind) + " file starts with a header line naming its columns: "
                    + String.join(",", loader.requiredColumns()) + ". No row of the file was stored.");
        }
        Set<String> known = new LinkedHashSet<>(loader.requiredColumns());
        known.addAll(loader.optionalColumns());
        for (String column : header) {
            if (!known.contains(column)) {
                throw new ImportException(name + " line 1, column " + column + ": unknown column for " + article(kind)
                        + " file; the columns are " + String.join(", ", known) + ". No row of the file was stored.");
            }
        }
        for (String required : loader.requiredColumns()) {
            if (!header.contains(required)) {
                throw new ImportException(name + " line 1: missing column " + required + "; " + article(kind)
                        + " file needs the columns " + String.join(", ", loader.requiredColumns())
                        + ". No row of the file was stored.");
            }
        }
    }

    /** "an agents", "a products": the article that goes before the kind's name. */
    private static String article(ImportKind kind) {
        return ("aeiou".indexOf(kind.label().charAt(0)) >= 0 ? "an " : "a ") + kind;
    }

    /** A reader that refuses bytes that are not UTF-8 and skips the byte-order mark Excel writes. */
    private static Reader open(Path file) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new ImportException("there is no file " + file.toAbsolutePath() + "; check the path");
        }
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder), 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private static ImportException readFailure(String name, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new ImportException(name + " is not UTF-8 text; save it from the back-end or spreadsheet as"
                    + " \"CSV UTF-8\". No row of the file was stored.", e);
        }
        return new ImportException("could not read " + name + ": " + e.getMessage()
                + ". No row of the file was stored.", e);
    }
}
