package io.sincro.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.sincro.app.CliRun.Result;
import io.sincro.testing.LoopbackMailbox;

/**
 * Stations whose mailbox is a {@link LoopbackMailbox} (the embedded FTP server on a free loopback
 * port), and {@code sincro} run at them with the mailbox's password: what a sync leaves behind is
 * tested on what a real sync did.
 */
public final class LoopbackStations implements AutoCloseable {

    public static final String USER = "sincro";
    public static final String PASSWORD = "Sync-Pa55word";
    /**
     * What the head office's settings need before {@code hq prepare-agent} copies them into an agent's:
     * the mailbox on loopback, no retries (an unreachable mailbox fails at once); the port is set
     * each time the mailbox is served.
     */
    public static final String SETTINGS = "ftp.host=127.0.0.1\nftp.port=21\nftp.username=" + USER
            + "\nftp.tls=none\nftp.retries=0\n";

    private final LoopbackMailbox mailbox;
    private final Clock clock;

    private LoopbackStations(LoopbackMailbox mailbox, Clock clock) {
        this.mailbox = mailbox;
        this.clock = clock;
    }

    /** Serves {@code mailbox} and points the settings of {@code stations} at it. */
    public static LoopbackStations serve(Path mailbox, Clock clock, Path... stations) {
        LoopbackMailbox served = LoopbackMailbox.serve(mailbox, USER, PASSWORD);
        try {
            served.pointAt(stations);
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
        return new LoopbackStations(served, clock);
    }

    /** {@code sincro} at {@code station}, with the mailbox's password in its environment. */
    public CliRun at(Path station) {
        return new CliRun(station, clock, Map.of("SINCRO_FTP_PASSWORD", PASSWORD));
    }

    /** {@code sincro sync} at each station in turn, each of which must succeed. */
    public void sync(Path... stations) {
        for (Path station : stations) {
            Result result = at(station).run("sync");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
    }

    @Override
    public void close() {
        mailbox.close();
    }
}
