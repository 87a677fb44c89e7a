/** The rows a package carries, as records, and the two ways to take them: pushed one at a time, or pulled by section. */
package io.sincro.format.rows;
