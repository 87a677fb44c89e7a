/** The SFTP mailbox on Apache MINA SSHD: the server's host key pinned, password or key login, the same retries as FTP. */
package io.sincro.exchange.sftp;
