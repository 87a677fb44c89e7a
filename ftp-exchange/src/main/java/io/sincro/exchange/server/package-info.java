/** An embedded FTP server (Apache FtpServer) serving a folder as the mailbox, for small offices, demos and tests. */
package io.sincro.exchange.server;
