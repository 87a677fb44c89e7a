/** Change tracking: the station-wide change counter, the rows' change numbers and the tombstones of deleted rows. */
package io.sincro.db.changes;
