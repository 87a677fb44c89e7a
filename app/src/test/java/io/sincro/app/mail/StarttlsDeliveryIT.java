package io.sincro.app.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.ftp.Fingerprint;

/**
 * A STARTTLS delivery through a real SMTP server: Debian's aiosmtpd, started here with a throw-away
 * self-signed certificate and STARTTLS required before any mail command, storing what it takes in a
 * maildir. GreenMail, which MailNoticesTest uses, has no STARTTLS, and a stand-in written here could
 * not prove that Jakarta Mail's STARTTLS upgrade meets a real server's. Without python3-aiosmtpd the
 * test is skipped with one line saying why, unless {@code SINCRO_INTEROP_REQUIRED} is set (CI), where
 * that is a failure.
 */
class StarttlsDeliveryIT {

    private static final String ADMIN = "office@ferramentanord.it";
    /** Debian's interpreter: python3-aiosmtpd installs into its dist-packages, not another python3 on PATH. */
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String REQUIRED = "SINCRO_INTEROP_REQUIRED";
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private Process server;
    private Path maildir;
    private Path certificate;
    private int port;

    @BeforeEach
    void startAiosmtpdWithStarttlsRequired() throws Exception {
        requireAiosmtpd();
        Path tls = Files.createDirectories(dir.resolve("tls"));
        certificate = tls.resolve("cert.pem");
        Path key = tls.resolve("key.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out",
                certificate.toString());
        maildir = dir.resolve("maildir");
        port = freePort();
        // STARTTLS is required by default (no --no-requiretls): the server refuses mail in clear
        server = new ProcessBuilder(PYTHON.toString(), "-m", "aiosmtpd", "-n", "-l", "127.0.0.1:" + port, "-c",
                "aiosmtpd.handlers.Mailbox", "--tlscert", certificate.toString(), "--tlskey", key.toString(),
                maildir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("aiosmtpd.log").toFile()).start();
        awaitGreeting();
    }

    @AfterEach
    void stopTheServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theTestMessageGoesOverStarttlsOnceTheServerCertificateIsPinned() throws Exception {
        CliRun headOffice = headOfficeWith(starttls() + "mail.certificateSha256=" + fingerprintOf(certificate) + "\n");

        Result result = headOffice.run("check-connection", "--mail");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("OK    mail settings (starttls://127.0.0.1:" + port,
                "OK    send a test message to " + ADMIN);
        assertThat(received()).singleElement().satisfies(message ->
                assertThat(message.getSubject()).isEqualTo("Sincro: test message from head office"));
    }

    @Test
    void anUnpinnedSelfSignedCertificateIsRefusedWithItsFingerprintAndNothingGoes() throws Exception {
        CliRun headOffice = headOfficeWith(starttls());

        Result result = headOffice.run("check-connection", "--mail");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        String fingerprint = fingerprintOf(certificate);
        assertThat(result.out()).contains("FAIL  send a test message to " + ADMIN + ": the mail server 127.0.0.1:"
                + port + " presented a certificate Java does not trust (SHA-256 " + fingerprint + "); if it is your"
                + " server's, set mail.certificateSha256=" + fingerprint);
        assertThat(received()).isEmpty();
    }

    private String starttls() {
        return "mail.host=127.0.0.1\nmail.port=" + port + "\nmail.security=starttls\n"
                + "mail.from=sincro@ferramentanord.it\nmail.to=" + ADMIN + "\n";
    }

    private CliRun headOfficeWith(String mailSettings) throws IOException {
        SampleHeadOffice.copyTo(dir);
        Files.writeString(dir.resolve("sincro.properties"), mailSettings, StandardOpenOption.APPEND);
        return new CliRun(dir, clock);
    }

    /** The messages aiosmtpd stored: its Mailbox handler writes each to the maildir before it answers 250. */
    private List<MimeMessage> received() throws Exception {
        Path delivered = maildir.resolve("new");
        if (!Files.isDirectory(delivered)) {
            return List.of();
        }
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(delivered)) {
            return files.map(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return new MimeMessage(session, in);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot read " + file, e);
                }
            }).toList();
        }
    }

    private static String fingerprintOf(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return Fingerprint.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in))
                    .toString();
        }
    }

    private static void requireAiosmtpd() throws Exception {
        String why = null;
        if (!Files.isExecutable(PYTHON)) {
            why = PYTHON + " is not installed";
        } else {
            Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import aiosmtpd").redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor() != 0) {
                why = "aiosmtpd is not installed for " + PYTHON;
            }
        }
        if (why == null) {
            return;
        }
        String reason = "STARTTLS delivery test skipped: " + why + " (as root run .ci/interop-servers install, which"
                + " installs python3-aiosmtpd)";
        if (System.getenv(REQUIRED) != null) {
            Assertions.fail(reason.replace("skipped", "required but cannot run") + "; " + REQUIRED + " is set");
        }
        if (!TOLD.getAndSet(true)) {
            // once per test run, on the console: a skipped test must not pass unnoticed
            System.err.println(reason);
        }
        Assumptions.abort(reason);
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** Waits until aiosmtpd answers with its 220 greeting, or fails with its log if it ended. */
    private void awaitGreeting() throws Exception {
        for (int attempt = 0; ; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                socket.setSoTimeout(10_000);
                byte[] greeting = socket.getInputStream().readNBytes(3);
                if (new String(greeting, StandardCharsets.US_ASCII).equals("220")) {
                    return;
                }
            } catch (IOException notYet) {
                if (!server.isAlive() || attempt == 1200) {
                    Assertions.fail("aiosmtpd " + (server.isAlive() ? "still does not listen" : "ended with exit code "
                            + server.exitValue()) + " on port " + port + ": "
                            + Files.readString(dir.resolve("aiosmtpd.log")));
                }
                Thread.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
