package io.sincro.app.hq;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.office.exports.BackEndExport;
import io.sincro.office.exports.ExportKind;
import io.sincro.office.exports.ExportSummary;

/** {@code sincro hq export KIND}: what the agents sent, as CSV for the back-end. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes what the agents sent that the back-end has not had yet to a CSV file: customers (those agents"
                    + " created), special-prices (agents' edits) or orders (one row per line, with the customer's"
                    + " details and the totals).",
            "Each row is exported once unless --again is given. The header is that of the import of the same kind,"
                    + " so the file loads back; cells a spreadsheet would run as formulas start with a quote."
        })
final class ExportCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class, completionCandidates = Kinds.class,
            description = "What to export: ${COMPLETION-CANDIDATES}.")
    private ExportKind kind;

    @Option(names = "--out", paramLabel = "FILE",
            description = "The file to write (default: exports/KIND-DATE-TIME.csv in the station folder); never overwritten.")
    private Path out;

    @Option(names = "--again", description = "Export every row of the kind, also those exported before.")
    private boolean again;

    private final AppEnvironment environment;

    ExportCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        StationFolder station = StationFolder.open(options, environment).requireHeadOffice("hq export");
        spec.commandLine().getOut().println(export(station, environment, kind, out, again));
        return 0;
    }

    /** Runs the export and says what it did, in one line. */
    static String export(StationFolder station, AppEnvironment environment, ExportKind kind, Path out, boolean again) {
        Path file = out != null ? environment.workingDirectory().resolve(out)
                : BackEndExport.fileIn(station.folder(), kind, environment.clock().instant());
        try (Database company = station.openDatabase()) {
            ExportSummary summary = new BackEndExport(company).export(kind, file, again);
            return summary.records() == 0
                    ? "No " + kind.plural() + " waiting for the back-end"
                            + (again ? "." : " (--again exports those sent before).")
                    : "Exported " + summary + " to " + summary.file() + ".";
        }
    }

    static final class KindConverter implements ITypeConverter<ExportKind> {
        @Override
        public ExportKind convert(String value) {
            return ExportKind.fromLabel(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a kind of export; use one of " + String.join(", ", ExportKind.labels())));
        }
    }

    static final class Kinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ExportKind.labels().iterator();
        }
    }
}
