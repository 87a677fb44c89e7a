/** The station's transaction log in the browser: every sync, package and refusal, newest first. */
package io.sincro.web.agent.log;
