package io.sincro.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.ExchangedStations;
import io.sincro.app.settings.Settings;

/**
 * The command's side of a handoff against a ui that misbehaves, made for real with the JDK's HTTP
 * server in place of {@code sincro ui}: one that goes quiet is given up on with a sentence saying
 * what to do, and its signs of life ({@link UiHandoff#KEEP_ALIVE}) print nothing.
 */
class UiHandoffTest {

    private final CountDownLatch released = new CountDownLatch(1);
    private Settings settings;
    private HttpServer ui;

    @BeforeEach
    void station(@TempDir Path folder) throws IOException {
        Path a01 = ExchangedStations.copyTo(folder).resolve(ExchangedStations.AGENT);
        settings = Settings.load(a01.resolve(Settings.FILE_NAME), Map.of());
        ui = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        ui.start();
        // this process stands for the ui's, so the file names a live process
        new HandoffFile(ui.getAddress().getPort(), "the-key", ProcessHandle.current().pid(), settings.databasePath())
                .writeTo(a01);
    }

    @AfterEach
    void stop() {
        released.countDown();
        ui.stop(0);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // only so a broken test cannot hang the build; nothing is timed
    void aUiThatGoesQuietIsGivenUpOnSayingWhatToDo() {
        ui.createContext("/sync", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().flush();
            awaitRelease();
        });
        UiHandoff handoff = UiHandoff.find(settings).orElseThrow().withIdleTimeout(Duration.ofSeconds(1));
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> handoff.run("sync", Map.of(), new PrintWriter(out), new PrintWriter(out)))
                .hasMessage("sincro ui (process " + ProcessHandle.current().pid() + ") holds this station and sent"
                        + " nothing about sincro sync for 1 s, not even the sign of life it sends every 15 s, so it"
                        + " seems stuck; what sincro sync did there is in sincro log: stop sincro ui (Ctrl-C in its"
                        + " window, or end process " + ProcessHandle.current().pid() + ") and run sincro sync again");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void signsOfLifePrintNothingAndTheCommandEndsWithItsExitCode() throws Exception {
        ui.createContext("/sync", exchange -> answer(exchange, frames -> {
            keepAlive(frames);
            text(frames, UiHandoff.OUT, "Received nothing new.\n");
            keepAlive(frames);
            text(frames, UiHandoff.ERR, "a warning\n");
            frames.writeByte(UiHandoff.EXIT);
            frames.writeInt(3);
        }));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = UiHandoff.find(settings).orElseThrow().run("sync", Map.of(), new PrintWriter(out),
                new PrintWriter(err));

        assertThat(exit).isEqualTo(3);
        assertThat(out.toString()).isEqualTo("Received nothing new.\n");
        assertThat(err.toString()).isEqualTo("a warning\n");
    }

    @Test
    void aUiThatHangsUpIsNamedWithHowItFailed() {
        ui.createContext("/status", exchange -> {
            // the JDK's server closes the connection when a handler fails
            throw new IOException("the ui fails");
        });
        UiHandoff handoff = UiHandoff.find(settings).orElseThrow();
        StringWriter out = new StringWriter();

        assertThatThrownBy(() -> handoff.run("status", Map.of(), new PrintWriter(out), new PrintWriter(out)))
                .hasMessageContaining("and sincro status could not run there: 127.0.0.1:" + ui.getAddress().getPort()
                        + " (from " + settings.folder().resolve(HandoffFile.NAME) + ") closed the connection before it"
                        + " answered; run sincro status again, or stop sincro ui and run it")
                .message().doesNotContain("null");
    }

    private interface Frames {
        void write(DataOutputStream frames) throws IOException;
    }

    private static void answer(HttpExchange exchange, Frames frames) throws IOException {
        try (exchange) {
            exchange.sendResponseHeaders(200, 0);
            DataOutputStream body = new DataOutputStream(exchange.getResponseBody());
            frames.write(body);
            body.flush();
        }
    }

    private static void keepAlive(DataOutputStream frames) throws IOException {
        frames.writeByte(UiHandoff.KEEP_ALIVE);
        frames.writeInt(0);
        frames.flush();
    }

    private static void text(DataOutputStream frames, int kind, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        frames.writeByte(kind);
        frames.writeInt(bytes.length);
        frames.write(bytes);
        frames.flush();
    }

    private void awaitRelease() {
        try {
            released.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
