package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.sincro.db.changes.AgentChanges;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.db.changes.Tracked;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.format.Entity;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.Section;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.rules.conflicts.PriceVersion;

/**
 * Special prices travel both ways, only for the customers of the agent concerned, and both sides
 * may edit (or delete) the same one between two syncs. Every side applies the same rule,
 * {@link NewestWins}: the most recent version wins, a tie goes to the head office. So both sides
 * converge on the same version whatever the order in which their packages cross:
 * <ul>
 * <li>an arriving version newer than ours replaces it;</li>
 * <li>an arriving version older than ours is refused, and ours is stamped again so it travels back
 * and the other side replaces its own with it;</li>
 * <li>the version that gave way is kept in the conflict table, with the winner, who made each and
 * when, so it is never just dropped: when ours gives way, if it was an edit the sender had not
 * seen (at an agent, any edit of its own the head office's version replaced); when the arriving
 * one gives way, unless it arrived before or is one of ours coming back (a later edit of a price
 * one has seen is no conflict, and a version sent twice is one conflict).</li>
 * </ul>
 * A deletion is a version too (stamped with when and by whom), kept as a tombstone so an older edit
 * arriving later does not bring the price back. A local change is always stamped after the version
 * it replaces ({@link io.sincro.db.prices.SpecialPrices#save}), so each side's version only moves
 * forward: that is what makes the rule converge with wrong clocks. Rows travel in their last
 * state: a price edited five times between two syncs travels once.
 */
final class SpecialPriceFlow {

    private final SpecialPrices prices = new SpecialPrices();
    private final Customers customers = new Customers();
    private final Tombstones tombstones = new Tombstones();
    private final PriceConflicts conflicts = new PriceConflicts();
    private final NewestWins newestWins = new NewestWins();
    private final ReceivedPrices received = new ReceivedPrices();

    /** To an agent: the prices of its customers changed above {@code since}, after the deleted ones. */
    void sendToAgent(Connection c, String agent, long since, PackageRows out) throws SQLException {
        sendDeletions(c, agent, since, out);
        prices.ofAgentChangedSince(c, agent, since, p -> out.specialPrice(RowMapping.toPackage(p)));
    }

    /** What {@link #sendToAgent} selects above {@code since}, for every agent at once (the two select alike). */
    List<AgentChanges> changesToAgents(Connection c, long since) throws SQLException {
        return List.of(tombstones.changesOfScopesSince(c, Tombstone.Kind.SPECIAL_PRICE, since),
                prices.changesOfAgentsSince(c, since));
    }

    /** To the head office: every price changed here above {@code since} (an agent holds only its own customers'). */
    void sendToHeadOffice(Connection c, String agent, long since, PackageRows out) throws SQLException {
        sendDeletions(c, agent, since, out);
        prices.changedSince(c, since, p -> out.specialPrice(RowMapping.toPackage(p)));
    }

    private void sendDeletions(Connection c, String agent, long since, PackageRows out) throws SQLException {
        tombstones.since(c, Tombstone.Kind.SPECIAL_PRICE, agent, since, t -> out.deletion(
                new Deletion(Entity.SPECIAL_PRICES, t.key(), t.secondKey(), t.deletedAt(), t.deletedBy())));
    }

