/** sincro check-connection: each right the mailbox needs, proved one step at a time. */
package io.sincro.exchange.check;
