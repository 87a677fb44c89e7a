/** The catalog's tables: products, generic price lists and their rows, stock. */
package io.sincro.db.catalog;
