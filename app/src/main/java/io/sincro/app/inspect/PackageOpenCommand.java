package io.sincro.app.inspect;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.format.PackageHeader;
import io.sincro.format.ReadLimits;
import io.sincro.format.envelope.Envelope;
import io.sincro.format.envelope.Keyring;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.seal.Sealing;
import io.sincro.format.xml.PackageXml;
import io.sincro.sync.StationKeys;

/** {@code sincro package open FILE [--xml OUT]}: checks a package with the station's keys and says what it holds. */
@Command(name = "open",
        mixinStandardHelpOptions = true,
        description = {
            "Checks package FILE with this station's keys, as a sync would, and prints what it is: stream, number, kind, rows, how it is protected and by which key.",
            "With --xml, also writes its document (decrypted, when it travelled encrypted) to OUT.",
            "Applies nothing. The head office opens every agent's packages; an agent its own and the catalog."
        })
final class PackageOpenCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The package file, such as A01_to_HQ_000000042.sincro.")
    private Path file;

    @Option(names = "--xml", paramLabel = "OUT", description = "Write the package's document to OUT, a new file.")
    private Path xml;

    private final AppEnvironment environment;

    PackageOpenCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        StationFolder station = StationFolder.open(options, environment);
        Keyring keys = StationKeys.at(station.settings().databasePath()).load();
        PackageFiles files = new PackageFiles(new PackageXml(), Sealing.sha256(), keys, ReadLimits.standard());
        VerifiedPackage p = files.verify(environment.workingDirectory().resolve(file));
        PackageHeader h = p.header();
        PrintWriter out = spec.commandLine().getOut();
        out.println(p.name().fileName() + ": " + h.kind().name().toLowerCase() + (h.basedOn() > 0 ? " based on "
                + h.basedOn() : "") + ", from " + h.sender() + " to " + h.recipient() + ", " + h.totalRows()
                + " rows, written " + h.createdAt() + " (sender's clock " + h.senderClock() + "), format version "
                + h.formatVersion());
        Envelope envelope = files.envelope(p).orElse(null);
        if (envelope != null) {
            out.println("Encrypted under key " + envelope.keyId() + " (" + Envelope.CIPHER + "), authentic.");
        } else if (p.seal().signature() != null) {
            out.println("Signed with the head office's key " + p.seal().keyId() + " (Ed25519), "
                    + (keys.protects() ? "authentic." : "not checked: this station holds no keys."));
        } else {
            out.println("In clear, sealed with " + p.seal().algorithm() + " only: anyone could have written it.");
        }
        if (!h.acknowledgements().isEmpty()) {
            out.println("Acknowledges: " + h.acknowledgements().stream().map(a -> a.stream() + " " + a.sequence())
                    .collect(Collectors.joining(", ")));
        }
        h.counts().forEach(c -> out.println("  " + c.entity().section() + ": " + c.rows() + " rows, " + c.deletions()
                + " deletions"));
        if (xml != null) {
            Path target = environment.workingDirectory().resolve(xml);
            try (OutputStream document = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                files.document(p, document);
            }
            out.println("Wrote its document to " + target + ".");
        }
        return 0;
    }
}
