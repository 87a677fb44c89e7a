package io.sincro.office;

import java.nio.file.Files;
import java.nio.file.Path;

import io.sincro.db.Database;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;

/** The sample company under scripts/sample, the one the demo uses, loaded in import order. */
public final class SampleCompany {

    private SampleCompany() {
    }

    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path sample = dir.resolve("scripts").resolve("sample");
            if (Files.isDirectory(sample)) {
                return sample;
            }
        }
        throw new IllegalStateException("scripts/sample not found above " + Path.of("").toAbsolutePath());
    }

    public static Path file(ImportKind kind) {
        return folder().resolve(kind.label() + ".csv");
    }

    public static void load(Database company) {
        CsvImport csv = new CsvImport(company);
        for (ImportKind kind : ImportKind.MASTER_DATA) {
            csv.load(kind, file(kind));
        }
    }
}
