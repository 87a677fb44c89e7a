/**
 * The command line's composition root: {@link io.sincro.app.Main}, the {@code sincro} command with its
 * subcommands, handlers and exit codes; it depends on every package below and none depends on it.
 */
package io.sincro.app;
