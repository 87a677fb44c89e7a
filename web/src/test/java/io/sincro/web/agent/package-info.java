/** The agent's pages over plain HTTP, against a real station and a real mailbox. */
package io.sincro.web.agent;
