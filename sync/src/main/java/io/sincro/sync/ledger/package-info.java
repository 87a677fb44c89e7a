/** The exchange's ledger, the only code touching its tables: packages written (the outbound queue), packages imported, acknowledgements, full packages asked for, agents' sync health. */
package io.sincro.sync.ledger;
