/**
 * What every command builds on, depending on no command: the environment it runs in, the options
 * it shares, and the station it opens (settings, log file, database, mailbox, stale-data warning).
 */
package io.sincro.app.cli;
