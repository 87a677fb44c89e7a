/** A mailbox on a local or shared folder, with the same contract as the FTP one. */
package io.sincro.exchange.folder;
