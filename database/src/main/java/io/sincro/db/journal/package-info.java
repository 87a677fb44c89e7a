/** The transaction log of syncs and packages, which sincro log shows. */
package io.sincro.db.journal;
