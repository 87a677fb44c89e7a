/** A mail server that keeps and lists what it is sent, so the demo shows the notices the stations mailed. */
package io.sincro.testing.mail;
