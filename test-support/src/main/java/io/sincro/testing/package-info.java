/** The fixtures the modules' tests share: the sample company, station templates and a loopback mailbox, as JUnit 5 extensions. */
package io.sincro.testing;
