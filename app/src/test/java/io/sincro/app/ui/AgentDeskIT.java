package io.sincro.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.SampleFiles;
import io.sincro.db.testing.TestClock;
import io.sincro.web.testing.Browser;

/**
 * The agent's journeys in a real headless Chromium, on {@code sincro ui} at a station whose mailbox
 * is the embedded FTP server, with the head office's side run through its real commands: an
 * agent's first sync with its progress, then a price the head office changed announced on the
 * home page without being applied, until the agent's Update; an order from a template with a stock warning, checked,
 * submitted, withdrawn and submitted again, sent, and its status coming back. Screenshots of
 * each step go to app/target/screenshots/.
 */
class AgentDeskIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Duration SYNC = Duration.ofSeconds(90);
    private final TestClock clock = TestClock.at(SampleHeadOffice.AT);

    @Test
    void anAgentsFirstSyncShowsItsPackagesAndFillsTheStation(@TempDir Path folder) throws Exception {
        Path hq = SampleHeadOffice.withLoopbackMailbox(folder.resolve("hq"));
        Path a01 = folder.resolve("a01");
        ok(new CliRun(hq, clock).run("hq", "prepare-agent", "A01", "--out", a01.toString()));
        Files.createDirectories(folder.resolve("mailbox"));
        try (LoopbackStations stations = LoopbackStations.serve(folder.resolve("mailbox"), clock, hq, a01)) {
            stations.sync(hq);
            try (RunningUi ui = new RunningUi(a01, clock, password())) {
                WebDriver page = browser.driver();
                page.get(ui.startAddress().toString());
                assertThat(page.findElement(By.id("stale")).getText()).contains("has not received anything");
                browser.screenshot("first-sync-1-home-before");

                browser.clickThrough(By.linkText("Sync"));
                browser.clickThrough(By.id("start-sync"));
                WebElement summary = browser.waiting(SYNC).until(presenceOfElementLocated(By.id("summary")));

                assertThat(summary.getText()).contains("Sync finished").contains("Received 2 packages");
                assertThat(page.findElement(By.id("steps")).getText()).contains("fetching").contains("importing")
                        .contains("HQ_catalog");
                browser.screenshot("first-sync-2-summary");
                browser.clickThrough(By.linkText("Home"));
                assertThat(page.findElements(By.id("stale"))).isEmpty();
                assertThat(page.findElement(By.id("last-receive")).getText()).isNotEqualTo("never");
                browser.screenshot("first-sync-3-home-after");

                // what the sync brought: the catalog with a customer's price and the stock
                browser.open(ui.startAddress(), "/catalog?q=P0000&customer=C00001");
                assertThat(page.findElement(By.id("product-P00001")).getText())
                        .contains("Vite autofilettante 3x16 zincata").contains("€22.00").contains("695");
                browser.screenshot("first-sync-4-catalog");

                // the head office changes a price: a day later the home page announces it, applying nothing
                Path prices = folder.resolve("price-lists.csv");
                Files.writeString(prices, Files.readString(SampleFiles.csv("price-lists"))
                        .replace("BASE,Listino base,P00001,22.00", "BASE,Listino base,P00001,23.50"));
                ok(new CliRun(hq, clock).run("hq", "import", "price-lists", prices.toString()));
                stations.sync(hq);
                clock.advance(Duration.ofHours(24));
                browser.open(ui.startAddress(), "/");
                assertThat(page.findElement(By.id("update-waiting")).getText())
                        .contains("New data from the head office waits in the mailbox (").contains("Update");
                browser.screenshot("update-1-announced");
                browser.open(ui.startAddress(), "/catalog?q=P00001&customer=C00001");
                assertThat(page.findElement(By.id("product-P00001")).getText()).contains("€22.00");
                // the agent chooses when: Update is the Sync page's sync
                browser.open(ui.startAddress(), "/");
                browser.clickThrough(By.id("update-now"));
                assertThat(browser.waiting(SYNC).until(presenceOfElementLocated(By.id("summary"))).getText())
                        .contains("Sync finished");
                browser.open(ui.startAddress(), "/catalog?q=P00001&customer=C00001");
                assertThat(page.findElement(By.id("product-P00001")).getText()).contains("€23.50");
                browser.clickThrough(By.linkText("Home"));
                assertThat(page.findElement(By.id("up-to-date")).getText()).startsWith("Up to date (checked at ");
                browser.screenshot("update-2-applied");

                // a new customer: every problem of the VAT check at once, then created
                browser.open(ui.startAddress(), "/customers/new");
                page.findElement(By.id("name")).sendKeys("Colorificio Verdi");
                page.findElement(By.id("vat")).sendKeys("123");
                page.findElement(By.id("address")).sendKeys("Via Moroni 3");
                page.findElement(By.id("city")).sendKeys("Bergamo");
                browser.clickThrough(By.id("create-customer"));
                assertThat(page.findElement(By.id("problem")).getText()).contains("VAT number 123 has 3 digits");
                browser.screenshot("first-sync-5-customer-refused");
                WebElement vat = page.findElement(By.id("vat"));
                vat.clear();
                vat.sendKeys("IT00743110157");
                browser.clickThrough(By.id("create-customer"));
                assertThat(page.findElement(By.id("notice")).getText()).contains("reaches the head office");
                assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Colorificio Verdi (A01-00001)");
            }
        }
    }

    @Test
    void anOrderFromATemplateIsWarnedCheckedSubmittedWithdrawnSentAndItsStatusComesBack(@TempDir Path folder) throws Exception {
        Path root = ExchangedStations.copyTo(folder);
        Path hq = root.resolve(ExchangedStations.HEAD_OFFICE);
        Path a01 = root.resolve(ExchangedStations.AGENT);
        try (LoopbackStations stations = LoopbackStations.serve(root.resolve(ExchangedStations.MAILBOX), clock, hq, a01);
                RunningUi ui = new RunningUi(a01, clock, password())) {
            WebDriver page = browser.driver();
            page.get(ui.startAddress().toString());

            // an order kept as a template
            browser.open(ui.startAddress(), "/orders/new?customer=C00001");
            browser.clickThrough(By.id("create"));
            browser.clickThrough(By.id("find-products"));
            page.findElement(By.id("q")).sendKeys("P00001");
            browser.clickThrough(By.id("search"));
            WebElement quantity = page.findElement(By.id("qty-P00001"));
            quantity.clear();
            quantity.sendKeys("10");
            browser.screenshot("order-0-catalog");
            browser.clickThrough(By.id("add-P00001"));
            assertThat(page.findElement(By.id("line-1")).getText()).contains("P00001").contains("€220.00");
            page.findElement(By.id("template-name")).sendKeys("settimanale");
            browser.clickThrough(By.id("save-template"));

            // a new order from it, for more than the stock
            browser.open(ui.startAddress(), "/orders/new?customer=C00001");
            new Select(page.findElement(By.id("template"))).selectByValue("settimanale");
            browser.screenshot("order-1-from-template");
            browser.clickThrough(By.id("create"));
            assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Order A01/000002");
            assertThat(page.findElement(By.id("notice")).getText()).contains("made from the template");
            setQuantity(page, 1, "999999");
            assertThat(page.findElement(By.id("stock-warnings")).getText())
                    .contains("line 1: 999,999 of P00001 asked, 695 in stock");
            browser.screenshot("order-2-stock-warning");
            setQuantity(page, 1, "12");
            assertThat(page.findElements(By.id("stock-warnings"))).isEmpty();

            // check, then submit
            browser.clickThrough(By.id("check"));
            assertThat(page.findElement(By.id("check-ok")).getText()).contains("consistent");
            browser.screenshot("order-3-checked");
            browser.clickThrough(By.id("submit"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("Submitted");
            assertThat(page.findElement(By.id("status")).getText()).contains("submitted");
            browser.screenshot("order-4-submitted");

            // not left yet: withdrawn to draft, then submitted again
            browser.clickThrough(By.id("withdraw"));
            assertThat(page.findElement(By.id("notice")).getText()).contains("Withdrawn");
            assertThat(page.findElement(By.id("status")).getText()).contains("draft");
            browser.clickThrough(By.id("check"));
            browser.clickThrough(By.id("submit"));

            // sent with the next sync
            sync(page, ui);
            assertThat(page.findElement(By.id("summary")).getText()).contains("Sent 1 package");
            assertThat(page.findElement(By.id("steps")).getText()).contains("sending").contains("A01_to_HQ");
            browser.screenshot("order-5-sent");

            // the head office accepts it, and the status comes back
            CliRun office = stations.at(hq);
            ok(office.run("sync"));
            ok(office.run("hq", "order-status", "A01/000002", "accepted", "--expected-delivery", "2026-03-12"));
            ok(office.run("sync"));
            sync(page, ui);
            browser.open(ui.startAddress(), "/orders");
            WebElement row = page.findElement(By.xpath("//table[@id='orders']//tr[td/a[text()='A01/000002']]"));
            assertThat(row.getText()).contains("accepted").contains("12 Mar 2026");
            browser.screenshot("order-6-status-back");
        }
    }

    private static void setQuantity(WebDriver page, int line, String quantity) {
        WebElement field = page.findElement(By.id("quantity-" + line));
        field.clear();
        field.sendKeys(quantity);
        browser.clickThrough(By.id("set-" + line));
    }

    private static void sync(WebDriver page, RunningUi ui) {
        browser.open(ui.startAddress(), "/sync");
        browser.clickThrough(By.id("start-sync"));
        browser.waiting(SYNC).until(presenceOfElementLocated(By.id("summary")));
    }

    private static Map<String, String> password() {
        return Map.of("SINCRO_FTP_PASSWORD", LoopbackStations.PASSWORD);
    }

    private static void ok(Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }
}
