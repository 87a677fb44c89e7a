/** The agent's customers: creating them in the station's own code series, listing and showing them. */
package io.sincro.agent.customers;
