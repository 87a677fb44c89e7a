package io.sincro.db.agents;

import io.sincro.db.Station;

/** A sales agent: its code prefixes its own customer codes and is its order series. */
public record Agent(String code, String name, String email) {

    public Agent {
        Station.checkAgentCode(code);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("agent " + code + " needs a name");
        }
    }
}
