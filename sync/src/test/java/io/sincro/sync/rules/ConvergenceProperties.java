package io.sincro.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import io.sincro.db.Database;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.rules.conflicts.PriceVersion;
import io.sincro.rules.flow.NewestWins;
import io.sincro.sync.Exchanges;
import io.sincro.sync.Sample;
import io.sincro.testing.EmptyStations;

/**
 * Special prices converge: whatever both sides edit or delete, with whatever (wrong) clocks, and
 * however their packages travel (in flight for a while, crossing each other, several unacknowledged
 * deltas overlapping), once the packages stop crossing both sides hold the same version of every
 * price, and no side's last change was beaten by an older version.
 *
 * <p>Real Derby stations and real packages; each try works on a customer of its own, so the two
 * stations are made once for the whole property.
 */
class ConvergenceProperties {

    private static final String[] PRODUCTS = {"P1", "P2", "P3"};

    /** One step of a history. */
    sealed interface Step {
    }

    /** A side sets a price, stamped {@code minute} minutes after T0 (clocks disagree: ties and reversals happen). */
    record Edit(boolean atHeadOffice, int product, int cents, int minute) implements Step {
    }

    /** A side deletes a price, stamped like an edit. */
    record Delete(boolean atHeadOffice, int product, int minute) implements Step {
    }

    /** A side writes its next package; it stays in flight until delivered. */
    record Write(boolean fromHeadOffice) implements Step {
    }

    /** The oldest package in flight towards a side is imported there. */
    record Deliver(boolean toHeadOffice) implements Step {
    }

    private Path dir;
    private TestClock clock;
    private Database hq;
    private Database agent;
    private Exchanges exchange;
    private int customers;
    private final Deque<WrittenPackage> towardsAgent = new ArrayDeque<>();
    private final Deque<WrittenPackage> towardsHeadOffice = new ArrayDeque<>();
    private final SpecialPrices prices = new SpecialPrices();
    private final Tombstones tombstones = new Tombstones();
    private final NewestWins newestWins = new NewestWins();

    @BeforeProperty
    void twoStations() throws IOException {
        dir = Files.createTempDirectory("sincro-convergence-");
        clock = new TestClock(Sample.T0);
        hq = EmptyStations.headOffice(dir.resolve("hq"), clock);
        agent = EmptyStations.agent("A01", dir.resolve("a01"), clock);
        exchange = new Exchanges(dir.resolve("mailbox"));
        hq.useTransaction(c -> {
            for (String p : PRODUCTS) {
                new Products().save(c, Rows.product(p), clock.instant());
            }
        });
        // a new agent takes the catalog (the prices refer to its products), then its own full package
        deliver(exchange.full(hq, PackageStream.catalog()), false);
        deliver(exchange.full(hq, PackageStream.toAgent("A01")), false);
        deliver(write(false), true);
    }

