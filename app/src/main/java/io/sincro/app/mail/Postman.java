package io.sincro.app.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.notices.Notice;
import io.sincro.db.notices.Notices;

/**
 * Sends the queued notices after a sync, oldest first. A notice the mail server does not take is
 * journaled (MAIL, failed) and stays queued for the next sync; the ones after it wait too, so a
 * server that is down costs one attempt, not one per notice. Without a mail server set the queue is
 * closed as not sent, so nothing piles up to go out all at once on the day one is.
 */
public final class Postman {

    static final String NO_MAIL_SERVER = "not sent: no mail server is set (mail.host in sincro.properties)";

    private static final Logger log = LoggerFactory.getLogger(Postman.class);

    /** What one delivery did; {@code failure} is the sentence that stopped it. */
    public record Delivery(int sent, int stillQueued, int closed, Optional<String> failure) {
    }

    private final Optional<MailSettings> mail;
    private final Clock clock;
    private final Notices notices = new Notices();
    private final Journal journal = new Journal();

    public Postman(Optional<MailSettings> mail, Clock clock) {
        this.mail = mail;
        this.clock = clock;
    }

    public Delivery deliver(Database database) {
        List<Notice> queued = database.inTransaction(notices::queued);
        if (queued.isEmpty()) {
            return new Delivery(0, 0, 0, Optional.empty());
        }
        if (mail.isEmpty()) {
            int closed = database.inTransaction(c -> notices.closeQueued(c, clock.instant(), NO_MAIL_SERVER));
            log.info("{} e-mail {} {}", closed, closed == 1 ? "notice" : "notices", NO_MAIL_SERVER);
            return new Delivery(0, 0, closed, Optional.empty());
        }
        Mailer mailer = new Mailer(mail.get());
        int sent = 0;
        for (Notice notice : queued) {
            Instant now = clock.instant();
            try {
                mailer.send(notice.recipients(), notice.subject(), notice.body(), now);
            } catch (MailException e) {
                String detail = "notice '" + notice.subject() + "' to " + String.join(", ", notice.recipients())
                        + " not sent, retried by the next sync: " + e.getMessage();
                database.useTransaction(c -> {
                    notices.failed(c, notice.id(), now, e.getMessage());
                    journal.write(c, now, Event.MAIL, Outcome.FAILED, null, detail);
                });
                log.warn("{}", detail);
                return new Delivery(sent, queued.size() - sent, 0, Optional.of(detail));
            }
            database.useTransaction(c -> notices.sent(c, notice.id(), now));
            log.info("sent notice '{}' to {}", notice.subject(), notice.recipients());
            sent++;
        }
        return new Delivery(sent, 0, 0, Optional.empty());
    }
}
