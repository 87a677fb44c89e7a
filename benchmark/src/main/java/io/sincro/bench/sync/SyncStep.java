package io.sincro.bench.sync;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CompanySize;
import io.sincro.bench.company.PriceChange;
import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.db.Contents;
import io.sincro.db.Database;

/**
 * The benchmark's sync steps. Each run starts from a copy of the fixture's snapshot; the station
 * databases are opened before the clock starts (the engine is handed an open database) except
 * where every agent syncs in turn, where each agent's database is opened and closed within the
 * timed work, as each laptop would.
 *
 * <p>Rows are what the step carries by definition, counted from the company, not from the
 * engine's report: the same figure whatever the engine does.
 */
public final class SyncStep implements Step {

    /** The measured agent of the single-agent steps: the first one. */
    private static final int MEASURED_AGENT = 0;
    /** The head office's orders received from an agent, and their lines: the agent's code follows, quoted. */
    private static final String ORDERS_OF = "SELECT COUNT(*) FROM customer_order WHERE status = 'RECEIVED'"
            + " AND agent_code = ";
    private static final String LINES_OF = "SELECT COUNT(*) FROM order_line l JOIN customer_order o"
            + " ON o.series = l.series AND o.number = l.number WHERE o.status = 'RECEIVED' AND o.agent_code = ";

    public enum Kind {
        FIRST_PUBLISH("first-publish", "head office: first publish for every agent"),
        FIRST_SYNC("first-sync", "agent %s: first sync (full snapshot import)"),
        DELTA_PUBLISH("delta-publish", "head office: publish after 1%% of the prices changed"),
        DELTA_SYNC("delta-sync", "agent %s: sync after 1%% of the prices changed"),
        ORDERS_SEND("orders-send", "every agent sends its orders (each syncs in turn)"),
        ORDERS_RECEIVE("orders-receive", "head office receives every agent's orders"),
        MANY_ORDERS_SEND("many-orders-send", "agent %s sends %,d orders (its sync: several packages)"),
        MANY_ORDERS_RECEIVE("many-orders-receive", "head office receives agent %s's %,d orders");

        private final String id;
        /** A format: {@code %s} is the measured agent's code, {@code %,d} the many orders'. */
        private final String title;

        Kind(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public String id() {
            return id;
        }
    }

    private final Kind kind;
    private final SyncFixture fixture;
    private final CompanyFixture company;

    public SyncStep(Kind kind, SyncFixture fixture) {
        this.kind = kind;
        this.fixture = fixture;
        this.company = fixture.companyFixture();
    }

    /** Every sync step, in the order they run. */
    public static List<Step> all(SyncFixture fixture) {
        List<Step> steps = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            steps.add(new SyncStep(kind, fixture));
        }
        return steps;
    }

    public String measuredAgent() {
        return company.company().agentCode(MEASURED_AGENT);
    }

    @Override
    public String id() {
        return kind.id;
    }

    @Override
    public String title() {
        return String.format(Locale.ROOT, kind.title, measuredAgent(), fixture.manyOrders());
    }

