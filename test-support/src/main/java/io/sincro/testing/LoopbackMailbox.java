package io.sincro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/**
 * A mailbox on a real FTP server: the embedded {@link MailboxServer} ({@code sincro mailbox serve})
 * serving a folder on 127.0.0.1, on a free port, to one user.
 *
 * <p>As a JUnit 5 extension ({@link #withUser}, on a field that is not static) it serves a folder of
 * the test's own from before the test until after it, then removes the folder; {@link #serve}
 * serves a given folder until closed.
 *
 * <pre>{@code
 * @RegisterExtension
 * final LoopbackMailbox mailbox = LoopbackMailbox.withUser("sincro", "s3cret");
 *
 * @Test
 * void something() {
 *     try (Mailbox box = mailbox.open(clock)) { ... }
 *     assertThat(mailbox.packagesIn("SincroSede/A01")).containsExactly("HQ_to_A01_000000001.sincro");
 * }
 * }</pre>
 */
public final class LoopbackMailbox implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    private final String user;
    private final String password;
    private Path folder;
    private boolean ownFolder;
    private MailboxServer server;

    private LoopbackMailbox(String user, String password) {
        this.user = user;
        this.password = password;
    }

    /** An extension: a new folder served to {@code user} for each test. */
    public static LoopbackMailbox withUser(String user, String password) {
        return new LoopbackMailbox(user, password);
    }

    /** Serves {@code folder} (made if missing, with the mailbox folders in it) to {@code user} until closed. */
    public static LoopbackMailbox serve(Path folder, String user, String password) {
        LoopbackMailbox mailbox = new LoopbackMailbox(user, password);
        mailbox.start(folder);
        return mailbox;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ownFolder = true;
        start(TestFolder.make("sincro-mailbox-"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    private void start(Path served) {
        try {
            Files.createDirectories(served);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folder = served;
        server = MailboxServer.start(ServeOptions.loopback(served, 0).withUser(user, password));
    }

    /** The port the server listens on. */
    public int port() {
        return server().port();
    }

    /** The folder served. */
    public Path root() {
        return server().root();
    }

    /** A folder of the mailbox as the server keeps it on disk, such as {@code SincroSede/A01}. */
    public Path served(String mailboxFolder) {
        return root().resolve(mailboxFolder);
    }

    /** The files in a folder of the mailbox, temporary names included, by name; none when it does not exist. */
    public List<String> packagesIn(String mailboxFolder) {
        return filesIn(served(mailboxFolder));
    }

    /**
     * The files in {@code folder} on disk (a folder of a served mailbox), temporary names included, by
     * name; none when it does not exist.
     */
    public static List<String> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client's settings for this server: plain FTP, its user, the default timeouts and retries. */
    public FtpSettings settings() {
        return FtpSettings.of(ServeOptions.LOOPBACK, port(), user, password, TlsMode.NONE);
    }

    /** The mailbox as a station sees it, packages named {@code *.sincro}, with {@link #settings()}. */
    public Mailbox open(Clock clock) {
        return new FtpMailbox(settings(), PackageNames.endingWith(".sincro"), clock);
    }

    /**
     * Points the stations' settings at this server: the {@code ftp.port} line of each
     * {@code sincro.properties} in {@code stations} says this server's port.
     */
    public void pointAt(Path... stations) {
        for (Path station : stations) {
            Path settings = station.resolve("sincro.properties");
            try {
                Files.writeString(settings, Files.readString(settings)
                        .replaceAll("(?m)^ftp\\.port=\\d+$", "ftp.port=" + port()));
            } catch (IOException e) {
                throw new UncheckedIOException("could not point " + settings + " at the mailbox", e);
            }
        }
    }

    /** Stops serving; as an extension, removes the test's folder too. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (ownFolder) {
            TestFolder.remove(folder);
        }
    }

    private MailboxServer server() {
        if (server == null) {
            throw new IllegalStateException("the loopback mailbox is not serving: register it with @RegisterExtension"
                    + " on a field that is not static, or start it with LoopbackMailbox.serve");
        }
        return server;
    }
}
