package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.app.cli.HandoffFile;
import io.sincro.app.cli.UiHandoff;
import io.sincro.app.settings.Settings;
import io.sincro.db.testing.TestClock;

/**
 * The way {@code sincro sync} and {@code sincro status} reach a running {@code sincro ui}: the handoff
 * file only its owner reads, and the ui's answer to requests over HTTP, the key's owner's and
 * everybody else's. {@code HandoffIT} runs the commands in processes of their own.
 */
class HandoffTest {

    private final TestClock clock = TestClock.at(SampleHeadOffice.AT);
    private Path a01;

    @BeforeEach
    void station(@TempDir Path folder) {
        a01 = ExchangedStations.copyTo(folder).resolve(ExchangedStations.AGENT);
    }

    @Test
    void theRunningUiWritesItsPortAndKeyForItsOwnerOnlyAndRemovesThemWhenItStops() throws Exception {
        Path file = a01.resolve(HandoffFile.NAME);
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            HandoffFile written = HandoffFile.readFrom(a01).orElseThrow();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(written.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(written.port()).isNotEqualTo(ui.startAddress().getPort());
            assertThat(written.key()).hasSizeGreaterThanOrEqualTo(40).doesNotContain(ui.startAddress().getQuery());
            assertThat(written.toString()).doesNotContain(written.key());
            assertThat(ui.output()).contains("sincro sync and sincro status at this station run in here");
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void statusHandedToTheUiPrintsWhatTheCommandPrintsAndItsExitCode() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            UiHandoff handoff = UiHandoff.find(settings(Map.of())).orElseThrow();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = handoff.run("status", Map.of(), new PrintWriter(out), new PrintWriter(err));

            assertThat(exit).as(out + "" + err).isZero();
            assertThat(out.toString()).contains("Station:   agent A01").contains("Last receive: ")
                    .contains("Outbound queue: empty");
        }
    }

    @Test
    void aCommandWhoseEnvironmentGivesAnotherPasswordIsRefusedNamingItButNotItsValue() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            UiHandoff handoff = UiHandoff.find(settings(Map.of(Settings.PASSWORD_VARIABLE, "an0ther-secret")))
                    .orElseThrow();
            StringWriter out = new StringWriter();

