package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.agents.Agents;
import io.sincro.db.changes.ChangeSequence;
import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.AgentHealth;
import io.sincro.sync.ledger.AgentHealths;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;
import io.sincro.sync.ledger.ReaderFigures;
import io.sincro.sync.ledger.SnapshotRequests;

/**
 * Decides what each stream this station writes needs next, writes it into the outbox and queues
 * it, in one transaction per package. Whether a delta is worth sending is decided before anything
 * is written: one with no rows and no new acknowledgement is not written at all. Deltas follow the
 * stream's previous package, which the reader imports first.
 */
final class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    private final Database database;
    private final PackageWriter writer;
    private final Path outbox;
    private final SyncOptions options;
    private final ExportedPackages exported = new ExportedPackages();
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private final ImportedPackages imported = new ImportedPackages();
    private final Agents agents = new Agents();
    private final SnapshotRequests requests = new SnapshotRequests();
    private final ChangeSequence changes = new ChangeSequence();
    private final AgentHealths healths = new AgentHealths();

    Publisher(Database database, PackageWriter writer, Path outbox, SyncOptions options) {
        this.database = database;
        this.writer = writer;
        this.outbox = outbox;
        this.options = options;
    }

    /**
     * An agent's packages to the head office: its new customers, orders, special prices, acknowledgement;
     * one package, or several in turn (each in its own transaction, each a delta after the one before)
     * when its orders are more than one package may carry.
     * A head office that lost what the agent sent (restored from a backup, {@link Restores}) left a
     * request: this package then holds everything since the last package the head office still holds.
     */
    List<WrittenPackage> toHeadOffice(String agentCode) {
        List<WrittenPackage> packages = new ArrayList<>();
        for (boolean more = true; more; ) {
            Optional<PackageWriter.Written> next = write(PackageStream.fromAgent(agentCode), (c, last) -> PackageKind.DELTA);
            next.ifPresent(w -> packages.add(w.written()));
            more = next.isPresent() && next.get().more();
        }
        return packages;
    }

    /**
     * The head office's package to one agent: a snapshot for an agent that has none yet, whose
     * station was prepared again, or that is too far behind; a delta otherwise.
     */
    Optional<WrittenPackage> toAgent(String agentCode) {
        PackageStream stream = PackageStream.toAgent(agentCode);
        return written(write(stream, (c, last) -> {
            boolean prepared = agents.needsSnapshot(c, agentCode);
            boolean asked = requests.isAsked(c, stream);
            long acknowledged = acknowledgements.acknowledged(c, stream, agentCode);
            long behind = behind(last, acknowledged, exported.lastFull(c, stream));
            if (last == 0 || prepared || asked || behind >= options.fullAfterPackages()) {
                if (last > 0) {
                    log.info("{}: a full package, since the agent's station was {}", stream, prepared
                            ? "prepared again" : asked ? "asked for one (hq republish, sync --full)" : behind
                            + " packages behind");
                }
                agents.snapshotWritten(c, agentCode);
                requests.answered(c, stream);
                return PackageKind.FULL;
            }
            return PackageKind.DELTA;
        }));
    }

    /**
     * The agents among {@code codes} whose next package {@link #toAgent} might write, in their order;
     * for every other one it would certainly write nothing. A head office with a thousand agents, most
     * of them with nothing new, so asks its ledger a few questions for all agents at once, in one
     * transaction, instead of some fifteen per agent: an agent is passed over only when its stream has
     * a package already, its station was not prepared again, nobody asked for a full package, it is
     * not too far behind, the package would acknowledge nothing new and tell nothing of its clock, and
     * no row or deletion for it changed since the package the next delta would follow. That last
     * question is the selections the packages would make, each asked once for every agent
     * ({@link PackageWriter#agentsCarryingRows}).
     */
    List<String> mayWriteToAgents(List<String> codes) {
        return database.inTransaction(c -> {
            Map<PackageStream, Long> last = exported.lastOfEach(c);
            Map<PackageStream, Long> lastFull = exported.lastFullOfEach(c);
            Map<PackageStream, Long> baseMarks = exported.baseMarkOfEach(c);
            Map<PackageStream, Map<PackageStream, Long>> told = exported.acknowledgedByLastOfEach(c);
            Map<PackageStream, Long> withRows = imported.lastWithRowsOfEach(c);
            ReaderFigures acked = acknowledgements.all(c);
            Set<String> prepared = agents.needingSnapshot(c);
            Set<PackageStream> asked = new HashSet<>();
            requests.all(c).forEach(a -> asked.add(a.request().stream()));
            Map<String, AgentHealth> health = new HashMap<>();
            healths.all(c).forEach(h -> health.put(h.agentCode(), h));
            long mark = changes.mark(c);
            Set<String> may = new HashSet<>();
            // the rest: the agents only a changed row would need a package for, asked for at once, after
            // the others (a new agent's mark of 0 would have the questions read every row ever changed)
            Map<String, Long> rest = new HashMap<>();
            for (String code : codes) {
                PackageStream stream = PackageStream.toAgent(code);
                PackageStream theirs = PackageStream.fromAgent(code);
                long previous = last.getOrDefault(stream, 0L);
                boolean full = previous == 0 || prepared.contains(code) || asked.contains(stream)
                        || behind(previous, acked.of(stream, code), lastFull.getOrDefault(stream, 0L))
                        >= options.fullAfterPackages();
                // acknowledgesNews: a package with rows imported above what the last one acknowledged
                boolean newAcknowledgement = withRows.getOrDefault(theirs, 0L)
                        > told.getOrDefault(stream, Map.of()).getOrDefault(theirs, 0L);
                if (full || newAcknowledgement || writer.carriesNews(Optional.ofNullable(health.get(code)))) {
                    may.add(code);
                } else {
                    rest.put(code, baseMarks.getOrDefault(stream, 0L));
                }
            }
            may.addAll(writer.agentsCarryingRows(c, rest, mark));
            return codes.stream().filter(may::contains).toList();
        });
    }

    /**
     * How many packages of an agent's stream the agent would have to import after its latest full
     * one: those after what it acknowledged, or after the latest full package written since (which
     * it starts from, the packages before it superseded). So an agent away for long gets one full
     * package, not one at every head-office sync while it is away.
     */
    private static long behind(long last, long acknowledged, long lastFull) {
        return last - Math.max(acknowledged, lastFull);
    }

    /**
     * The shared catalog: a delta of what changed, or a fresh snapshot once the deltas since the
     * last one add up to {@link SyncOptions#snapshotAfterPercent()} of its size, so a new agent
     * never needs much more than one snapshot.
     */
    Optional<WrittenPackage> catalog() {
        PackageStream stream = PackageStream.catalog();
        Optional<WrittenPackage> delta = written(write(stream, (c, last) -> {
            if (last == 0 || requests.isAsked(c, stream)) {
                requests.answered(c, stream);
                return PackageKind.FULL;
            }
            return PackageKind.DELTA;
        }));
        if (delta.isEmpty() || delta.get().header().kind() == PackageKind.FULL) {
            return delta;
        }
        boolean compact = database.inTransaction(c -> {
            List<ExportedPackage> all = exported.of(c, stream);
            long lastFull = exported.lastFull(c, stream);
            long fullBytes = all.stream().filter(p -> p.name().sequence() == lastFull).mapToLong(ExportedPackage::bytes)
                    .sum();
            long since = all.stream().filter(p -> p.name().sequence() > lastFull).mapToLong(ExportedPackage::bytes).sum();
            return since * 100 > fullBytes * options.snapshotAfterPercent();
        });
        if (!compact) {
            return delta;
        }
        // the delta is written and queued: the snapshot follows it, and replaces it and the ones before
        log.info("catalog deltas since the last snapshot add up to more than {}% of its size: writing a new snapshot",
                options.snapshotAfterPercent());
        return written(write(stream, (c, last) -> PackageKind.FULL));
    }

    private static Optional<WrittenPackage> written(Optional<PackageWriter.Written> written) {
        return written.map(PackageWriter.Written::written);
    }

    private interface KindChoice {
        PackageKind choose(Connection c, long last) throws SQLException;
    }

    private Optional<PackageWriter.Written> write(PackageStream stream, KindChoice choice) {
        try {
            Files.createDirectories(outbox);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the outbox " + outbox + ": " + e.getMessage(), e);
        }
        return database.inTransaction(c -> {
            // at an agent the counter's lock is held until the package is recorded: a withdrawal
            // (OrderStatuses.withdraw) takes it too, so it sees this package or this package sees the
            // order back in draft; it gives the change mark, read before any row
            long mark = stream.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE ? changes.lock(c)
                    : changes.mark(c);
            ExportedPackages.Ends ends = exported.ends(c, stream);
            long last = ends.last();
            PackageKind kind = choice.choose(c, last);
            // a delta follows the last package that carried something: one of acknowledgements only
            // held no rows, and if it is lost from the mailbox nobody sends it again
            long base = ends.lastWithContent();
            if (stream.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE && requests.isAsked(c, stream)) {
                base = Math.min(base, acknowledgements.acknowledged(c, stream, PackageStream.HEAD_OFFICE));
                requests.answered(c, stream);
                log.info("{}: everything since package {}, the last one the head office still holds", stream, base);
            }
            PackageWriter.Next next = writer.next(c, stream, kind, base, mark, last);
            if (kind == PackageKind.DELTA && !writer.carriesRows(c, next) && !acknowledgesNews(c, next, last)
                    && !writer.carriesNews(c, next)) {
                return Optional.empty();
            }
            return Optional.of(writer.write(c, next, outbox));
        });
    }

    /**
     * Whether the package would acknowledge a package with rows that the stream's previous one did
     * not. An acknowledgement of mere acknowledgements would be answered in turn, and the two sides
     * would send each other empty packages for ever.
     */
    private boolean acknowledgesNews(Connection c, PackageWriter.Next next, long previous) throws SQLException {
        Map<PackageStream, Long> was = new HashMap<>();
        for (Acknowledgement ack : exported.acknowledgedBy(c, next.stream(), previous)) {
            was.put(ack.stream(), ack.sequence());
        }
        for (Acknowledgement ack : next.acknowledgements()) {
            long previously = was.getOrDefault(ack.stream(), 0L);
            if (ack.sequence() > previously && imported.carriedRows(c, ack.stream(), previously, ack.sequence())) {
                return true;
            }
        }
        return false;
    }
}
