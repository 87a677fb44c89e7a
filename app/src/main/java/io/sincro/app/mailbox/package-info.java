/** The mailbox commands: {@code sincro check-connection} and {@code sincro mailbox serve}. */
package io.sincro.app.mailbox;