    /**
     * At an agent with no special price, no deletion of one and nothing received yet (a first sync,
     * a station prepared again), every arriving price is new and wins by the rule, with no conflict
     * possible: a whole section loads in one bulk insert, each price still checked for its stamp,
     * and is remembered as received. Returns false, having taken nothing, anywhere else.
     */
    boolean loadIfEmpty(Connection c, Section s, Arrival a, Tallies t) throws SQLException {
        if (a.station().isHeadOffice() || !prices.isEmpty(c) || !received.isEmpty(c)
                || tombstones.any(c, Tombstone.Kind.SPECIAL_PRICE)) {
            return false;
        }
        Iterator<SpecialPrice> rows = RowMapping.specialPrices(s);
        long loaded = prices.load(c, new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public SpecialPrice next() {
                SpecialPrice price = rows.next();
                checkStamp(price.updatedBy(), price.customerCode() + "/" + price.productCode(), a);
                return price;
            }
        });
        received.rememberAll(c);
        t.inserted(Entity.SPECIAL_PRICES, loaded);
        return true;
    }

    void receive(Connection c, SpecialPrice arriving, Arrival a, Tallies t) throws SQLException {
        String customer = arriving.customerCode();
        String product = arriving.productCode();
        checkStamp(arriving.updatedBy(), customer + "/" + product, a);
        PriceVersion incoming = PriceVersion.of(arriving);
        boolean news = isNews(c, customer, product, incoming, a);
        if (belongsToAgent(c, customer, product, incoming, news, a, t)) {
            apply(c, arriving, incoming, news, a, t);
        }
        received.remember(c, customer, product, incoming);
    }

    private void apply(Connection c, SpecialPrice arriving, PriceVersion incoming, boolean news, Arrival a, Tallies t)
            throws SQLException {
        String customer = arriving.customerCode();
        String product = arriving.productCode();
        Optional<Tracked<SpecialPrice>> local = prices.findTracked(c, customer, product);
        if (local.isPresent()) {
            PriceVersion here = PriceVersion.of(local.get().row());
            int order = newestWins.compare(incoming, here);
            if (order > 0) {
                t.count(Entity.SPECIAL_PRICES, prices.save(c, arriving, ChangeSource.RECEIVED));
                if (!here.sameValueAs(incoming) && lostHere(here, local.get().changeSeq(), a)) {
                    record(c, customer, product, incoming, here, a, t, false);
                }
            } else if (order == 0 || here.sameValueAs(incoming)) {
                t.unchanged(Entity.SPECIAL_PRICES);
            } else {
                refuse(c, customer, product, here, incoming, news, a, t, () -> prices.restamp(c, customer, product));
            }
            return;
        }
        Optional<Tombstone> deleted = tombstones.latest(c, Tombstone.Kind.SPECIAL_PRICE, customer, product);
        if (deleted.isPresent()) {
            PriceVersion gone = PriceVersion.deletion(deleted.get().deletedAt(), deleted.get().deletedBy());
            if (newestWins.compare(incoming, gone) < 0) {
                refuse(c, customer, product, gone, incoming, news, a, t, () -> restamp(c, deleted.get()));
                return;
            }
            if (lostHere(gone, deleted.get().changeSeq(), a)) {
                record(c, customer, product, incoming, gone, a, t, false);
            }
        }
        t.count(Entity.SPECIAL_PRICES, prices.save(c, arriving, ChangeSource.RECEIVED));
    }

    void receiveDeletion(Connection c, Deletion d, Arrival a, Tallies t) throws SQLException {
        String customer = d.key();
        String product = d.secondKey();
        checkStamp(d.deletedBy(), customer + "/" + product, a);
        PriceVersion deletion = PriceVersion.deletion(d.deletedAt(), d.deletedBy());
        boolean news = isNews(c, customer, product, deletion, a);
        if (belongsToAgent(c, customer, product, deletion, news, a, t)) {
            applyDeletion(c, d, deletion, news, a, t);
        }
        received.remember(c, customer, product, deletion);
    }

    private void applyDeletion(Connection c, Deletion d, PriceVersion deletion, boolean news, Arrival a, Tallies t)
            throws SQLException {
        String customer = d.key();
        String product = d.secondKey();
        Optional<Tracked<SpecialPrice>> local = prices.findTracked(c, customer, product);
        if (local.isEmpty()) {
            // remembered, so an older edit arriving later does not bring the price back
            Optional<Tombstone> known = tombstones.latest(c, Tombstone.Kind.SPECIAL_PRICE, customer, product);
            if (known.isEmpty() || newestWins.compare(deletion,
                    PriceVersion.deletion(known.get().deletedAt(), known.get().deletedBy())) > 0) {
                tombstones.record(c, Tombstone.Kind.SPECIAL_PRICE, customer, product, a.agent(), d.deletedAt(),
                        d.deletedBy(), ChangeSource.RECEIVED);
            }
            t.unchanged(Entity.SPECIAL_PRICES);
            return;
        }
        PriceVersion here = PriceVersion.of(local.get().row());
        if (newestWins.compare(deletion, here) > 0) {
            prices.remove(c, customer, product, d.deletedAt(), d.deletedBy(), ChangeSource.RECEIVED);
            t.deleted(Entity.SPECIAL_PRICES);
            if (lostHere(here, local.get().changeSeq(), a)) {
                record(c, customer, product, deletion, here, a, t, false);
            }
        } else {
            refuse(c, customer, product, here, deletion, news, a, t, () -> prices.restamp(c, customer, product));
        }
    }

    /**
     * The arriving version is older than ours: ours is stamped again so it travels back and the
     * other side takes it; the arriving one is kept as a conflict, unless it is no news (it arrived
     * before, or it is one of ours coming back).
     */
    private void refuse(Connection c, String customer, String product, PriceVersion here, PriceVersion incoming,
                        boolean news, Arrival a, Tallies t, SqlStep restamp) throws SQLException {
        restamp.run();
        if (news) {
            record(c, customer, product, here, incoming, a, t, true);
        } else {
            t.unchanged(Entity.SPECIAL_PRICES);
        }
    }

    @FunctionalInterface
    private interface SqlStep {
        void run() throws SQLException;
    }

    /** An arriving version is news unless it is one of ours coming back, or it arrived before. */
    private boolean isNews(Connection c, String customer, String product, PriceVersion version, Arrival a)
            throws SQLException {
        return !a.self().equals(version.updatedBy()) && !received.arrivedBefore(c, customer, product, version);
    }

    /**
     * Whether our version, now replaced, was an edit of ours the sender had not seen when it wrote
     * its package: then both sides changed the price independently and ours is lost, a conflict. A
     * version the sender had seen, or one that came from the sender, was simply superseded; except
     * at an agent, where the head office's version replacing the agent's own edit always means the
     * back-end changed a price the agent had edited (the head office stamps prices only when its
     * back-end changes them), and the agent's edit gave way.
     */
    private static boolean lostHere(PriceVersion here, long changeSeq, Arrival a) {
        return a.self().equals(here.updatedBy())
                && (changeSeq > a.seenMark() || !a.station().isHeadOffice());
    }

    /**
     * At the head office, an agent's edit counts only for a customer still assigned to it; an edit
     * for a customer that moved to another agent meanwhile is not applied, and kept as a conflict.
     */
    private boolean belongsToAgent(Connection c, String customer, String product, PriceVersion version, boolean news,
                                   Arrival a, Tallies t) throws SQLException {
        if (!a.station().isHeadOffice()) {
            return true;
        }
        Optional<Customer> known = customers.find(c, customer);
        if (known.isPresent() && a.agent().equals(known.get().agentCode())) {
            return true;
        }
        String why = known.isEmpty() ? "customer " + customer + " is unknown at the head office"
                : "customer " + customer + " is assigned to " + (known.get().agentCode() == null ? "no agent"
                        : "agent " + known.get().agentCode()) + ", not to agent " + a.agent();
        if (news) {
            PriceVersion current = prices.find(c, customer, product).map(PriceVersion::of).orElse(null);
            conflicts.record(c, new PriceConflict(0, customer, product, current, version,
                    why + ", so agent " + a.agent() + "'s change was not applied", a.where(), a.now()));
        }
        t.ignored(Entity.SPECIAL_PRICES, customer + "/" + product, why + "; the change was not applied and is kept"
                + " as a conflict");
        return false;
    }

    /** Prices are stamped by the head office or by the agent of the stream, never by a third station. */
    private static void checkStamp(String by, String key, Arrival a) {
        if (!PackageStream.HEAD_OFFICE.equals(by) && !a.agent().equals(by)) {
            throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + a.where() + " carries special price "
                    + key + " stamped by " + by + ", who is neither the head office nor agent " + a.agent()
                    + "; it was refused, check the sender's station");
        }
    }

    private void restamp(Connection c, Tombstone t) throws SQLException {
        tombstones.record(c, t.kind(), t.key(), t.secondKey(), t.scope(), t.deletedAt(), t.deletedBy(),
                ChangeSource.LOCAL);
    }

    private void record(Connection c, String customer, String product, PriceVersion kept, PriceVersion lost,
                        Arrival a, Tallies t, boolean arrivingLost) throws SQLException {
        String reason = describeWin(kept, lost);
        t.conflict(Entity.SPECIAL_PRICES, conflicts.record(c, new PriceConflict(0, customer, product, kept, lost,
                reason, a.where(), a.now())), arrivingLost);
    }

    private static String describeWin(PriceVersion kept, PriceVersion lost) {
        if (!kept.updatedAt().equals(lost.updatedAt())) {
            return "the most recent change wins: " + kept.updatedBy() + "'s at " + kept.updatedAt() + " is later than "
                    + lost.updatedBy() + "'s at " + lost.updatedAt();
        }
        if (PackageStream.HEAD_OFFICE.equals(kept.updatedBy()) && !PackageStream.HEAD_OFFICE.equals(lost.updatedBy())) {
            return "both changed it at " + kept.updatedAt() + "; at the same instant the head office wins";
        }
        return "both versions carry the same time and station; the fixed tie-break chose one";
    }
}
