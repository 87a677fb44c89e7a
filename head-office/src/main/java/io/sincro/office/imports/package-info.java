/** The back-end's CSV files loaded into the company database, one file per transaction. */
package io.sincro.office.imports;
