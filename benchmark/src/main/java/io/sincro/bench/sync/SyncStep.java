package io.sincro.bench.sync;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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

    public enum Kind {
        FIRST_PUBLISH("first-publish", "head office: first publish for every agent"),
        FIRST_SYNC("first-sync", "agent %s: first sync (full snapshot import)"),
        DELTA_PUBLISH("delta-publish", "head office: publish after 1%% of the prices changed"),
        DELTA_SYNC("delta-sync", "agent %s: sync after 1%% of the prices changed"),
        ORDERS_SEND("orders-send", "every agent sends its orders (each syncs in turn)"),
        ORDERS_RECEIVE("orders-receive", "head office receives every agent's orders");

        private final String id;
        /** A format: {@code %s} is the measured agent's code. */
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
        return String.format(kind.title, measuredAgent());
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
        };
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
