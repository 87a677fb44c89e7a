/** The catalog as the head office last published it: product search, product details and stock. */
package io.sincro.agent.catalog;
