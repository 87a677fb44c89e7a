package io.sincro.web.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.Database;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;
import io.sincro.sync.StationSync;
import io.sincro.testing.LoopbackMailbox;
import io.sincro.testing.SampleStations;
import io.sincro.web.WebApp;
import io.sincro.web.testing.Http;
import io.sincro.web.testing.TestStation;

/**
 * The home page announces new data from the head office and applies none of it (seed 001): it
 * checks when first shown, again once its last check is a day old or a sync received, and by
 * hand; the Update button is the Sync page's sync. Both stations sync through a real FTP mailbox.
 */
class UpdateAnnouncementTest {

    private static final StationSetup HANDOVER = StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys);
    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @RegisterExtension
    final SampleStations stations = SampleStations.prepared(HANDOVER, "A01");
    @RegisterExtension
    final LoopbackMailbox mailbox = LoopbackMailbox.withUser("sincro", "s3cret-mailbox");

    private final TestClock clock = new TestClock(Rows.T0);
    private final Http http = new Http();
    private Database hq;
    private Database a01;

    @BeforeEach
    void open() {
        hq = Database.open(stations.database(SampleStations.HEAD_OFFICE), clock);
        a01 = Database.open(stations.database("A01"), clock);
    }

    @AfterEach
    void close() {
        a01.close();
        hq.close();
    }

    @Test
    void atStartTheHomePageAnnouncesWhatWaitsAndAppliesNothing() {
        sync(hq, SampleStations.HEAD_OFFICE);
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());

            HttpResponse<String> home = http.get(app.address(), "Cookie", session);

            assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
            assertThat(home.body()).contains("New data from the head office waits in the mailbox (2 packages):")
                    .contains("<form method=\"post\" action=\"/sync\"").contains("id=\"update-now\"")
                    .contains("has not received anything from the head office yet");
            assertThat(mailbox.packagesIn("SincroSede/A01")).as("still waiting in the mailbox").isNotEmpty();
        }
    }

    @Test
    void withinADayTheHomePageDoesNotLookAgain() {
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());
            assertThat(http.get(app.address(), "Cookie", session).body()).contains("Up to date (checked at ");
            sync(hq, SampleStations.HEAD_OFFICE);
            clock.advance(Duration.ofHours(24).minusSeconds(1));

            HttpResponse<String> home = http.get(app.address(), "Cookie", session);

            assertThat(home.body()).contains("Up to date (checked at ").doesNotContain("New data from the head office");
        }
    }

    @Test
    void aDayAfterTheLastCheckTheHomePageLooksAgain() {
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());
            http.get(app.address(), "Cookie", session);
            sync(hq, SampleStations.HEAD_OFFICE);
            clock.advance(Duration.ofHours(24));

            HttpResponse<String> home = http.get(app.address(), "Cookie", session);

            assertThat(home.body()).contains("New data from the head office waits in the mailbox (2 packages):");
        }
    }

    @Test
    void thePollOfTheOpenHomePageLooksAgainAfterADay() {
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());
            assertThat(http.get(app.address(), "Cookie", session).body()).contains("hx-get=\"/update\"")
                    .contains("hx-trigger=\"every 600s\"");
            sync(hq, SampleStations.HEAD_OFFICE);
            clock.advance(Duration.ofHours(25));

            HttpResponse<String> poll = http.get(app.address().resolve("/update"), "Cookie", session);

            assertThat(poll.statusCode()).isEqualTo(200);
            assertThat(poll.body()).startsWith("<section id=\"update\"")
                    .contains("New data from the head office waits in the mailbox (2 packages):");
        }
    }

    @Test
    void checkNowLooksAtOnce() {
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());
            String home = http.get(app.address(), "Cookie", session).body();
            sync(hq, SampleStations.HEAD_OFFICE);

            HttpResponse<String> checked = post(app, session, "_csrf=" + token(home));

            assertThat(checked.statusCode()).as(checked.body()).isEqualTo(303);
            assertThat(checked.headers().firstValue("Location")).hasValue("/");
            assertThat(http.get(app.address(), "Cookie", session).body())
                    .contains("New data from the head office waits in the mailbox (2 packages):");
        }
    }

    @Test
    void checkNowWithoutTheFormTokenIsRefusedAndLooksAtNothing() {
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());
            http.get(app.address(), "Cookie", session);
            sync(hq, SampleStations.HEAD_OFFICE);

            HttpResponse<String> refused = post(app, session, "anything=1");

            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(http.get(app.address(), "Cookie", session).body()).contains("Up to date (checked at ");
        }
    }

    @Test
    void afterTheAgentSyncsTheHomePageSaysUpToDate() {
        sync(hq, SampleStations.HEAD_OFFICE);
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());
            assertThat(http.get(app.address(), "Cookie", session).body()).contains("waits in the mailbox (2 packages)");

            sync(a01, "A01");

            assertThat(http.get(app.address(), "Cookie", session).body()).contains("Up to date (checked at ")
                    .doesNotContain("New data from the head office");
        }
    }

    @Test
    void aMailboxThatCannotBeReachedIsSaidOnTheHomePageNotAnErrorPage() {
        // a server that was there and is gone: the port refuses connections
        FtpSettings gone = mailbox.settings().withRetries(0, Duration.ZERO);
        mailbox.close();
        try (WebApp app = serve(c -> new FtpMailbox(gone, PackageNames.endingWith(".sincro"), c))) {
            String session = http.session(app.startAddress());

            HttpResponse<String> home = http.get(app.address(), "Cookie", session);

            assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
            assertThat(home.body()).contains("Could not check the mailbox for new data at ")
                    .contains("nothing accepted the connection at 127.0.0.1:").contains("id=\"check-now\"")
                    .contains("Last receive");
        }
    }

    @Test
    void theAnnouncementInItalian() {
        sync(hq, SampleStations.HEAD_OFFICE);
        try (WebApp app = serve(mailbox::open)) {
            String session = http.session(app.startAddress());

            HttpResponse<String> home = http.get(app.address(), "Cookie", session, "Accept-Language", "it");

            assertThat(home.body()).contains("Nuovi dati dalla sede attendono nella casella (2 pacchetti):")
                    .contains("Aggiorna").contains("Controlla ora");
        }
    }

    private WebApp serve(Function<Clock, Mailbox> box) {
        return WebApp.start(TestStation.withMailbox(a01, stations.folder("A01"), clock, box), 0);
    }

    private HttpResponse<String> post(WebApp app, String session, String form) {
        return http.send(HttpRequest.newBuilder(app.address().resolve("/update/check"))
                .header("Cookie", session).header("Origin", "http://127.0.0.1:" + app.port())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String token(String page) {
        Matcher found = TOKEN.matcher(page);
        assertThat(found.find()).as(page).isTrue();
        return found.group(1);
    }

    private void sync(Database station, String name) {
        try (Mailbox box = mailbox.open(clock)) {
            new StationSync(station, box, stations.folder(name), clock).run();
        }
    }
}
