package io.sincro.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.sincro.db.Database;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.format.PackageStream;
import io.sincro.sync.ledger.SnapshotRequests;

/**
 * {@code sincro hq republish} (seed 004's "send all figures"): the head office's next sync sends a
 * full package instead of a delta, to one agent, the catalog, or everyone. The older packages it
 * replaces leave the mailbox once it is there, as with any snapshot. Each request is journaled.
 */
public final class Republishing {

    private final Database database;
    private final Clock clock;
    private final SnapshotRequests requests = new SnapshotRequests();
    private final Agents agents = new Agents();
    private final Journal journal = new Journal();

    public Republishing(Database database, Clock clock) {
        if (!database.station().isHeadOffice()) {
            throw new IllegalArgumentException("only the head office republishes; this is " + database.station());
        }
        this.database = database;
        this.clock = clock;
    }

    /** Agent {@code code}'s next package is a full one. Returns what happens next. */
    public String agent(String code) {
        return ask(List.of(PackageStream.toAgent(known(code))), "agent " + code + "'s data");
    }

    /** The next catalog package is a full one, for every agent. */
    public String catalog() {
        return ask(List.of(PackageStream.catalog()), "the catalog");
    }

    /** The catalog and every agent's data, in full. */
    public String all() {
        List<PackageStream> streams = new ArrayList<>();
        streams.add(PackageStream.catalog());
        for (Agent agent : database.inTransaction(c -> agents.all(c))) {
            streams.add(PackageStream.toAgent(agent.code()));
        }
        return ask(streams, "the catalog and every agent's data");
    }

    private String known(String code) {
        if (database.inTransaction(c -> agents.find(c, code)).isEmpty()) {
            throw new IllegalArgumentException("agent " + code + " is not in the company database; sincro hq agents"
                    + " lists the agents");
        }
        return code;
    }

    private String ask(List<PackageStream> streams, String what) {
        String detail = what + " will be sent in full by the next sync (sincro sync), and the packages it replaces"
                + " leave the mailbox";
        database.useTransaction(c -> {
            for (PackageStream stream : streams) {
                requests.ask(c, stream, clock.instant());
            }
            journal.write(c, clock.instant(), Event.REPUBLISH, Outcome.OK, null, detail);
        });
        return detail;
    }
}
