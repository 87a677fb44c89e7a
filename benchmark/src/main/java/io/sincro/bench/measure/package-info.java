/** How a step is measured: fresh copies of a snapshot, the wall time, the heap, the bytes through the mailbox. */
package io.sincro.bench.measure;
