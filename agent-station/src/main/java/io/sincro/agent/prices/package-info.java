/** Prices at the agent: the price rule (special price, then price list) and the customers' special prices. */
package io.sincro.agent.prices;