    @AfterProperty
    void close() throws IOException {
        agent.close();
        hq.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 50, shrinking = ShrinkingMode.BOUNDED)
    void bothSidesEndWithTheSameVersionAndNoLastChangeLosesToAnOlderOne(@ForAll("histories") List<Step> history) {
        String customer = "C" + (++customers);
        hq.useTransaction(c -> new Customers().save(c, Rows.customer(customer).assignedTo("A01").build(), clock.instant()));
        settle();
        PriceVersion[][] last = new PriceVersion[2][PRODUCTS.length];

        for (Step step : history) {
            if (step instanceof Edit e) {
                Database side = e.atHeadOffice() ? hq : agent;
                side.useTransaction(c -> prices.save(c, Sample.specialPrice(customer, PRODUCTS[e.product()],
                        e.cents() / 100 + "." + String.format("%02d", e.cents() % 100), at(e.minute()), by(e.atHeadOffice()))));
                last[e.atHeadOffice() ? 0 : 1][e.product()] = version(side, customer, e.product()).orElseThrow();
            } else if (step instanceof Delete d) {
                Database side = d.atHeadOffice() ? hq : agent;
                side.useTransaction(c -> prices.remove(c, customer, PRODUCTS[d.product()], at(d.minute()),
                        by(d.atHeadOffice()), ChangeSource.LOCAL));
                version(side, customer, d.product()).ifPresent(v -> last[d.atHeadOffice() ? 0 : 1][d.product()] = v);
            } else if (step instanceof Write w) {
                (w.fromHeadOffice() ? towardsAgent : towardsHeadOffice).add(write(w.fromHeadOffice()));
            } else if (step instanceof Deliver d) {
                Deque<WrittenPackage> queue = d.toHeadOffice() ? towardsHeadOffice : towardsAgent;
                if (!queue.isEmpty()) {
                    deliver(queue.poll(), d.toHeadOffice());
                }
            }
        }
        settle();

        for (int p = 0; p < PRODUCTS.length; p++) {
            Optional<PriceVersion> atHeadOffice = version(hq, customer, p);
            Optional<PriceVersion> atAgent = version(agent, customer, p);
            assertThat(atAgent).as("%s/%s at the agent", customer, PRODUCTS[p]).isEqualTo(atHeadOffice);
            for (PriceVersion lastChange : new PriceVersion[] {last[0][p], last[1][p]}) {
                if (lastChange != null) {
                    assertThat(newestWins.compare(atHeadOffice.orElseThrow(), lastChange))
                            .as("the final %s against the last change %s", atHeadOffice.get(), lastChange)
                            .isGreaterThanOrEqualTo(0);
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Boolean> side = Arbitraries.of(true, false);
        Arbitrary<Integer> product = Arbitraries.integers().between(0, PRODUCTS.length - 1);
        Arbitrary<Integer> minute = Arbitraries.integers().between(0, 6);
        Arbitrary<Step> edit = Combinators.combine(side, product, Arbitraries.integers().between(100, 999), minute)
                .as(Edit::new);
        Arbitrary<Step> delete = Combinators.combine(side, product, minute).as(Delete::new);
        Arbitrary<Step> write = side.map(Write::new);
        Arbitrary<Step> deliver = side.map(Deliver::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, edit), net.jqwik.api.Tuple.of(2, delete),
                net.jqwik.api.Tuple.of(3, write), net.jqwik.api.Tuple.of(3, deliver))
                .list().ofMinSize(1).ofMaxSize(20);
    }

    /** Everything in flight arrives, then both sides exchange until nothing is left to say. */
    private void settle() {
        while (!towardsAgent.isEmpty()) {
            deliver(towardsAgent.poll(), false);
        }
        while (!towardsHeadOffice.isEmpty()) {
            deliver(towardsHeadOffice.poll(), true);
        }
        for (int round = 0; round < 3; round++) {
            deliver(write(false), true);
            deliver(write(true), false);
        }
    }

    /** The side's next package, a delta on what the other side last acknowledged. */
    private WrittenPackage write(boolean fromHeadOffice) {
        Database from = fromHeadOffice ? hq : agent;
        PackageStream stream = fromHeadOffice ? PackageStream.toAgent("A01")
                : PackageStream.fromAgent("A01");
        String recipient = fromHeadOffice ? "A01" : "HQ";
        return exchange.delta(from, stream, recipient);
    }

    private void deliver(WrittenPackage p, boolean toHeadOffice) {
        exchange.receive(toHeadOffice ? hq : agent, p);
    }

    /** A side's version of a price: the row, or its deletion, or nothing if it never existed. */
    private Optional<PriceVersion> version(Database side, String customer, int product) {
        return side.inTransaction(c -> {
            var row = prices.find(c, customer, PRODUCTS[product]);
            if (row.isPresent()) {
                return row.map(PriceVersion::of);
            }
            Optional<Tombstone> deleted = tombstones.latest(c, Tombstone.Kind.SPECIAL_PRICE, customer, PRODUCTS[product]);
            return deleted.map(t -> PriceVersion.deletion(t.deletedAt(), t.deletedBy()));
        });
    }

    private static Instant at(int minute) {
        return Sample.T0.plus(Duration.ofMinutes(minute));
    }

    private static String by(boolean atHeadOffice) {
        return atHeadOffice ? "HQ" : "A01";
    }

}
