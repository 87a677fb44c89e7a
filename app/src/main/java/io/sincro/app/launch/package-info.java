/** A station's own copy of the application: the jar and the launchers, so a laptop needs only Java 17. */
package io.sincro.app.launch;
