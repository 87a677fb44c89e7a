/** A station's {@code sincro.properties}: reading and checking it, and writing new ones. */
package io.sincro.app.settings;
