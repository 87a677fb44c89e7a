/** The FTP and FTPS mailbox on Apache Commons Net: sessions, timeouts, retries, TLS trust and what each server reply means. */
package io.sincro.exchange.ftp;
