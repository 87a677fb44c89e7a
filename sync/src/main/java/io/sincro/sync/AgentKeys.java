package io.sincro.sync;

import java.util.Optional;

import io.sincro.db.Database;
import io.sincro.db.agents.Agents;
import io.sincro.format.envelope.KeyFileException;
import io.sincro.format.envelope.KeyFiles;
import io.sincro.format.envelope.StreamKey;

/** The head office's keys of its agents: {@code sincro hq rekey-agent}. */
public final class AgentKeys {

    /** An agent's key replaced: its name before (null when it had none) and now. */
    public record Rekeyed(String before, String now) {
    }

    private AgentKeys() {
    }

    /**
     * Replaces agent {@code agentCode}'s stream key: packages under the old one are refused from now
     * on, and the station must be prepared again to get the new one.
     *
     * @throws KeyFileException when the agent is unknown, or the keys cannot be written
     */
    public static Rekeyed rekey(Database company, String agentCode) {
        if (company.inTransaction(c -> new Agents().find(c, agentCode)).isEmpty()) {
            throw new KeyFileException("agent " + agentCode + " is not in the company database; nothing was changed"
                    + " (sincro hq agents lists them)");
        }
        KeyFiles keys = StationKeys.of(company);
        keys.headOffice();
        Optional<StreamKey> before = keys.streamKey(agentCode);
        // the station prepared again starts empty: the next package to it is a full one. Marked
        // before the key changes, so a key that cannot be written leaves at worst a full package
        // under the old key, never a delta under a new key to a station that starts empty
        company.useTransaction(c -> new Agents().markPrepared(c, agentCode, company.clock().instant()));
        StreamKey now = keys.newStreamKey(agentCode);
        return new Rekeyed(before.map(StreamKey::id).orElse(null), now.id());
    }
}
