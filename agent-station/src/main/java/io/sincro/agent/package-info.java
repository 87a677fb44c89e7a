/**
 * The agent station's entry point, {@link io.sincro.agent.AgentStation}: it checks the database once
 * and builds one service per feature from the packages below, which never depend back on it.
 */
package io.sincro.agent;
