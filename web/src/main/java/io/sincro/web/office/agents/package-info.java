/** The head office's dashboard: each agent's health, the outbound queue and what is set aside, and republishing. */
package io.sincro.web.office.agents;
