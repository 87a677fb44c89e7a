/** Handing what the agents sent on to the back-end as CSV files it can load again: customers, special prices, orders. */
package io.sincro.office.exports;
