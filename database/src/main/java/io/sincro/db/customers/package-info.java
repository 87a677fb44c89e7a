/** The customer table and the agents' own customer code series. */
package io.sincro.db.customers;
