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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Change;
import io.sincro.db.Database;

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
            case PRICE_LISTS -> new PriceListLoader();
            case CUSTOMERS -> new CustomerLoader(now);
            case SPECIAL_PRICES -> new SpecialPriceLoader(fileName, now);
            case STOCK -> new StockLoader();
            case ORDER_STATUSES -> new OrderStatusLoader(now);
            case ORDERS -> new OrderLoader(zone);
        };
    }

    private static <T> ImportSummary load(Connection c, RowLoader<T> loader, ImportKind kind, Path file, Instant now)
            throws SQLException {
        String name = file.getFileName().toString();
        // Keys of the file's lines, to catch a key given twice; about 100 bytes a line.
        Map<String, Long> lineOfKey = new HashMap<>();
        long inserted = 0;
        long updated = 0;
        long unchanged = 0;
        try (Reader reader = open(file); CSVParser parser = FORMAT.parse(reader)) {
            checkHeader(name, parser.getHeaderNames(), loader, kind);
            int columns = parser.getHeaderNames().size();
            for (CSVRecord record : parser) {
                CsvLine line = new CsvLine(name, record);
                if (record.size() != columns) {
                    throw new ImportException(name + " line " + line.lineNumber() + ": the line has " + record.size()
                            + " fields but the header names " + columns + " columns; check for a missing or extra comma"
                            + " (values holding commas go in double quotes). No row of the file was stored.");
                }
                T row = loader.read(c, line);
                Long earlier = lineOfKey.putIfAbsent(loader.key(row), line.lineNumber());
                if (earlier != null) {
                    throw line.problem(loader.keyColumn(), "duplicate key " + loader.key(row).replace('\u0000', '/')
                            + ", already on line " + earlier + "; each row may appear once");
                }
                Change change = loader.save(c, row, now);
                switch (change) {
                    case INSERTED -> inserted++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
        } catch (UncheckedIOException e) {
            throw readFailure(name, e.getCause());
        } catch (IOException e) {
            throw readFailure(name, e);
        }
        long removed = loader.finish(c, lineOfKey.keySet(), now);
        return new ImportSummary(kind, file, lineOfKey.size(), inserted, updated, unchanged, removed,
                loader.conflicts());
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