            assertThatThrownBy(() -> handoff.run("sync", Map.of(), new PrintWriter(out), new PrintWriter(out)))
                    .hasMessage("sincro ui (process " + ProcessHandle.current().pid() + ") holds this station and"
                            + " refused to run sincro sync: it was started with other settings or environment than"
                            + " this command's (they differ in the FTP password (SINCRO_FTP_PASSWORD, else"
                            + " ftp.passwordFile's content, else ftp.password)); stop it (Ctrl-C in its window) and"
                            + " run sincro sync again, or restart sincro ui after editing the settings");
            assertThat(out.toString()).isEmpty();
            assertThat(ui.output()).doesNotContain("an0ther-secret");
        }
    }

    @Test
    void settingsEditedAfterTheUiStartedAreRefusedNamingTheKey() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            Files.writeString(a01.resolve(Settings.FILE_NAME), "\nsync.maxAgeDays=9\n", StandardOpenOption.APPEND);
            UiHandoff handoff = UiHandoff.find(settings(Map.of())).orElseThrow();
            StringWriter out = new StringWriter();

            assertThatThrownBy(() -> handoff.run("status", Map.of(), new PrintWriter(out), new PrintWriter(out)))
                    .hasMessageContaining("refused to run sincro status: it was started with other settings or"
                            + " environment than this command's (they differ in sync.maxAgeDays); stop it");
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void stoppingTheUiLetsAHandedSyncUnderWayEndAndItsExitCodeReachTheCommand() throws Exception {
        Map<String, String> variables = Map.of(Settings.PASSWORD_VARIABLE, LoopbackStations.PASSWORD);
        // a mailbox that takes the connection and says nothing until the test hangs up
        try (ServerSocket mailbox = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Files.writeString(a01.resolve(Settings.FILE_NAME), "\nftp.host=127.0.0.1\nftp.port=" + mailbox.getLocalPort()
                    + "\nftp.retries=0\n", StandardOpenOption.APPEND);
            RunningUi ui = new RunningUi(a01, clock, variables);
            UiHandoff handoff = UiHandoff.find(settings(variables)).orElseThrow();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CompletableFuture<Integer> sync = CompletableFuture.supplyAsync(() ->
                    handoff.run("sync", Map.of(), new PrintWriter(out), new PrintWriter(err)));
            CompletableFuture<Integer> stopped;
            try (Socket underWay = mailbox.accept()) {
                stopped = CompletableFuture.supplyAsync(() -> {
                    try {
                        return ui.stop();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // the ui began to stop: it removes its handoff file first
                while (Files.exists(a01.resolve(HandoffFile.NAME))) {
                    Thread.sleep(20);
                }
            }

            assertThat(sync.get()).as(out + "" + err).isEqualTo(1);
            assertThat(err.toString()).contains("connection to ftp://sincro@127.0.0.1:" + mailbox.getLocalPort()
                    + " failed").contains("The sync did not finish");
            assertThat(stopped.get()).isZero();
        }
    }

    @Test
    void aWrongKeyIsRefusedAndRunsNothing() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            HandoffFile file = HandoffFile.readFrom(a01).orElseThrow();

            HttpResponse<String> answer = post(file.port(), "/sync", file.key() + "x", null);

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).isEqualTo("the key is not the one in " + a01.resolve(HandoffFile.NAME)
                    + "; run the command as the user who started sincro ui");
        }
    }

    @Test
    void aRequestWithoutTheKeyIsRefused() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            HandoffFile file = HandoffFile.readFrom(a01).orElseThrow();

            HttpResponse<String> answer = post(file.port(), "/status", null, null);

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).startsWith("the key is not the one in ");
        }
    }

    @Test
    void onlyAPostHandsOverACommand() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            HandoffFile file = HandoffFile.readFrom(a01).orElseThrow();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + file.port() + "/status"))
                    .header(UiHandoff.KEY_HEADER, file.key()).GET().build();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(get, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(405);
            assertThat(answer.body()).isEqualTo("only POST hands a command to sincro ui");
        }
    }

    @Test
    void aWebPageCannotHandOverACommandEvenWithTheKey() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            HandoffFile file = HandoffFile.readFrom(a01).orElseThrow();

            HttpResponse<String> answer = post(file.port(), "/status", file.key(), "http://127.0.0.1:" + file.port());

            assertThat(answer.statusCode()).isEqualTo(403);
            assertThat(answer.body()).isEqualTo("a web page may not hand commands to sincro ui");
        }
    }

    @Test
    void aRequestNamingAnotherHostIsRefused() throws Exception {
        try (RunningUi ui = new RunningUi(a01, clock, Map.of())) {
            HandoffFile file = HandoffFile.readFrom(a01).orElseThrow();

            String answer = rawPost(file.port(), "rebound.example:" + file.port(), file.key());

            assertThat(answer).startsWith("HTTP/1.1 403")
                    .endsWith("the request names the host rebound.example:" + file.port() + ", not 127.0.0.1:"
                            + file.port());
        }
    }

    @Test
    void aHandoffFileOfAProcessThatIsGoneLeadsNowhere() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new HandoffFile(1, "key", gone.pid(), database()).writeTo(a01);

        assertThat(UiHandoff.find(settings(Map.of()))).isEmpty();
    }

    @Test
    void aCommandLeavesTheHandoffFileOfALiveUiOfAnotherDatabaseInTheFolder() throws Exception {
        Process otherUi = new ProcessBuilder("sleep", "600").start();
        try {
            HandoffFile other = new HandoffFile(1, "key", otherUi.pid(), a01.resolve("other-database"));
            other.writeTo(a01);

            Result status = new CliRun(a01, clock).run("status");

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(HandoffFile.readFrom(a01)).hasValue(other);
        } finally {
            otherUi.destroyForcibly().waitFor();
        }
    }

    @Test
    void aCommandRemovesTheHandoffFileOfItsDatabaseWhoseUiIsGone() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        new HandoffFile(1, "key", gone.pid(), database()).writeTo(a01);

        Result status = new CliRun(a01, clock).run("status");

        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(a01.resolve(HandoffFile.NAME)).doesNotExist();
    }

    private Path database() {
        return settings(Map.of()).databasePath();
    }

    /** The station's settings as a command run with {@code variables} in its environment reads them. */
    private Settings settings(Map<String, String> variables) {
        return Settings.load(a01.resolve(Settings.FILE_NAME), variables);
    }

    private static HttpResponse<String> post(int port, String path, String key, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(""));
        if (key != null) {
            request.header(UiHandoff.KEY_HEADER, key);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST over a raw socket: java.net.http does not let a request name its own Host. */
    private static String rawPost(int port, String host, String key) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /status HTTP/1.1\r\nHost: " + host + "\r\n" + UiHandoff.KEY_HEADER + ": " + key
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
