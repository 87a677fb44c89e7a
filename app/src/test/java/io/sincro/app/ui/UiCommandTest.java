package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.app.SincroCommand;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.db.testing.TestClock;
import io.sincro.web.testing.Http;

/** {@code sincro ui}: the station's pages served from the command, until it is stopped. */
class UiCommandTest {

    private static final Pattern ADDRESS = Pattern.compile("is at (http://127\\.0\\.0\\.1:\\d+/start\\?key=\\S+)");

    private final TestClock clock = TestClock.at(SampleHeadOffice.AT);

    @Test
    void servesTheStationUntilStoppedAndPrintsTheAddressToOpen(@TempDir Path folder) throws Exception {
        Path a01 = ExchangedStations.copyTo(folder).resolve(ExchangedStations.AGENT);
        CommandLine cli = SincroCommand.commandLine(new AppEnvironment(clock, Map.of(), a01));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread ui = new Thread(() -> exit.set(cli.execute("ui", "--no-browser")), "ui-under-test");
        ui.start();

        URI address = printedAddress(out, err, ui);
        Http http = new Http();
        String session = http.session(address);
        HttpResponse<String> home = http.get(address.resolve("/"), "Cookie", session);
        ui.interrupt();
        ui.join();

        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.body()).contains("Sincro · A01").contains("Last receive");
        assertThat(exit.get()).as(err.toString()).isZero();
    }

    @Test
    void aPortThatIsNoPortIsAUsageError(@TempDir Path folder) {
        Result result = new CliRun(folder, clock).run("ui", "--port", "70000");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("--port 70000 is not a port");
    }

    @Test
    void withoutAStationItSaysWhichSettingsAreMissing(@TempDir Path folder) {
        Result result = new CliRun(folder, clock).run("ui", "--no-browser");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("sincro.properties");
    }

    private static URI printedAddress(StringWriter out, StringWriter err, Thread ui) throws InterruptedException {
        while (ui.isAlive()) {
            Matcher m = ADDRESS.matcher(out.toString());
            if (m.find()) {
                return URI.create(m.group(1));
            }
            Thread.sleep(50);
        }
        throw new AssertionError("sincro ui ended without serving: " + out + err);
    }
}
