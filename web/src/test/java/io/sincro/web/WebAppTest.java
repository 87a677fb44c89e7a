package io.sincro.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.testing.EmptyStations;
import io.sincro.web.testing.TestStation;

/** Where the pages are served, and what the user is told when they cannot be. */
class WebAppTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Rome"));

    @Test
    void aFreePortOnLoopbackWhenNoneIsAsked(@TempDir Path folder) {
        try (Database database = EmptyStations.agent("A01", folder.resolve("database"), clock);
                WebApp app = WebApp.start(new TestStation(database, folder, clock), 0)) {
            assertThat(app.port()).isPositive();
            assertThat(app.startAddress().toString()).startsWith("http://127.0.0.1:" + app.port() + "/start?key=")
                    .hasSizeGreaterThan(("http://127.0.0.1:" + app.port() + "/start?key=").length() + 40);
        }
    }

    @Test
    void aTakenPortIsSaidWithWhatToDo(@TempDir Path folder) {
        try (Database database = EmptyStations.agent("A01", folder.resolve("database"), clock);
                WebApp first = WebApp.start(new TestStation(database, folder, clock), 0)) {
            assertThatThrownBy(() -> WebApp.start(new TestStation(database, folder, clock), first.port()))
                    .isInstanceOf(WebAppException.class)
                    .hasMessageStartingWith("port " + first.port() + " on 127.0.0.1 is taken")
                    .hasMessageContaining("choose another with --port");
        }
    }

    @Test
    void eachRunHasASecretOfItsOwn(@TempDir Path folder) {
        try (Database database = EmptyStations.agent("A01", folder.resolve("database"), clock);
                WebApp one = WebApp.start(new TestStation(database, folder, clock), 0);
                WebApp two = WebApp.start(new TestStation(database, folder, clock), 0)) {
            assertThat(one.startAddress().getQuery()).isNotEqualTo(two.startAddress().getQuery());
        }
    }
}
