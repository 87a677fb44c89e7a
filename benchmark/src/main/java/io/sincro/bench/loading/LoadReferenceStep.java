package io.sincro.bench.loading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CsvFile;
import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.bench.reference.TableFile;
import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * The yardstick of the head office's first load: Derby's own import of the very rows the company's
 * files leave in the head office, file by file in the same order, each file's tables in one
 * transaction, into a new head office ({@code hq init}, untimed). A file whose table already holds
 * rows (the second price list, every agent's special prices after the first) goes into a table that
 * is not empty, for Derby as for {@code sincro hq import}.
 *
 * <p>The rows are Derby's export of the loaded head office (untimed, once): per file, the rows of
 * each table it fills (a price-list file: its lists and their rows; a special-prices file: its
 * customers' prices and what the back-end said of them).
 */
public final class LoadReferenceStep implements Step {

    /**
     * The word index of product descriptions (io.sincro.db.catalog.ProductWords), which the head
     * office derives from its products as Derby derives a B-tree index from its table: loaded with
     * the products so the reference ends in the database the load leaves, not counted as rows loaded.
     */
    private static final String WORDS = "PRODUCT_WORD";

    private final CompanyFixture fixture;
    private final Path folder;
    private List<List<TableFile>> exports;

    public LoadReferenceStep(CompanyFixture fixture, Path folder) {
        this.fixture = fixture;
        this.folder = folder;
    }

    @Override
    public String id() {
        return "hq-import-reference";
    }

    @Override
    public String title() {
        return "Derby import (SYSCS_IMPORT_TABLE) of the rows the company's files load, file by file";
    }

    @Override
    public Trial prepare(TrialSpace space) {
        List<List<TableFile>> files = exports();
        Path station = space.folder().resolve("hq");
        Database hq = Database.create(station.resolve(CompanyFixture.DATABASE), Station.headOffice(), fixture.clock());
        return new Trial() {
            @Override
            public long run() {
                long rows = 0;
                for (List<TableFile> file : files) {
                    hq.useTransaction(c -> {
                        for (TableFile table : file) {
                            table.importInto(c);
                        }
                    });
                    rows += file.stream().filter(t -> !t.table().equals(WORDS)).mapToLong(TableFile::rows).sum();
                }
                return rows;
            }

            @Override
            public void verify() {
                Map<String, Long> expected = new LinkedHashMap<>();
                files.stream().flatMap(List::stream).forEach(e -> expected.merge(e.table(), e.rows(), Long::sum));
                Map<String, Long> loaded = hq.inTransaction(c -> counts(c, expected.keySet()));
                if (!loaded.equals(expected)) {
                    throw new IllegalStateException("Derby's import left " + loaded + " instead of " + expected);
                }
            }

            @Override
            public void close() {
                hq.close();
            }
        };
    }

    private synchronized List<List<TableFile>> exports() {
        if (exports == null) {
            fixture.progress("exporting the loaded head office's rows file by file with Derby's export");
            try (Database hq = Database.open(fixture.importedHeadOffice().folder().resolve(CompanyFixture.DATABASE),
                    fixture.clock())) {
                Files.createDirectories(folder);
                List<CsvFile> files = fixture.files().files();
                exports = hq.inTransaction(c -> {
                    List<List<TableFile>> all = new ArrayList<>();
                    for (int i = 0; i < files.size(); i++) {
                        all.add(export(c, files.get(i), i));
                    }
                    return all;
                });
            } catch (IOException e) {
                throw new UncheckedIOException("could not make " + folder + ": " + e.getMessage(), e);
            }
        }
        return exports;
    }

    /** The rows {@code file} loaded, one export per table it fills, in load order. */
    private List<TableFile> export(Connection c, CsvFile file, int index) throws SQLException {
        String prefix = index + "-";
        return switch (file.kind()) {
            case AGENTS -> List.of(export(c, "AGENT", "", prefix));
            // the company has one products file; its words go with it (see WORDS)
            case PRODUCTS -> List.of(export(c, "PRODUCT", "", prefix), export(c, WORDS, "", prefix));
            case CUSTOMERS -> List.of(export(c, "CUSTOMER", "", prefix));
            case STOCK -> List.of(export(c, "STOCK", "", prefix));
            case PRICE_LISTS -> {
                String lists = quoted(firstColumn(file.file()));
                yield List.of(export(c, "PRICE_LIST", "WHERE code IN (" + lists + ")", prefix),
                        export(c, "PRICE_LIST_ROW", "WHERE price_list_code IN (" + lists + ")", prefix));
            }
            case SPECIAL_PRICES -> {
                String customers = "WHERE customer_code IN (" + quoted(firstColumn(file.file())) + ")";
                yield List.of(export(c, "SPECIAL_PRICE", customers, prefix),
                        export(c, "BACKEND_SPECIAL_PRICE", customers, prefix));
            }
            default -> throw new IllegalStateException("the company has no " + file.kind() + " file");
        };
    }

    /** The distinct values of a generated file's first column (its price lists, its customers). */
    private static TreeSet<String> firstColumn(Path file) {
        TreeSet<String> values = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(file);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader)) {
            for (CSVRecord record : parser) {
                values.add(record.get(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }

    /** Generated codes (capitals and digits) as an SQL list. */
    private static String quoted(TreeSet<String> codes) {
        List<String> quoted = new ArrayList<>();
        for (String code : codes) {
            if (!code.matches("[A-Z0-9-]+")) {
                throw new IllegalStateException("unexpected code " + code + " in the company's files");
            }
            quoted.add("'" + code + "'");
        }
        return String.join(", ", quoted);
    }

    private TableFile export(Connection c, String table, String where, String prefix) throws SQLException {
        return TableFile.export(c, table, where, folder.resolve(prefix + table.toLowerCase(Locale.ROOT) + ".csv"),
                name -> name);
    }

    private static Map<String, Long> counts(Connection c, Iterable<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table); ResultSet r = s.executeQuery()) {
                r.next();
                counts.put(table, r.getLong(1));
            }
        }
        return counts;
    }
}
