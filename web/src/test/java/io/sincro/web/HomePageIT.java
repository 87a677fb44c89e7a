package io.sincro.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.sincro.db.Database;
import io.sincro.testing.EmptyStations;
import io.sincro.web.testing.Browser;
import io.sincro.web.testing.TestStation;

/** The pages in a real headless Chromium: the session opens from the printed address, the layout reads. */
class HomePageIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Rome"));
    // one server for the class: the tests open sessions of their own and change nothing else
    private static Database database;
    private static WebApp app;

    @BeforeAll
    static void serve(@TempDir Path folder) {
        database = EmptyStations.agent("A01", folder.resolve("database"), CLOCK);
        app = WebApp.start(new TestStation(database, folder, CLOCK), 0);
    }

    @AfterAll
    static void stop() {
        app.close();
        database.close();
    }

    @Test
    void thePrintedAddressOpensTheHomePageWithoutTheKeyInTheAddressBar() {
        browser.driver().get(app.startAddress().toString());

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(app.address().toString());
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Home");
        assertThat(browser.driver().findElement(By.id("stale")).getText())
                .contains("has not received anything from the head office yet");
        browser.screenshot("home-never-synced");
    }

    @Test
    void theKeyboardReachesTheContentFirst() {
        browser.driver().get(app.startAddress().toString());

        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();

        assertThat(focused.getText()).isEqualTo("Skip to the content");
        browser.screenshot("skip-link-focused");
    }
}
