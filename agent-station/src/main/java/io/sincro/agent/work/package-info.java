/**
 * What every part of the agent's work shares and depends on, depending on none of them: the
 * station it works on ({@link io.sincro.agent.work.AgentContext}) and the error it reports
 * ({@link io.sincro.agent.work.AgentWorkException}).
 */
package io.sincro.agent.work;
