/**
 * The agent's offline commands ({@code customer}, {@code order}, {@code price}, {@code stock},
 * {@code product}) over the agent-station library.
 */
package io.sincro.app.agent;
