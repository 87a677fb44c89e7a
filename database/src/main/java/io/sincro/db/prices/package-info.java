/** Customers' special prices, each stamped with when and by whom it was last changed. */
package io.sincro.db.prices;
