package io.sincro.office.agents;

/**
 * One line of the agents overview: what the head office holds of the agent.
 *
 * @param orders        every order of the agent's, also those the head office entered on its behalf
 * @param ordersPending the agent's orders received here and not yet exported to the back-end
 */
public record AgentSummary(String code, String name, String email, long customers, long specialPrices, long orders,
                           long ordersPending) {
}
