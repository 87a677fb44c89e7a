/** The agent table: the company's agents and whether an agent's station needs a fresh snapshot. */
package io.sincro.db.agents;
