/** The exchange's ledger, the only code touching its tables: packages written (the outbound queue), packages imported, acknowledgements. */
package io.sincro.sync.ledger;
