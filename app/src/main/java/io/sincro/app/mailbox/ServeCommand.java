package io.sincro.app.mailbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;
import io.sincro.exchange.server.SftpMailboxServer;
import io.sincro.exchange.server.SftpServeOptions;

/**
 * {@code sincro mailbox serve --root DIR [--sftp]}: an FTP (or SFTP) server on a folder, with
 * SincroAg and SincroSede made in it, until Ctrl+C. It prints the certificate's or host key's
 * fingerprint and what stations need in their settings, then (FTP) every login and transfer.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a folder as the FTP mailbox (embedded Apache FtpServer), or with --sftp as an SFTP mailbox"
                    + " (embedded Apache MINA SSHD), until Ctrl+C, making SincroAg and SincroSede in it.",
            "Only this computer can connect unless --bind says otherwise; then --user and a password are required."
                    + " The password can come from the environment variable SINCRO_FTP_PASSWORD instead of --password."
        })
final class ServeCommand implements Callable<Integer> {

    static final String PASSWORD_VARIABLE = "SINCRO_FTP_PASSWORD";
    static final String KEY_STORE_PASSWORD_VARIABLE = "SINCRO_KEYSTORE_PASSWORD";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Spec
    private CommandSpec spec;

    @Option(names = "--root", paramLabel = "DIR", required = true, description = "The folder to serve.")
    private Path root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "2121",
            description = "The port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServeOptions.LOOPBACK,
            description = "The address to listen on; 0.0.0.0 for every network (default: ${DEFAULT-VALUE}, this computer only).")
    private String bind;

    @Option(names = "--user", paramLabel = "U", description = "The one user allowed in (default: anonymous, this computer only).")
    private String user;

    @Option(names = "--password", paramLabel = "P", description = "That user's password (or set SINCRO_FTP_PASSWORD).")
    private String password;

    @Option(names = "--tls", paramLabel = "MODE", defaultValue = "none",
            description = "none, explicit or implicit FTPS (default: ${DEFAULT-VALUE}); FTPS needs --keystore.")
    private String tls;

    @Option(names = "--sftp", description = "Serve SFTP instead of FTP; needs --user and a password or --authorized-keys.")
    private boolean sftp;

    @Option(names = "--host-key", paramLabel = "FILE",
            description = "With --sftp: the file keeping the server's host key, made on first start (default: DIR-host-key beside the served folder).")
    private Path hostKey;

    @Option(names = "--authorized-keys", paramLabel = "FILE",
            description = "With --sftp: an OpenSSH authorized_keys file whose keys may log in as --user.")
    private Path authorizedKeys;

    @Option(names = "--keystore", paramLabel = "FILE", description = "PKCS12 key store with the server's certificate, for FTPS.")
    private Path keyStore;

    @Option(names = "--keystore-password", paramLabel = "P",
            description = "The key store's password (or set SINCRO_KEYSTORE_PASSWORD).")
    private String keyStorePassword;

    private final AppEnvironment environment;

    ServeCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (sftp) {
            return serveSftp(out);
        }
        ServeOptions options = options();
        ZoneId zone = ZoneId.systemDefault();
        MailboxServer server = MailboxServer.start(options,
                event -> out.println(TIME.format(environment.clock().instant().atZone(zone)) + "  " + event));
        try {
            describe(out, server);
            awaitStop(server);
        } finally {
            server.close();
        }
        out.println("Stopped serving " + server.root() + ".");
        return 0;
    }

    private int serveSftp(PrintWriter out) {
        String userPassword = password != null ? password : environment.variables().get(PASSWORD_VARIABLE);
        if (!"none".equalsIgnoreCase(tls) || keyStore != null) {
            throw usage("--sftp and --tls/--keystore do not go together: SFTP is encrypted by SSH");
        }
        if (user == null || ((userPassword == null || userPassword.isEmpty()) && authorizedKeys == null)) {
            throw usage("--sftp needs --user and a password (--password or " + PASSWORD_VARIABLE
                    + "), or --authorized-keys FILE");
        }
        Path folder = environment.workingDirectory().resolve(root).normalize();
        Path keyFile = hostKey != null ? environment.workingDirectory().resolve(hostKey).normalize()
                : folder.resolveSibling(folder.getFileName() + "-host-key");
        SftpServeOptions options;
        try {
            options = new SftpServeOptions(folder, bind, port, user,
                    userPassword == null || userPassword.isEmpty() ? null : userPassword, keyFile,
                    authorizedKeys == null ? null : environment.workingDirectory().resolve(authorizedKeys));
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try (SftpMailboxServer server = SftpMailboxServer.start(options)) {
            out.println("Serving the mailbox " + server.root() + " on " + bind + ":" + server.port()
                    + " (SFTP), with the folders SincroAg and SincroSede.");
            out.println("Its host key (kept in " + keyFile + ") has the SHA-256 fingerprint " + server.hostKeySha256()
                    + "; stations pin it.");
            settingsLines(out, server.clientSettings());
            out.println("  and the password, in SINCRO_FTP_PASSWORD, ftp.passwordFile or ftp.password (or a key: ftp.privateKey)");
            out.println("Press Ctrl+C to stop.");
            out.flush();
            awaitStop(server);
        }
        out.println("Stopped serving " + folder + ".");
        return 0;
    }

    /**
     * Until Ctrl+C, which ends the JVM (a hook stops the server cleanly), or an interrupt (tests);
     * the caller then closes the server.
     */
    private static void awaitStop(AutoCloseable server) {
        Thread stopper = new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // the JVM is ending anyway
            }
        }, "sincro-mailbox-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
        }
    }

    private static void settingsLines(PrintWriter out, List<String> lines) {
        out.println("The stations' sincro.properties need:");
        for (String line : lines) {
            out.println("  " + line);
        }
    }

    private ServeOptions options() {
        TlsMode mode;
        try {
            mode = TlsMode.parse(tls);
        } catch (IllegalArgumentException e) {
            throw usage("--tls is '" + tls + "'; use none, explicit or implicit");
        }
        String userPassword = password != null ? password : environment.variables().get(PASSWORD_VARIABLE);
        if (user == null && password != null) {
            throw usage("--password needs --user: say which user it is for");
        }
        if (user != null && (userPassword == null || userPassword.isEmpty())) {
            throw usage("--user " + user + " needs a password: give --password, or set " + PASSWORD_VARIABLE);
        }
        if (mode != TlsMode.NONE && keyStore == null) {
            throw usage("--tls " + mode + " needs --keystore FILE, a PKCS12 key store with the server's certificate");
        }
        if (port < 0 || port > 65535) {
            throw usage("--port " + port + " is not a port; use 1 to 65535, or 0 for any free port");
        }
        Path folder = environment.workingDirectory().resolve(root).normalize();
        ServeOptions options = new ServeOptions(folder, bind, port, null, null, TlsMode.NONE, null, null);
        if (user != null) {
            options = options.withUser(user, userPassword);
        }
        if (mode != TlsMode.NONE) {
            String storePassword = keyStorePassword != null ? keyStorePassword
                    : environment.variables().get(KEY_STORE_PASSWORD_VARIABLE);
            options = options.withTls(mode, environment.workingDirectory().resolve(keyStore), storePassword);
        }
        return options;
    }

    private void describe(PrintWriter out, MailboxServer server) {
        out.println("Serving the mailbox " + server.root() + " on " + server.host() + ":" + server.port() + " ("
                + (tls.equalsIgnoreCase("none") ? "plain FTP" : TlsMode.parse(tls) + " FTPS")
                + "), with the folders SincroAg and SincroSede.");
        if (ServeOptions.LOOPBACK.equals(server.host())) {
            out.println("Only this computer can connect; to let other computers in, use --bind 0.0.0.0 with --user and a password.");
        }
        server.certificateSha256().ifPresent(fingerprint -> out.println("Its certificate has the SHA-256 fingerprint "
                + fingerprint + "; stations pin it."));
        settingsLines(out, server.clientSettings());
        if (user == null) {
            out.println("  ftp.password=guest   (any password works for anonymous access)");
        } else {
            out.println("  and the password, in SINCRO_FTP_PASSWORD, ftp.passwordFile or ftp.password");
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
