package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;

/**
 * The sample company (scripts/sample) as a head-office database, loaded once per JVM: each test
 * gets a copy of that closed database instead of importing the CSV files again.
 */
public final class SampleCompany {

    private static Path template;

    private SampleCompany() {
    }

    /** Puts a copy of the sample company's head-office database in {@code databaseFolder}. */
    public static void copyTo(Path databaseFolder) {
        copy(template(), databaseFolder);
    }

    /** The sample CSV file of one kind, such as {@code price-lists}, found from any folder of the checkout. */
    public static Path csv(String kind) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path file = d.resolve("scripts/sample/" + kind + ".csv");
            if (Files.exists(file)) {
                return file;
            }
        }
        throw new IllegalStateException("scripts/sample/" + kind + ".csv not found above " + Path.of("").toAbsolutePath());
    }

    private static synchronized Path template() {
        if (template == null) {
            try {
                Path dir = Files.createTempDirectory("sincro-company-");
                try (Database company = Database.create(dir.resolve("database"), Station.headOffice(),
                        new TestClock(Rows.T0))) {
                    CsvImport loader = new CsvImport(company);
                    for (ImportKind kind : ImportKind.MASTER_DATA) {
                        loader.load(kind, csv(kind.label()));
                    }
                }
                template = dir.resolve("database");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return template;
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
