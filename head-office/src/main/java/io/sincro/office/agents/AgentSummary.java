package io.sincro.office.agents;

/** One line of the agents overview. */
public record AgentSummary(String code, String name, String email, long customers, long specialPrices, long orders) {
}
