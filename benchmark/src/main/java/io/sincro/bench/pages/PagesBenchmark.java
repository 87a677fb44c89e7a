package io.sincro.bench.pages;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.OrderFilter;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.settings.Settings;
import io.sincro.app.ui.StationPages;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.sync.OrderEntry;
import io.sincro.bench.sync.SyncFixture;
import io.sincro.db.Database;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderNumber;
import io.sincro.office.stations.AgentStations;
import io.sincro.web.WebApp;

/**
 * How fast {@code sincro ui} answers its pages at agent A001's station after its first sync (the
 * company's whole catalog, with every price list and stock) and with its planned orders entered:
 * the web app started in this process as {@code sincro ui} starts it ({@link WebApp} over the app's
 * {@link StationPages}), a session taken through {@code /start?key=}, then real GETs over loopback,
 * each page {@value #WARM_UPS} times untimed and {@value #RUNS} times timed, from the request to
 * the body's last byte. Each answer must be 200 and show what the page is for, or the page fails.
 */
public final class PagesBenchmark {

    static final int WARM_UPS = 10;
    static final int RUNS = 50;
    /** What every page is judged against: the median and the 95th percentile. */
    static final double LIMIT_MILLIS = 50;
    private static final Duration GUARD = Duration.ofMinutes(2);
    /** A word in many products' descriptions (the generator's items "Vite autofilettante", "Vite legno"). */
    static final String MANY = "Vite";

    /** One page's timed runs. */
    public record Figure(String page, String path, List<Long> nanos) {

        public double medianMillis() {
            return percentile(50);
        }

        public double p95Millis() {
            return percentile(95);
        }

        /** Nearest rank: the smallest run at or above the given share of the runs. */
        double percentile(int percent) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
            return sorted[Math.max(rank, 1) - 1] / 1e6;
        }

        public boolean met() {
            return p95Millis() <= LIMIT_MILLIS;
        }
    }

    /** What was measured, and on what. */
    public record Result(long products, long priceListRows, List<Figure> figures) {
    }

    private record Page(String name, String path, String shows) {
    }

    private final SyncFixture fixture;
    private final SyntheticCompany company;
    private final Path work;
    private final Clock clock;
    private final Consumer<String> progress;

    public PagesBenchmark(SyncFixture fixture, SyntheticCompany company, Path work, Clock clock,
            Consumer<String> progress) {
        this.fixture = fixture;
        this.company = company;
        this.work = work;
        this.clock = clock;
        this.progress = progress;
    }

    public Result run() {
        String agent = company.agentCode(0);
        Path station = fixture.syncedStationFolder(agent).copyTo(work.resolve("pages").resolve(agent));
        AppEnvironment environment = new AppEnvironment(clock, Map.of(), station);
        Settings settings = Settings.load(station.resolve(AgentStations.SETTINGS_FILE), Map.of());
        try (Database database = Database.open(settings.databasePath(), clock, "scripts/bench --pages")) {
            progress.accept("pages: " + agent + " enters its " + company.ordersOf(0).size() + " orders (untimed)");
            new OrderEntry(clock).enter(database, company.ordersOf(0));
            Order entered = new AgentStation(database, clock).orders()
                    .list(new OrderFilter(null, null, OrderFilter.DEFAULT_LIMIT)).get(0).order();
            OrderNumber order = entered.number();
            String customer = company.customerCode(0, 0);
            String product = company.productCode(1);
            List<Page> pages = List.of(
                    new Page("home", "/", agent),
                    new Page("catalog: many products", "/catalog?q=" + MANY + "&customer=" + customer, MANY),
                    new Page("catalog: one code", "/catalog?q=" + encode(product) + "&customer=" + customer, product),
                    new Page("customers", "/customers", customer),
                    new Page("orders", "/orders", order.series()),
                    new Page("an order", "/orders/" + order.series() + "/" + order.number(), entered.customerCode()));
            try (WebApp app = WebApp.start(new StationPages(database, settings, environment), 0)) {
                HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(GUARD).build();
                HttpResponse<String> start = send(client, app.startAddress());
                if (start.statusCode() / 100 != 3) {
                    throw new IllegalStateException("/start answered " + start.statusCode() + " instead of a redirect:"
                            + " no session for the pages");
                }
                List<Figure> figures = new ArrayList<>();
                for (Page page : pages) {
                    figures.add(time(client, app.address(), page));
                }
                return new Result(company.size().products(), company.size().priceListRows(), figures);
            }
        }
    }

    private Figure time(HttpClient client, URI address, Page page) {
        URI uri = address.resolve(page.path());
        for (int i = 0; i < WARM_UPS; i++) {
            check(page, send(client, uri));
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = send(client, uri);
            nanos.add(System.nanoTime() - start);
            check(page, response);
        }
        Figure figure = new Figure(page.name(), page.path(), nanos);
        progress.accept(String.format(Locale.ROOT, "pages: %s (%s): median %.1f ms, 95th percentile %.1f ms",
                page.name(), page.path(), figure.medianMillis(), figure.p95Millis()));
        return figure;
    }

    private static void check(Page page, HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the page " + page.path() + " answered " + response.statusCode()
                    + " instead of 200: " + response.body().lines().limit(5).reduce("", (a, b) -> a + " " + b).strip());
        }
        if (!response.body().contains(page.shows())) {
            throw new IllegalStateException("the page " + page.path() + " answered 200 but does not show '"
                    + page.shows() + "': it did not do its work, so its time would mean nothing");
        }
    }

    private static HttpResponse<String> send(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(GUARD).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + uri, e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Prints the figures and their verdicts. */
    public static void print(Result result, PrintStream out) {
        out.printf(Locale.ROOT, "Sincro benchmark: web pages at one agent's station, %,d products, %,d price-list rows"
                + " (%d warm-up runs, then %d; request to last byte), Java %s, %d processors, load average %s%n%n",
                result.products(), result.priceListRows(), WARM_UPS, RUNS, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf(Locale.ROOT, "%-24s %10s %10s %8s  %s%n", "page", "median ms", "p95 ms", "target", "verdict");
        for (Figure f : result.figures()) {
            out.printf(Locale.ROOT, "%-24s %10.1f %10.1f %8s  %s%n", f.page(), f.medianMillis(), f.p95Millis(),
                    String.format(Locale.ROOT, "%.0f ms", LIMIT_MILLIS), f.met() ? "met" : "not met");
        }
        out.printf("%nA page meets its target when its 95th percentile is within it. Addresses:%n");
        for (Figure f : result.figures()) {
            out.printf("  %-24s %s%n", f.page(), f.path());
        }
    }

    static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).strip().split(" "))
                    .subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
