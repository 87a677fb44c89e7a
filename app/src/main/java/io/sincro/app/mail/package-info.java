/** E-mail notices: the mail server's settings, sending through it, and the notices a sync sends. */
package io.sincro.app.mail;
