/** How commands print: listings as a table, CSV or JSON, and figures with their decimals and currency. */
package io.sincro.app.output;
