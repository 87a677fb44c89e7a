/** The agent's home page: when the station last sent and received, whether its data is too old to quote from, and
 * whether new data from the head office waits (announced, never applied). */
package io.sincro.web.agent.home;
