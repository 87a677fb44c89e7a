/** {@code sincro sync}: the exchange with the mailbox for the station's role, with its progress and summary. */
package io.sincro.app.sync;
