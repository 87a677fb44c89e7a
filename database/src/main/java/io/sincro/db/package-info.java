/** A station's embedded Derby database: the schema and its migrations, transactions, the station's identity and its code series. */
package io.sincro.db;
