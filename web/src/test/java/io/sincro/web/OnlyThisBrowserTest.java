package io.sincro.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.testing.EmptyStations;
import io.sincro.web.testing.Http;
import io.sincro.web.testing.TestStation;

/**
 * Only the browser that opened this run's address drives the station: the secret, the Host header
 * and the form token, tested over plain HTTP as another program or another site's page would try.
 */
class OnlyThisBrowserTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneId.of("Europe/Rome"));
    private final Http http = new Http();
    private Database database;
    private WebApp app;

    @BeforeEach
    void serve(@TempDir Path folder) {
        database = EmptyStations.agent("A01", folder.resolve("database"), clock);
        app = WebApp.start(new TestStation(database, folder, clock), 0);
    }

    @AfterEach
    void stop() {
        app.close();
        database.close();
    }

    @Test
    void theSecretBecomesAnHttpOnlyStrictSessionCookieAndLeavesTheAddressBar() {
        HttpResponse<String> started = http.get(app.startAddress());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location")).hasValue("/");
        assertThat(started.headers().firstValue("Set-Cookie")).get().asString()
                .startsWith("sincro_session=").contains("HttpOnly").contains("SameSite=Strict");
        assertThat(started.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void theSessionOpensTheHomePage() {
        String session = http.session(app.startAddress());

        HttpResponse<String> home = http.get(app.address(), "Cookie", session);

        assertThat(home.statusCode()).as(home.body()).isEqualTo(200);
        assertThat(home.body()).contains("Last receive").contains("has not received anything from the head office yet");
    }

    @Test
    void aRequestWithoutTheSessionIsRefusedWithWhatToDo() {
        HttpResponse<String> home = http.get(app.address());

        assertThat(home.statusCode()).isEqualTo(403);
        assertThat(home.body()).contains("open the address sincro ui printed");
    }

    @Test
    void theStylesheetAndScriptsNeedTheSessionToo() {
        assertThat(http.get(app.address().resolve("/assets/htmx.min.js")).statusCode()).isEqualTo(403);

        String session = http.session(app.startAddress());
        HttpResponse<String> htmx = http.get(app.address().resolve("/assets/htmx.min.js"), "Cookie", session);
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("htmx");
    }

    @Test
    void aWrongSecretOpensNoSession() {
        URI guessed = URI.create(app.address() + "start?key=guessed");

        HttpResponse<String> started = http.get(guessed);

        assertThat(started.statusCode()).isEqualTo(403);
        assertThat(started.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(started.body()).contains("not this run's");
    }

    @Test
    void anotherHostNameIsRefusedEvenWithTheSession() {
        String session = http.session(app.startAddress());

        // a page of evil.example whose name now points at 127.0.0.1 (DNS rebinding)
        HttpResponse<String> rebound = http.get(app.address(), "Cookie", session, "Host", "evil.example:" + app.port());

        assertThat(rebound.statusCode()).isEqualTo(403);
        assertThat(rebound.body()).contains("This address is not Sincro");
    }

    @Test
    void localhostIsThisServerToo() {
        String session = http.session(app.startAddress());

        HttpResponse<String> home = http.get(app.address(), "Cookie", session, "Host", "localhost:" + app.port());

        assertThat(home.statusCode()).isEqualTo(200);
    }

    @Test
    void aPostWithoutTheFormTokenIsRefused() {
        String session = http.session(app.startAddress());

        HttpResponse<String> posted = post(session, "http://127.0.0.1:" + app.port(), "anything=1");

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("not from the current Sincro session");
    }

    @Test
    void aPostFromAnotherSiteIsRefusedEvenWithTheToken() {
        String session = http.session(app.startAddress());
        String token = token(session);

        HttpResponse<String> posted = post(session, "http://evil.example", "_csrf=" + token);

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).contains("did not come from Sincro");
    }

    @Test
    void aPostWithoutAnOriginIsRefused() {
        String session = http.session(app.startAddress());

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(app.address().resolve("/nothing-here"))
                .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token(session))));

        assertThat(posted.statusCode()).isEqualTo(403);
    }

    @Test
    void aPostWithTheTokenOfAnotherSessionIsRefused() {
        String mine = http.session(app.startAddress());
        String other = http.session(app.startAddress());

        HttpResponse<String> posted = post(mine, "http://127.0.0.1:" + app.port(), "_csrf=" + token(other));

        assertThat(posted.statusCode()).isEqualTo(403);
    }

    @Test
    void aPostFromThesePagesWithTheTokenPassesTheGuard() {
        String session = http.session(app.startAddress());

        HttpResponse<String> posted = post(session, "http://localhost:" + app.port(), "_csrf=" + token(session));

        // past the guard, to the router: nothing answers this address
        assertThat(posted.statusCode()).isEqualTo(404);
    }

    @Test
    void theBrowsersLanguageChoosesItalian() {
        String session = http.session(app.startAddress());

        HttpResponse<String> home = http.get(app.address(), "Cookie", session, "Accept-Language", "it-IT,it;q=0.9,en;q=0.8");

        assertThat(home.body()).contains("lang=\"it\"").contains("Ultima ricezione");
    }

    private HttpResponse<String> post(String session, String origin, String form) {
        return http.send(HttpRequest.newBuilder(app.address().resolve("/nothing-here"))
                .header("Cookie", session).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The form token the pages of {@code session} carry (in htmx's headers on the body). */
    private String token(String session) {
        String page = http.get(app.address(), "Cookie", session).body();
        int at = page.indexOf("X-CSRF-Token");
        assertThat(at).as(page).isPositive();
        String rest = page.substring(at).replace("&#34;", "\"").replace("&quot;", "\"");
        String after = rest.substring(rest.indexOf(':') + 1);
        int open = after.indexOf('"');
        return after.substring(open + 1, after.indexOf('"', open + 1));
    }
}
