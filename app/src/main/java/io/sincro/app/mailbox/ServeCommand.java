package io.sincro.app.mailbox;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

/**
 * {@code sincro mailbox serve --root DIR}: an FTP server on a folder, with SincroAg and SincroSede
 * made in it, until Ctrl+C. It prints what stations need in their settings, then every login
 * and transfer.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves a folder as the FTP mailbox (embedded Apache FtpServer) until Ctrl+C, making SincroAg and"
                    + " SincroSede in it.",
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
        ServeOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        ZoneId zone = ZoneId.systemDefault();
        MailboxServer server = MailboxServer.start(options,
                event -> out.println(TIME.format(environment.clock().instant().atZone(zone)) + "  " + event));
        // Ctrl+C ends the JVM: the hook stops the server cleanly; an interrupt (tests) does the same below
        Thread stopper = new Thread(server::close, "sincro-mailbox-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            describe(out, server);
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running already
            }
            server.close();
        }
        out.println("Stopped serving " + server.root() + ".");
        return 0;
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
        out.println("The stations' sincro.properties need:");
        for (String line : server.clientSettings()) {
            out.println("  " + line);
        }
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
