package io.sincro.web.page;

import io.javalin.config.RoutesConfig;

import io.sincro.db.Station;

/**
 * One feature's pages: the routes it answers and the message bundle its templates read. A feature
 * lives in a package of its own under io.sincro.web and is listed once in io.sincro.web.Features.
 */
public interface Feature {

    /** Whether the feature's pages belong at {@code station}: the agent's desk, or the head office's. */
    boolean serves(Station station);

    /** The base name of the feature's messages, such as {@code io.sincro.web.agent.home.messages}. */
    String messages();

    /** Adds the feature's routes; its handlers stay thin and render through {@code pages}. */
    void routes(RoutesConfig routes, Pages pages);
}
