/** The agent's customers in the browser: list, new with the VAT check, one customer with its special prices and their conflicts. */
package io.sincro.web.agent.customers;
