package io.sincro.bench.agents;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.Trial;
import io.sincro.bench.measure.TrialSpace;
import io.sincro.db.Database;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.format.PackageStream;

/**
 * One head-office sync with many agents, timed whole (opening and closing its database aside):
 * with nothing new, with the senders' orders waiting, or after a special price of each sender's
 * changed. Each run checks afterwards that the sync did what it should, so a sync that quietly
 * did nothing never shows as fast.
 */
final class ManyAgentsStep implements Step {

    enum Kind {
        /** Nothing waits in the mailbox and nothing changed: what most of the head office's syncs are. */
        IDLE("idle", "head office sync, nothing new (rows: agents)"),
        /** The senders' orders wait in the mailbox. */
        SENDING("sending", "head office sync receiving the senders' orders (rows: orders and lines)"),
        /** A special price of each sender's first customer changed at the head office. */
        PUBLISH("publish", "head office sync publishing a changed special price to each sender (rows: prices)");

        private final String id;
        private final String title;

        Kind(String id, String title) {
            this.id = id;
            this.title = title;
        }

        String id() {
            return id;
        }
    }

    private final ManyAgentsFixture fixture;
    private final Kind kind;

    ManyAgentsStep(ManyAgentsFixture fixture, Kind kind) {
        this.fixture = fixture;
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    @Override
    public String id() {
        return kind.id + "-" + fixture.company().agents();
    }

    @Override
    public String title() {
        return kind.title + ", " + fixture.company().agents() + " agents";
    }

    @Override
    public Trial prepare(TrialSpace space) {
        ManyAgentsCompany company = fixture.company();
        Path hq = fixture.idleHeadOffice().copyTo(space.folder().resolve(ManyAgentsFixture.HQ));
        (kind == Kind.SENDING ? fixture.sendingMailbox() : fixture.idleMailbox()).copyTo(space.mailboxRoot());
        Database db = Database.open(hq.resolve(CompanyFixture.DATABASE), fixture.clock());
        long ordersBefore = db.inTransaction(ManyAgentsStep::orders);
        if (kind == Kind.PUBLISH) {
            changeOneSpecialPricePerSender(db);
        }
        long rows = switch (kind) {
            case IDLE -> company.agents();
            case SENDING -> (long) company.senders() * (1 + ManyAgentsCompany.LINES_PER_ORDER);
            case PUBLISH -> company.senders();
        };
        return new Trial() {
            private String summary = "";

            @Override
            public long run() {
                summary = fixture.engine().sync(db, space.mailbox(), hq, fixture.clock());
                return rows;
            }

            @Override
            public void verify() {
                switch (kind) {
                    case IDLE -> expect(summary.startsWith("0 package(s) sent, 0 received"), "nothing sent or received");
                    case SENDING -> expect(db.inTransaction(ManyAgentsStep::orders) == ordersBefore + company.senders()
                            && summary.contains(", " + company.senders() + " received"),
                            company.senders() + " packages received, holding " + company.senders() + " orders");
                    case PUBLISH -> expect(summary.startsWith(company.senders() + " package(s) sent, 0 received"),
                            company.senders() + " packages sent, nothing received");
                }
            }

            private void expect(boolean held, String what) {
                if (!held) {
                    throw new IllegalStateException("the head office's sync with " + company.agents() + " agents ("
                            + kind.id + ") should have " + what + ", and did this: " + summary);
                }
            }

            @Override
            public void close() {
                db.close();
            }
        };
    }

    /** Through the repository, stamped now by the head office, as a back-end reload would. */
    private void changeOneSpecialPricePerSender(Database db) {
        Instant now = fixture.clock().instant();
        SpecialPrices prices = new SpecialPrices();
        db.useTransaction(c -> {
            for (int a = 0; a < fixture.company().senders(); a++) {
                String customer = ManyAgentsCompany.customerCode(a, 0);
                List<SpecialPrice> held = prices.ofCustomer(c, customer);
                SpecialPrice first = held.get(0);
                prices.save(c, new SpecialPrice(customer, first.productCode(), first.price().add(BigDecimal.ONE),
                        first.discount(), now, PackageStream.HEAD_OFFICE));
            }
        });
    }

    private static long orders(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM customer_order"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
