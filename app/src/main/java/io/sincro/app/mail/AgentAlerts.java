package io.sincro.app.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.sincro.db.Database;
import io.sincro.db.notices.Notices;
import io.sincro.sync.AgentExchange;
import io.sincro.sync.SyncStatus;

/**
 * The administrator's mail about an agent in trouble, as {@code sincro hq agents --check} finds it:
 * stuck (a package of its set aside) or overdue (nothing from it for more than sync.maxAgeDays).
 * At most one a day per agent; an agent that never synced (not handed out yet) is not mailed about.
 */
public final class AgentAlerts {

    private static final Duration ONCE_A_DAY = Duration.ofDays(1);

    private final Clock clock;

    public AgentAlerts(Clock clock) {
        this.clock = clock;
    }

    /** Queues one notice per agent in trouble not mailed about in the last day; returns how many. */
    public int queue(Database company, Path stationFolder, MailSettings mail, int maxAgeDays) {
        if (mail.administrators().isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        SyncStatus status = new SyncStatus(company, stationFolder);
        Notices notices = new Notices();
        int queued = 0;
        SyncStatus.SetAside setAside = null;
        for (AgentExchange exchange : status.agents()) {
            if (exchange.daysSinceLastSync(now).isEmpty()) {
                continue;
            }
            if (setAside == null) {
                // read once, and only when an agent has synced: as each agent's check read it before
                setAside = status.setAside();
            }
            Optional<String> trouble = status.trouble(exchange, setAside, now, maxAgeDays);
            if (trouble.isEmpty()) {
                continue;
            }
            String topic = "agent " + exchange.agentCode();
            String subject = "Sincro: agent " + exchange.agentCode() + " " + trouble.get().split(":", 2)[0];
            String body = "Agent " + exchange.agentCode() + " is " + trouble.get() + ".\n\nsincro hq agents --check"
                    + " shows every agent's state; this notice comes at most once a day per agent.\n";
            boolean sent = company.inTransaction(c -> {
                if (notices.queuedSince(c, topic, now.minus(ONCE_A_DAY))) {
                    return false;
                }
                notices.queue(c, now, topic, mail.administrators(), subject, body);
                return true;
            });
            queued += sent ? 1 : 0;
        }
        return queued;
    }
}
