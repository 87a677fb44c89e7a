package io.sincro.web.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.office.orders.HeadOfficeOrder;
import io.sincro.office.orders.HeadOfficeOrders;
import io.sincro.testing.SampleCompany;
import io.sincro.web.WebApp;
import io.sincro.web.testing.Http;
import io.sincro.web.testing.TestStation;

/**
 * The head office's pages over plain HTTP, on the sample company's real head office: what each
 * page shows, that each action does what its command does (through the same module code), that
 * every form is refused without the session's form token, and that an upload is checked as the
 * command checks a file.
 */
class OfficePagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final Http http = new Http();
    @TempDir
    Path folder;
    private Database company;
    private WebApp app;
    private String session;

    @BeforeEach
    void serve() {
        company = SampleCompany.headOffice(folder.resolve("database"), clock);
        new HeadOfficeOrders().enter(company, new HeadOfficeOrder("A01", "C00001", null, null, "by phone",
                List.of(new HeadOfficeOrder.Line("P00001", new BigDecimal("5"), null, null)), null));
        app = WebApp.start(new TestStation(company, folder, clock), 0);
        session = http.session(app.startAddress());
    }

    @AfterEach
    void stop() {
        app.close();
        company.close();
    }

    @Test
    void theDashboardShowsEachAgentsHealthAndTheQueues() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"agent-A01\"").contains("id=\"agent-A02\"")
                .contains("Never synced: no package from this agent has arrived yet.")
                .contains("Agents needing attention: 3").contains("Nothing waits to be sent.")
                .contains("No package is set aside.");
    }

    @Test
    void theDashboardSpeaksItalianWhenTheBrowserAsks() {
        HttpResponse<String> page = get("/orders", "Accept-Language", "it-IT,it;q=0.9");

        assertThat(page.body()).contains("lang=\"it\"").contains("<h1>Ordini</h1>").contains("ricevuto")
                .contains("HQ/000001");
    }

    @Test
    void theOrdersListFiltersByStatusAndRefusesADateThatIsNone() {
        HttpResponse<String> received = get("/orders?status=received");
        HttpResponse<String> shipped = get("/orders?status=shipped");
        HttpResponse<String> bad = get("/orders?from=yesterday");

        assertThat(received.body()).contains("HQ/000001");
        assertThat(shipped.body()).doesNotContain("HQ/000001").contains("No order matches.");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("A date must be written as a date");
    }

    @Test
    void anOrderShowsItsLinesTotalAndHistoryAndOffersOnlyTheStatusesItMayTakeNow() {
        HttpResponse<String> page = get("/orders/HQ/1");

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("Order HQ/000001").contains("P00001").contains("id=\"total\"")
                .contains("<option value=\"accepted\"").contains("<option value=\"rejected\"")
                .contains("<option value=\"shipped\"").doesNotContain("<option value=\"sent\"");
        assertThat(get("/orders/HQ/99").statusCode()).isEqualTo(404);
        assertThat(get("/orders/HQ/x").statusCode()).isEqualTo(404);
    }

    @Test
    void settingAStatusRecordsItAsTheCommandDoesAndThenOffersOnlyWhatMayFollow() {
        HttpResponse<String> set = post("/orders/HQ/1/status", "status=shipped&reason=&expected=2026-03-09");
        HttpResponse<String> page = get("/orders/HQ/1");

        assertThat(set.statusCode()).as(set.body()).isEqualTo(303);
        assertThat(set.headers().firstValue("Location")).hasValue("/orders/HQ/1");
        assertThat(Sql.rows(company, "SELECT status, expected_delivery FROM customer_order WHERE series = 'HQ'"))
                .containsExactly(List.of("SHIPPED", "2026-03-09"));
        assertThat(page.body()).contains("<option value=\"shipped\"").doesNotContain("<option value=\"accepted\"");
    }

    @Test
    void aRejectionWithoutAReasonIsRefusedWithTheRuleAndChangesNothing() {
        HttpResponse<String> refused = post("/orders/HQ/1/status", "status=rejected&reason=");
        HttpResponse<String> badDate = post("/orders/HQ/1/status", "status=shipped&expected=next+week");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The status was not set").contains("reason");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("The expected delivery must be a date").contains("next week");
        assertThat(Sql.column(company, "SELECT status FROM customer_order")).containsExactly("RECEIVED");
    }

    @Test
    void customersShowTheirFiguresAndConflictsHaveTheirPage() {
        HttpResponse<String> list = get("/customers?search=C00001");
        HttpResponse<String> one = get("/customers/C00001");
        HttpResponse<String> conflicts = get("/conflicts");

        assertThat(list.body()).contains("href=\"/customers/C00001\"");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("No agent sent data that differs");
        assertThat(conflicts.body()).contains("No special-price conflicts");
        assertThat(get("/customers/NOBODY").statusCode()).isEqualTo(404);
    }

    @Test
    void republishingTheCatalogIsJournaledAndSaidOnTheDashboard() {
        HttpResponse<String> done = post("/republish", "what=catalog");

        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(get(done.headers().firstValue("Location").orElseThrow()).body())
                .contains("The catalog will be sent in full by the next sync");
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM journal WHERE event = 'REPUBLISH'")).isEqualTo(1);
        assertThat(post("/republish", "what=agent&agent=A09").body())
                .contains("Agent A09 is not in the company database");
    }

    @Test
    void anExportIsDownloadedOnceThenOnlyAgainEvenWithinOneSecond() {
        HttpResponse<String> first = post("/files/export", "kind=orders");
        HttpResponse<String> second = post("/files/export", "kind=orders");
        HttpResponse<String> again = post("/files/export", "kind=orders&again=1");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(first.headers().firstValue("Content-Disposition")).get().asString()
                .startsWith("attachment; filename=\"orders-");
        assertThat(first.body()).startsWith("order,").contains("HQ/000001");
        assertThat(second.body()).contains("No orders are waiting for the back-end");
        assertThat(again.body()).startsWith("order,").contains("HQ/000001");
        assertThat(folder.resolve("exports")).isDirectoryContaining("glob:**/orders-20260302-090000.csv")
                .isDirectoryContaining("glob:**/orders-20260302-090000-2.csv");
    }

    @Test
    void anUploadedFileIsLoadedAsTheCommandLoadsIt() {
        HttpResponse<String> loaded = upload("stock", "stock.csv", "product,quantity\nP00001,12\n");

        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        assertThat(loaded.body()).contains("Loaded stock.csv (stock): 1 rows, 0 new, 1 updated");
        assertThat(Sql.column(company, "SELECT quantity FROM stock WHERE product_code = 'P00001'"))
                .singleElement().asString().startsWith("12");
    }

    @Test
    void anUploadWithABadLineNamesTheLineAndStoresNothing() {
        HttpResponse<String> refused = upload("stock", "C:\\Users\\anna\\stock march.csv",
                "product,quantity\nP00001,12\nP00002,lots\n");

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Nothing of the file was stored").contains("stock_march.csv line 3");
        assertThat(Sql.column(company, "SELECT quantity FROM stock WHERE product_code = 'P00001'"))
                .singleElement().asString().startsWith("695");
        assertThat(folder).isDirectoryNotContaining("glob:**/.upload-*");
    }

    @Test
    void anUploadThatIsNotUtf8OrHasNoFileOrKindIsRefused() {
        HttpResponse<String> latin1 = upload("customers", "customers.csv", "code,name\nC1,Caff\u00e8\n",
                StandardCharsets.ISO_8859_1);
        HttpResponse<String> noFile = upload("stock", "", "");
        HttpResponse<String> noKind = upload("secrets", "stock.csv", "product,quantity\n");

        assertThat(latin1.statusCode()).isEqualTo(422);
        assertThat(latin1.body()).contains("is not UTF-8 text");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("Choose the CSV file to import.");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("That is not a kind of file");
    }

    @Test
    void everyFormIsRefusedWithoutTheSessionsFormToken() {
        for (String path : List.of("/republish", "/orders/HQ/1/status", "/files/export", "/files/import", "/sync")) {
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(address(path))
                    .header("Cookie", session).header("Origin", origin())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("what=all&status=accepted&kind=orders")));

            assertThat(refused.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(Sql.column(company, "SELECT status FROM customer_order")).containsExactly("RECEIVED");
        assertThat(Sql.count(company, "SELECT COUNT(*) FROM journal WHERE event = 'REPUBLISH'")).isZero();
        assertThat(folder.resolve("exports")).doesNotExist();
        // a sync started at this station without a mailbox would say it could not run
        assertThat(get("/sync").body()).doesNotContain("id=\"sync-running\"").doesNotContain("id=\"sync-failed\"")
                .doesNotContain("id=\"summary\"");
    }

    @Test
    void theDashboardsSyncButtonPostsTheSyncWhosePageShowsItsProgress() {
        HttpResponse<String> dashboard = get("/");
        HttpResponse<String> sync = get("/sync");

        assertThat(dashboard.body()).containsPattern("<form method=\"post\" action=\"/sync\"[^>]*>\\s*"
                + "<input type=\"hidden\" name=\"_csrf\" value=\"[^\"]+\">").contains("id=\"sync-now\"");
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
        assertThat(sync.body()).contains("Imports every agent’s packages").contains("id=\"start-sync\"")
                .contains("href=\"/sync\" aria-current=\"page\"");
    }

    @Test
    void anUploadLargerThanTheLimitIsRefusedBeforeItIsRead() throws IOException {
        String token = token();
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            // says 100 MB are coming, sends a few bytes: the answer must not wait for the rest
            out.write(("POST /files/import HTTP/1.1\r\nHost: 127.0.0.1:" + app.port() + "\r\nCookie: " + session
                    + "\r\nOrigin: " + origin() + "\r\nX-CSRF-Token: " + token
                    + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000000\r\n\r\n--b\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readHead(socket.getInputStream());

            assertThat(answer).startsWith("HTTP/1.1 413");
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private HttpResponse<String> get(String path, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = session;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.get(address(path), all);
    }

    private HttpResponse<String> post(String path, String form) {
        return http.send(HttpRequest.newBuilder(address(path)).header("Cookie", session).header("Origin", origin())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token() + "&" + form)));
    }

    private HttpResponse<String> upload(String kind, String fileName, String content) {
        return upload(kind, fileName, content, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> upload(String kind, String fileName, String content, Charset charset) {
        String boundary = "sincro-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("\\", "\\\\") + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(charset));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(address("/files/import")).header("Cookie", session)
                .header("Origin", origin()).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The form token the pages of this session carry. */
    private String token() {
        String page = get("/files").body();
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as(page).isTrue();
        return m.group(1);
    }

    private URI address(String path) {
        return app.address().resolve(path);
    }

    private String origin() {
        return "http://127.0.0.1:" + app.port();
    }
}
