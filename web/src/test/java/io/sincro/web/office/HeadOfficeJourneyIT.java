package io.sincro.web.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.Database;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.Mailbox;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;
import io.sincro.sync.StationSync;
import io.sincro.sync.SyncReport;
import io.sincro.testing.LoopbackMailbox;
import io.sincro.testing.SampleStations;
import io.sincro.web.WebApp;
import io.sincro.web.testing.Browser;
import io.sincro.web.testing.TestStation;

/**
 * The head office's journey in a real headless Chromium: agent A01's order arrives through a real
 * sync (both stations syncing through the embedded FTP mailbox), a package of A02's was damaged on
 * the way and set aside; the dashboard shows A02 stuck, the head office accepts A01's order and
 * syncs with the dashboard's Sync now, whose summary the Sync page shows, and the status reaches A01
 * at its next sync.
 */
class HeadOfficeJourneyIT {

    private static final StationSetup HANDOVER = StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys);

    private static final Duration SYNC = Duration.ofSeconds(90);

    @RegisterExtension
    static final Browser browser = new Browser();
    @RegisterExtension
    final SampleStations stations = SampleStations.prepared(HANDOVER, "A01", "A02");
    @RegisterExtension
    final LoopbackMailbox mailbox = LoopbackMailbox.withUser("sincro", "s3cret-mailbox");

    private final TestClock clock = new TestClock(Rows.T0);

    @Test
    void theHeadOfficeSeesAStuckAgentAndAcceptsAnOrderThatCameThroughASync() throws IOException {
        try (Database hq = Database.open(stations.database(SampleStations.HEAD_OFFICE), clock);
                Database a01 = Database.open(stations.database("A01"), clock);
                Database a02 = Database.open(stations.database("A02"), clock)) {
            sync(hq, SampleStations.HEAD_OFFICE);
            sync(a01, "A01");
            sync(a02, "A02");
            AgentStation agent = new AgentStation(a01, clock);
            OrderNumber order = agent.orders().create("C00001", "by the window").number();
            agent.orders().addLine(order, NewLine.of("P00001", "12"));
            agent.orders().submit(order);
            sync(a01, "A01");
            damage(mailbox.served("SincroAg/A02").resolve("A02_to_HQ_000000001.sincro"));
            SyncReport received = sync(hq, SampleStations.HEAD_OFFICE);
            assertThat(received.problems()).as("the damaged package is refused").isNotEmpty();

            Path folder = stations.folder(SampleStations.HEAD_OFFICE);
            try (WebApp app = WebApp.start(TestStation.withMailbox(hq, folder, clock, mailbox::open), 0)) {
                WebDriver page = browser.driver();
                page.get(app.startAddress().toString());

                assertThat(page.findElement(By.id("agent-A02")).getText())
                        .contains("Stuck: A02_to_HQ_000000001.sincro set aside");
                assertThat(page.findElement(By.id("agent-A01")).getText()).contains("up to date");
                assertThat(page.findElement(By.id("set-aside")).getText()).contains("A02_to_HQ_000000001.sincro");
                browser.screenshot("dashboard-a02-stuck");

                page.findElement(By.linkText("Orders")).click();
                page.findElement(By.linkText("A01/000001")).click();
                assertThat(page.findElement(By.id("status")).getText()).isEqualTo("received");
                assertThat(page.findElement(By.id("lines")).getText()).contains("P00001").contains("12");
                new Select(page.findElement(By.id("new-status"))).selectByValue("accepted");
                page.findElement(By.id("reason")).sendKeys("confirmed by phone");
                browser.screenshot("order-a01-accepting");
                // from the keyboard: Enter on the focused button
                page.findElement(By.id("set-status")).sendKeys(Keys.ENTER);
                browser.waiting().until(ExpectedConditions.textToBe(By.id("status"), "accepted"));

                assertThat(page.findElement(By.id("history")).getText()).contains("accepted")
                        .contains("confirmed by phone");
                browser.screenshot("order-a01-accepted");

                // the status goes out with the head office's sync, started from the dashboard
                page.findElement(By.linkText("Home")).click();
                browser.screenshot("dashboard-sync-now");
                page.findElement(By.id("sync-now")).click();
                String summary = browser.waiting(SYNC).until(ExpectedConditions.presenceOfElementLocated(By.id("summary")))
                        .getText();
                assertThat(summary).contains("Sent 1 package.").contains("HQ_to_A01_")
                        .contains("A02_to_HQ_000000001.sincro was refused by an earlier sync");
                browser.screenshot("dashboard-sync-summary");
            }

            sync(a01, "A01");
            assertThat(Sql.rows(a01, "SELECT status, status_reason FROM customer_order"))
                    .containsExactly(List.of("ACCEPTED", "confirmed by phone"));
        }
    }

    private SyncReport sync(Database station, String name) {
        try (Mailbox box = mailbox.open(clock)) {
            return new StationSync(station, box, stations.folder(name), clock).run();
        }
    }

    /** One byte of the package changed in the mailbox, as a faulty or hostile server may. */
    private static void damage(Path served) throws IOException {
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
    }
}
