package io.sincro.app.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.sincro.app.output.Figures;
import io.sincro.db.Database;
import io.sincro.db.notices.Notices;
import io.sincro.sync.SyncReport;
import io.sincro.sync.SyncReport.Transfer;

/**
 * The head office's mail after a sync that received something from its agents: per agent, each
 * package imported and what it held (orders, customers, special prices), to mail.to.
 */
public final class SyncSummary {

    static final String TOPIC = "sync";
    private static final String FROM_AGENT = "_to_HQ_";

    private final Clock clock;

    public SyncSummary(Clock clock) {
        this.clock = clock;
    }

    /** Queues the summary of {@code report} for the administrators; false when there is nothing to tell. */
    public boolean queue(Database company, SyncReport report, MailSettings mail) {
        Map<String, List<Transfer>> byAgent = new TreeMap<>();
        for (Transfer t : report.received()) {
            int at = t.packageName().indexOf(FROM_AGENT);
            if (at > 0 && t.rows() > 0) {
                byAgent.computeIfAbsent(t.packageName().substring(0, at), a -> new ArrayList<>()).add(t);
            }
        }
        if (byAgent.isEmpty() || mail.administrators().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        StringBuilder body = new StringBuilder("The head office's sync of ")
                .append(Figures.time(now, clock.getZone())).append(" received from ")
                .append(byAgent.size() == 1 ? "1 agent" : byAgent.size() + " agents").append(":\n\n");
        byAgent.forEach((agent, transfers) -> {
            body.append("Agent ").append(agent).append('\n');
            transfers.forEach(t -> body.append("  ").append(t.packageName()).append("  ").append(t.detail()).append('\n'));
        });
        body.append("\nsincro hq orders list and sincro hq customers list show what arrived.\n");
        String subject = "Sincro: the head office received packages from " + String.join(", ", byAgent.keySet());
        company.useTransaction(c -> new Notices().queue(c, now, TOPIC, mail.administrators(), subject,
                body.toString()));
        return true;
    }
}
