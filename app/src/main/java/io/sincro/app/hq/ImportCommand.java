package io.sincro.app.hq;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.imports.ImportSummary;

/** {@code sincro hq import KIND FILE}: loads one CSV file of the back-end, all or nothing. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Loads a CSV file exported by the company's back-end into the company database.",
            "The file is UTF-8 with a header row; one bad line and nothing of the file is stored.",
            "Load the kinds in this order: agents, products, price-lists, customers, special-prices, stock.",
            "The columns of each kind are in README.md."
        })
final class ImportCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class, completionCandidates = Kinds.class,
            description = "What the file holds: ${COMPLETION-CANDIDATES}.")
    private ImportKind kind;

    @Parameters(index = "1", paramLabel = "FILE", description = "The CSV file to load.")
    private Path file;

    private final AppEnvironment environment;

    ImportCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq import");
        try (Database company = station.openDatabase()) {
            ImportSummary summary = new CsvImport(company).load(kind, environment.workingDirectory().resolve(file));
            spec.commandLine().getOut().println("Loaded " + summary + ".");
        }
        return 0;
    }

    static final class KindConverter implements ITypeConverter<ImportKind> {
        @Override
        public ImportKind convert(String value) {
            return ImportKind.fromLabel(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a kind of file; use one of " + String.join(", ", ImportKind.labels())));
        }
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ImportKind.labels().iterator();
        }
    }
}
