/** Orders, their lines and the agent's order templates. */
package io.sincro.db.orders;
