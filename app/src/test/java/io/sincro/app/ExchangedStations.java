package io.sincro.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import io.sincro.app.CliRun.Result;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;

/**
 * The sample head office and agent A01's station after their first exchange through the real
 * commands: {@code hq prepare-agent A01}, the head office's sync, then A01's, through a loopback
 * mailbox in {@code mailbox/}. Made once per JVM and copied for each caller; serve the copy's
 * mailbox with {@link LoopbackStations#serve} (it points the stations at the new port).
 */
public final class ExchangedStations {

    public static final String HEAD_OFFICE = "hq";
    public static final String AGENT = "a01";
    public static final String MAILBOX = "mailbox";

    private ExchangedStations() {
    }

    /** Puts {@code hq/}, {@code a01/} and {@code mailbox/} in {@code folder}; returns it. */
    public static Path copyTo(Path folder) {
        Templates.copy("the sample head office and A01 after their first exchange", ExchangedStations::make, folder);
        return folder;
    }

    private static void make(Path folder) throws Exception {
        Path hq = SampleHeadOffice.withLoopbackMailbox(folder.resolve(HEAD_OFFICE));
        TestClock clock = TestClock.at(SampleHeadOffice.AT);
        ok(new CliRun(hq, clock).run("hq", "prepare-agent", "A01", "--out", folder.resolve(AGENT).toString()));
        Files.createDirectories(folder.resolve(MAILBOX));
        try (LoopbackStations stations = LoopbackStations.serve(folder.resolve(MAILBOX), clock, hq, folder.resolve(AGENT))) {
            stations.sync(hq, folder.resolve(AGENT));
        }
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    private static void ok(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}
