/** {@code sincro package}: reading a package by hand with the station's keys, for diagnosis. */
package io.sincro.app.inspect;
