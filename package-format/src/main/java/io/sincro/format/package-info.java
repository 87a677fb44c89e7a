/** A package's identity and header: its stream, name, kind, acknowledgements and counts, and why a package is refused. */
package io.sincro.format;
