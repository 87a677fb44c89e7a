/** A station's whole exchange with the mailbox: publish, upload, download, import, acknowledge and tidy up. */
package io.sincro.sync;
