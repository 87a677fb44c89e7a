package io.sincro.app.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sincro.app.output.Figures;
import io.sincro.db.Database;
import io.sincro.db.notices.Notices;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.sync.SyncReport;
import io.sincro.sync.SyncReport.Transfer;

/**
 * The head office's mail after a sync that received something from its agents: per agent, each
 * package imported and what it held (orders, customers, special prices), to mail.to.
 */
public final class SyncSummary {

    static final String TOPIC = "sync";

    private final Clock clock;

    public SyncSummary(Clock clock) {
        this.clock = clock;
    }

    /** Queues the summary of {@code report} for the administrators; false when there is nothing to tell. */
    public boolean queue(Database company, SyncReport report, MailSettings mail) {
        Map<String, List<Transfer>> byAgent = new TreeMap<>();
        for (Transfer t : report.received()) {
            Optional<PackageStream> fromAgent = PackageName.parse(t.packageName()).map(PackageName::stream)
                    .filter(s -> s.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE);
            if (fromAgent.isPresent() && t.rows() > 0) {
                byAgent.computeIfAbsent(fromAgent.get().agentCode(), a -> new ArrayList<>()).add(t);
            }
        }
        if (byAgent.isEmpty() || mail.administrators().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        StringBuilder body = new StringBuilder("The head office's sync of ")
                .append(Figures.time(now, clock.getZone())).append(" received from ")
                .append(Figures.count(byAgent.size(), "agent", "agents")).append(":\n\n");
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
