package io.sincro.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.sincro.db.Station;
import io.sincro.exchange.MailboxException;

/**
 * What one sync did: the packages sent and received, what left the mailbox, and what went wrong.
 *
 * @param problems    one sentence each: what failed, where, what next; a sync with problems exits non-zero
 * @param warnings    things the user should know that did not stop the sync (a clock far off, a
 *                    package the mailbox would not let go)
 * @param stillQueued packages written and not yet uploaded
 * @param stoppedBy   the mailbox failure that stopped the sync (its message is the last problem), so
 *                    the command line can name a fault of this computer under it
 */
public record SyncReport(Station station, Duration took, List<Transfer> sent, List<Transfer> received,
                         List<String> removed, List<String> problems, List<String> warnings, int stillQueued,
                         Optional<MailboxException> stoppedBy) {

    /** One package that moved: its rows, its size, and what it did in a few words. */
    public record Transfer(String packageName, long rows, long bytes, String detail) {
    }

    public SyncReport {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(took, "took");
        sent = List.copyOf(sent);
        received = List.copyOf(received);
        removed = List.copyOf(removed);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(stoppedBy, "stoppedBy");
    }

    public boolean succeeded() {
        return problems.isEmpty();
    }

    /** The same report with {@code warning} after its own: news from after the exchange (the e-mail notices). */
    public SyncReport withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new SyncReport(station, took, sent, received, removed, problems, more, stillQueued, stoppedBy);
    }
}
