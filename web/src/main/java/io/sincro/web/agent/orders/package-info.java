/** The agent's orders in the browser: list, entry from scratch or a template, check and submit in two steps, withdraw. */
package io.sincro.web.agent.orders;
