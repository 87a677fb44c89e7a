/** The seal of a package's content and how it is computed. */
package io.sincro.format.seal;