    @Override
    public Trial prepare(TrialSpace space) {
        CompanySize size = company.company().size();
        String agent = measuredAgent();
        return switch (kind) {
            case FIRST_PUBLISH -> {
                Path hq = company.preparedHeadOffice().copyTo(space.folder().resolve("hq"));
                yield oneStation(space, hq, size.catalogRows() + size.customers() + size.specialPrices(), db -> { });
            }
            case FIRST_SYNC -> {
                fixture.publishedMailbox().copyTo(space.mailboxRoot());
                Path station = company.preparedStation(agent).copyTo(space.folder().resolve(agent));
                yield oneStation(space, station, size.firstSyncRows(), holds(size.firstSyncContents()));
            }
            case DELTA_PUBLISH -> {
                fixture.syncedMailbox().copyTo(space.mailboxRoot());
                Path hq = fixture.syncedHeadOffice().copyTo(space.folder().resolve("hq"));
                PriceChange.Changed changed;
                try (Database db = open(hq)) {
                    changed = new PriceChange(company.company()).applyTo(db);
                }
                yield oneStation(space, hq, changed.rows(), db -> { });
            }
            case DELTA_SYNC -> {
                fixture.deltaMailbox().copyTo(space.mailboxRoot());
                Path station = fixture.syncedStation(agent).copyTo(space.folder().resolve(agent));
                PriceSums published;
                // opened where it is, only read: a clean shutdown leaves the snapshot as it was
                try (Database hq = open(fixture.deltaHeadOffice().folder())) {
                    published = PriceSums.of(hq, agent);
                }
                yield oneStation(space, station, fixture.changed().reaching(agent), holds(size.firstSyncContents())
                        .andThen(db -> {
                            PriceSums arrived = PriceSums.of(db, agent);
                            if (!arrived.equals(published)) {
                                throw new IllegalStateException("after the delta " + db.station() + "'s prices add up to "
                                        + arrived + ", the head office's to " + published);
                            }
                        }));
            }
            case ORDERS_SEND -> {
                fixture.syncedMailbox().copyTo(space.mailboxRoot());
                List<Path> stations = new ArrayList<>();
                for (String code : company.company().agentCodes()) {
                    stations.add(fixture.stationWithOrders(code).copyTo(space.folder().resolve("stations").resolve(code)));
                }
                yield everyStation(space, stations, orderRows(size));
            }
            case ORDERS_RECEIVE -> {
                fixture.ordersSentMailbox().copyTo(space.mailboxRoot());
                Path hq = fixture.syncedHeadOffice().copyTo(space.folder().resolve("hq"));
                Contents before;
                try (Database db = open(hq)) {
                    before = db.inTransaction(Contents::of);
                }
                yield oneStation(space, hq, orderRows(size), holds(new Contents(before.agents(), before.customers(),
                        before.products(), before.priceListRows(), before.specialPrices(), before.stockRows(),
                        before.orders() + (long) size.agents() * size.ordersPerAgent())));
            }
            case MANY_ORDERS_SEND -> {
                fixture.syncedMailbox().copyTo(space.mailboxRoot());
                Path station = fixture.stationWithManyOrders(agent).copyTo(space.folder().resolve(agent));
                long orders = fixture.manyOrders();
                yield oneStation(space, station, orders * size.linesPerOrder(), db -> {
                    long sent = count(db, "SELECT COUNT(*) FROM customer_order WHERE status = 'SENT'");
                    if (sent != orders) {
                        throw new IllegalStateException("after its sync " + db.station() + " has " + sent
                                + " orders sent instead of " + orders);
                    }
                });
            }
            case MANY_ORDERS_RECEIVE -> {
                fixture.manyOrdersSentMailbox().copyTo(space.mailboxRoot());
                Path hq = fixture.syncedHeadOffice().copyTo(space.folder().resolve("hq"));
                long orders = fixture.manyOrders();
                long lines = orders * size.linesPerOrder();
                long ordersBefore;
                long linesBefore;
                try (Database db = open(hq)) {
                    ordersBefore = count(db, ORDERS_OF + "'" + agent + "'");
                    linesBefore = count(db, LINES_OF + "'" + agent + "'");
                }
                yield oneStation(space, hq, lines, db -> {
                    long received = count(db, ORDERS_OF + "'" + agent + "'") - ordersBefore;
                    long receivedLines = count(db, LINES_OF + "'" + agent + "'") - linesBefore;
                    if (received != orders || receivedLines != lines) {
                        throw new IllegalStateException("after its sync the head office holds " + received
                                + " more orders of " + agent + " with " + receivedLines + " lines instead of " + orders
                                + " with " + lines);
                    }
                });
            }
        };
    }

    private static long count(Database db, String query) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(query); ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }

    private static long orderRows(CompanySize size) {
        return (long) size.agents() * size.ordersPerAgent() * (1 + size.linesPerOrder());
    }

    /** Checks a station after its sync (untimed); throws when it does not hold what it should. */
    @FunctionalInterface
    private interface Check {
        void check(Database db);

        default Check andThen(Check next) {
            return db -> {
                check(db);
                next.check(db);
            };
        }
    }

    private static Check holds(Contents expected) {
        return db -> {
            Contents holds = db.inTransaction(Contents::of);
            if (!holds.equals(expected)) {
                throw new IllegalStateException("after the sync " + db.station() + " holds " + holds + " instead of "
                        + expected);
            }
        };
    }

    /** The sums of the prices an agent has: every price-list row, its customers' special prices. */
    private record PriceSums(BigDecimal priceLists, BigDecimal specialPrices) {

        static PriceSums of(Database db, String agentCode) {
            return db.inTransaction(c -> new PriceSums(sum(c, "SELECT SUM(price) FROM price_list_row", null),
                    sum(c, "SELECT SUM(price) FROM special_price WHERE customer_code IN"
                            + " (SELECT code FROM customer WHERE agent_code = ?)", agentCode)));
        }

        private static BigDecimal sum(Connection c, String query, String agentCode) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(query)) {
                if (agentCode != null) {
                    s.setString(1, agentCode);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    BigDecimal sum = r.getBigDecimal(1);
                    return sum == null ? BigDecimal.ZERO : sum.stripTrailingZeros();
                }
            }
        }
    }

    private Trial oneStation(TrialSpace space, Path station, long rows, Check check) {
        Database db = open(station);
        return new Trial() {
            @Override
            public long run() {
                fixture.engine().sync(db, space.mailbox(), station, company.clock());
                return rows;
            }

            @Override
            public void verify() {
                check.check(db);
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    private Trial everyStation(TrialSpace space, List<Path> stations, long rows) {
        return () -> {
            for (Path station : stations) {
                try (Database db = open(station)) {
                    fixture.engine().sync(db, space.mailbox(), station, company.clock());
                }
            }
            return rows;
        };
    }

    private Database open(Path station) {
        return Database.open(station.resolve(CompanyFixture.DATABASE), company.clock());
    }
}
