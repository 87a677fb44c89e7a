package io.sincro.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import io.sincro.app.CliRun.Result;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/**
 * The mailbox of a test's stations, served by the embedded FTP server on a free loopback port, and
 * {@code sincro sync} run against it: what a sync leaves behind is tested on what a real sync did.
 */
public final class LoopbackMailbox implements AutoCloseable {

    public static final String USER = "sincro";
    public static final String PASSWORD = "Sync-Pa55word";
    /**
     * What the head office's settings need before {@code hq prepare-agent} copies them into an agent's:
     * the mailbox on loopback, no retries (an unreachable mailbox fails at once); the port is set
     * each time the mailbox is served.
     */
    public static final String SETTINGS = "ftp.host=127.0.0.1\nftp.port=21\nftp.username=" + USER
            + "\nftp.tls=none\nftp.retries=0\n";

    private final MailboxServer server;
    private final Clock clock;

    private LoopbackMailbox(MailboxServer server, Clock clock) {
        this.server = server;
        this.clock = clock;
    }

    /** Serves {@code mailbox} and points the settings of {@code stations} at it. */
    public static LoopbackMailbox serve(Path mailbox, Clock clock, Path... stations) {
        try {
            Files.createDirectories(mailbox);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MailboxServer server = MailboxServer.start(ServeOptions.loopback(mailbox, 0).withUser(USER, PASSWORD));
        for (Path station : stations) {
            Path settings = station.resolve("sincro.properties");
            try {
                Files.writeString(settings, Files.readString(settings)
                        .replaceAll("(?m)^ftp\\.port=\\d+$", "ftp.port=" + server.port()));
            } catch (IOException e) {
                server.close();
                throw new UncheckedIOException(e);
            }
        }
        return new LoopbackMailbox(server, clock);
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
        server.close();
    }
}
