/** {@code sincro packages}: what waits in the mailbox, the outbound queue and {@code rejected/}, and the ways back. */
package io.sincro.app.packages;
