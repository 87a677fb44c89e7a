package io.sincro.web.agent.home;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.sync.SyncCheck;
import io.sincro.web.page.WebStation;

/**
 * The check for new data from the head office while the pages are served (seed 001): when the
 * home page is first shown, again once the last check is {@link #EVERY} old (the home page and its
 * poll ask), after a sync received, and by hand. It only looks ({@code sincro sync --check}); the
 * last check lives in this object, for the running app only.
 */
final class UpdateChecks {

    /** How old the last check may be before the home page checks again. */
    static final Duration EVERY = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(UpdateChecks.class);

    private final WebStation station;
    private final Journal journal = new Journal();
    private UpdateView last;
    /** The journal's last receive when {@link #last} was made: a sync since then makes it stale. */
    private long receiveSeen;

    UpdateChecks(WebStation station) {
        this.station = station;
    }

    /** The last check, made again first when it is due. */
    synchronized UpdateView current() {
        long receive = lastReceive();
        if (last == null || receive != receiveSeen
                || !station.clock().instant().isBefore(last.checkedAt().plus(EVERY))) {
            return check(receive);
        }
        return last;
    }

    /** A check now, asked for by hand. */
    synchronized UpdateView checkNow() {
        return check(lastReceive());
    }

    private UpdateView check(long receive) {
        Instant at = station.clock().instant();
        try {
            SyncCheck found = station.check();
            last = new UpdateView(at, found.waiting().size(), found.notes(), null);
        } catch (RuntimeException e) {
            // an agent on the road is often offline: the page says why, and the next check tries again
            log.warn("the check for new data from the head office could not run", e);
            last = new UpdateView(at, 0, List.of(),
                    Objects.requireNonNullElse(e.getMessage(), "the mailbox did not answer"));
        }
        receiveSeen = receive;
        return last;
    }

    private long lastReceive() {
        return station.database().inTransaction(c -> journal.latest(c, Event.RECEIVE)).map(JournalEntry::id).orElse(0L);
    }
}
