/**
 * The agent's orders and order templates: drafts, their two-step submission, and the status the
 * head office reports.
 */
package io.sincro.agent.orders;
