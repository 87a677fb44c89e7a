/** The catalog in the browser: products found by code or words, with the chosen customer's price and the stock. */
package io.sincro.web.agent.catalog;
