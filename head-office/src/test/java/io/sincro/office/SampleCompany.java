package io.sincro.office;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.SampleFiles;
import io.sincro.db.testing.Templates;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;

/** The sample company under scripts/sample, the one the demo uses, loaded in import order. */
public final class SampleCompany {

    private SampleCompany() {
    }

    private static Path file(ImportKind kind) {
        return SampleFiles.csv(kind.label());
    }

    public static void load(Database company) {
        CsvImport csv = new CsvImport(company);
        for (ImportKind kind : ImportKind.MASTER_DATA) {
            csv.load(kind, file(kind));
        }
    }

    /**
     * A head office in {@code directory} with the sample company loaded at {@code clock}'s instant,
     * open with {@code clock}: a copy of one created and loaded so once per JVM.
     */
    public static Database loaded(Path directory, Clock clock) {
        Instant at = clock.instant();
        Templates.copy("the sample company loaded at " + at, folder -> {
            try (Database company = Database.create(folder, Station.headOffice(), Clock.fixed(at, ZoneOffset.UTC))) {
                load(company);
            }
        }, directory);
        return Database.open(directory, clock);
    }
}
