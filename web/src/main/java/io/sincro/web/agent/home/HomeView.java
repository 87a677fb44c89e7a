package io.sincro.web.agent.home;

import java.time.Instant;

import io.sincro.sync.DataAge;

/**
 * What the agent's home page shows.
 *
 * @param lastSend when the station last sent everything it had (null: never)
 * @param lastReceive when it last received everything waiting for it (null: never)
 * @param age how old its copy of the head office's data is
 * @param queued packages in the outbound queue
 * @param setAside packages set aside in rejected/
 * @param update what the last check for new data from the head office found
 */
public record HomeView(Instant lastSend, Instant lastReceive, DataAge age, int queued, int setAside,
        UpdateView update) {
}
