/** The agent's home page: when the station last sent and received, and whether its data is too old to quote from. */
package io.sincro.web.agent.home;
