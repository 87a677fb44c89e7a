/** The yardstick: Derby's own bulk import of exactly the rows a first sync brings. */
package io.sincro.bench.reference;
