package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.app.settings.Settings;
import io.sincro.db.testing.TestClock;
import io.sincro.web.testing.Http;

/**
 * The head office's Sync button, over HTTP on {@code sincro ui} at the head office whose mailbox is
 * the embedded FTP server: the dashboard's form posts the sync {@code sincro sync} runs, the Sync page
 * shows its summary with the e-mail warning {@code sincro sync} prints, and without the form token
 * nothing runs.
 */
class OfficeSyncTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestClock clock = TestClock.at(SampleHeadOffice.AT);
    private final Http http = new Http();

    @Test
    void theDashboardsSyncButtonRunsTheHeadOfficesSyncAndItsSummarySaysWhyNoMailWent(@TempDir Path folder)
            throws Exception {
        Path root = ExchangedStations.copyTo(folder);
        Path hq = root.resolve(ExchangedStations.HEAD_OFFICE);
        try (LoopbackStations mailbox = LoopbackStations.serve(root.resolve(ExchangedStations.MAILBOX), clock, hq)) {
            Files.writeString(hq.resolve(Settings.FILE_NAME), "mail.host=127.0.0.1\nmail.security=pigeon\n",
                    StandardOpenOption.APPEND);
            try (RunningUi ui = new RunningUi(hq, clock, Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD))) {
                String session = http.session(ui.startAddress());
                HttpResponse<String> dashboard = http.get(ui.startAddress().resolve("/"), "Cookie", session);
                assertThat(dashboard.body()).contains("id=\"sync-now\"");

                HttpResponse<String> refused = post(ui, session, "/sync", "");
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(http.get(ui.startAddress().resolve("/sync"), "Cookie", session).body())
                        .doesNotContain("id=\"summary\"").doesNotContain("id=\"sync-running\"");

                HttpResponse<String> started = post(ui, session, "/sync", "_csrf=" + token(dashboard.body()));
                assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
                assertThat(started.headers().firstValue("Location")).hasValue("/sync");
                String summary = summary(ui, session);

                assertThat(summary).contains("Sync finished in").contains("e-mail notices wait for the next sync: ")
                        .contains("mail.security");
            }
        }
    }

    private HttpResponse<String> post(RunningUi ui, String session, String path, String form) {
        URI address = ui.startAddress().resolve(path);
        return http.send(HttpRequest.newBuilder(address).header("Cookie", session)
                .header("Origin", "http://127.0.0.1:" + address.getPort())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The Sync page's summary, once the sync the pages started is over, as the page's poll finds it. */
    private String summary(RunningUi ui, String session) throws InterruptedException {
        while (true) {
            String progress = http.get(ui.startAddress().resolve("/sync/progress"), "Cookie", session).body();
            int at = progress.indexOf("id=\"summary\"");
            if (at >= 0) {
                return progress.substring(at);
            }
            assertThat(progress).as("the sync runs or is over").contains("id=\"sync-running\"");
            Thread.sleep(100);
        }
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a form token in " + page).isTrue();
        return m.group(1);
    }
}
