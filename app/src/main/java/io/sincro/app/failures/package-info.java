/**
 * The one place that turns what the platform says went wrong (an errno, a file-system exception,
 * a Derby SQLState, an FTP reply already explained by the mailbox) into the cause a person reads,
 * the place and what to do.
 */
package io.sincro.app.failures;
