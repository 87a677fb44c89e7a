/** What the head office holds of each agent, for sincro hq agents. */
package io.sincro.office.agents;
