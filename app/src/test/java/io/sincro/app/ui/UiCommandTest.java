package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;
import io.sincro.web.testing.Http;

/** {@code sincro ui}: the station's pages served from the command, until it is stopped. */
class UiCommandTest {

    private static final Pattern ADDRESS = Pattern.compile("is at (http://127\\.0\\.0\\.1:\\d+/start\\?key=\\S+)");

    private final TestClock clock = TestClock.at(SampleHeadOffice.AT);

    @Test
    void servesTheStationUntilStoppedAndPrintsTheAddressToOpen(@TempDir Path folder) throws Exception {
        Path a01 = ExchangedStations.copyTo(folder).resolve(ExchangedStations.AGENT);
        RunningUi ui = new RunningUi(a01, clock, Map.of());

        Http http = new Http();
        String session = http.session(ui.startAddress());
        HttpResponse<String> home = http.get(ui.startAddress().resolve("/"), "Cookie", session);
        int exit = ui.stop();

        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.body()).contains("Sincro · A01").contains("Last receive");
        assertThat(exit).as(ui.output()).isZero();
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
}
