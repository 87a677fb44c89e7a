package io.sincro.bench.loading;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import io.sincro.bench.company.CompanyFiles;
import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CsvFile;
import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.db.Database;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;

/**
 * Loading the company's files again into the loaded head office (a copy of it), one transaction per
 * file as {@code sincro hq import} does: unchanged, or with 1% of the rows of every price-list,
 * special-prices and stock file changed (every hundredth line, its price or quantity up 5%; the
 * files written once, untimed). Rows: every line of every file.
 */
public final class ReloadStep implements Step {

    /** One line in this many is changed. */
    static final int CHANGE_EVERY = 100;

    private final CompanyFixture fixture;
    private final boolean changed;
    private final Path folder;
    private CompanyFiles files;
    private long changedRows;

    /**
     * @param changed whether 1% of the rows change
     * @param folder  where the changed files are written
     */
    public ReloadStep(CompanyFixture fixture, boolean changed, Path folder) {
        this.fixture = fixture;
        this.changed = changed;
        this.folder = folder;
    }

    @Override
    public String id() {
        return changed ? "hq-reload-1pct" : "hq-reload";
    }

    @Override
    public String title() {
        return changed ? "head office: load the files again, 1% of the prices and stock changed"
                : "head office: load the unchanged files again";
    }

    /** How many rows the changed files change (0 for the unchanged reload). */
    public synchronized long changedRows() {
        files();
        return changedRows;
    }

    @Override
    public Trial prepare(TrialSpace space) {
        CompanyFiles reload = files();
        Path station = fixture.importedHeadOffice().copyTo(space.folder().resolve("hq"));
        Database hq = Database.open(station.resolve(CompanyFixture.DATABASE), fixture.clock());
        return new Trial() {
            private long updated;
            private long inserted;

            @Override
            public long run() {
                CsvImport csv = new CsvImport(hq);
                long rows = 0;
                updated = 0;
                inserted = 0;
                for (CsvFile f : reload.files()) {
                    ImportSummary summary = csv.load(f.kind(), f.file());
                    rows += summary.rows();
                    updated += summary.updated();
                    inserted += summary.inserted();
                }
                return rows;
            }

            @Override
            public void verify() {
                if (inserted != 0 || updated != changedRows) {
                    throw new IllegalStateException("the reload inserted " + inserted + " and updated " + updated
                            + " rows; expected none and " + changedRows);
                }
            }

            @Override
            public void close() {
                hq.close();
            }
        };
    }

    private synchronized CompanyFiles files() {
        if (files == null) {
            CompanyFiles original = fixture.files();
            if (!changed) {
                files = original;
                return files;
            }
            fixture.progress("writing the company's files with 1% of the prices and stock changed");
            List<CsvFile> written = new ArrayList<>();
            try {
                Files.createDirectories(folder);
                for (CsvFile f : original.files()) {
                    written.add(changeable(f.kind()) ? change(f) : f);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the changed files in " + folder + ": " + e.getMessage(), e);
            }
            files = new CompanyFiles(folder, written);
        }
        return files;
    }

    private static boolean changeable(ImportKind kind) {
        return kind == ImportKind.PRICE_LISTS || kind == ImportKind.SPECIAL_PRICES || kind == ImportKind.STOCK;
    }

    /** The file with every hundredth line's price (stock: quantity) 5% higher, or 1 more when it is 0. */
    private CsvFile change(CsvFile f) throws IOException {
        Path target = folder.resolve(f.file().getFileName());
        String column = f.kind() == ImportKind.STOCK ? "quantity" : "price";
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader reader = Files.newBufferedReader(f.file()); CSVParser parser = format.parse(reader);
             Writer writer = Files.newBufferedWriter(target);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                     .setHeader(parser.getHeaderNames().toArray(String[]::new)).setRecordSeparator("\n").build())) {
            int index = parser.getHeaderNames().indexOf(column);
            long line = 0;
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>(record.toList());
                if (++line % CHANGE_EVERY == 0) {
                    BigDecimal value = new BigDecimal(values.get(index));
                    BigDecimal moved = value.signum() == 0 ? BigDecimal.ONE
                            : value.multiply(new BigDecimal("1.05")).setScale(value.scale(), RoundingMode.HALF_UP);
                    if (moved.compareTo(value) == 0) {
                        moved = value.add(BigDecimal.ONE);
                    }
                    values.set(index, moved.toPlainString());
                    changedRows++;
                }
                printer.printRecord(values);
            }
        }
        return new CsvFile(f.kind(), target, f.rows());
    }
}
