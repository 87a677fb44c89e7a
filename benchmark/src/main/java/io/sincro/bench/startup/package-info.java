/** {@code scripts/bench --startup}: how long a short command takes, in processes of its own, through a station's launcher. */
package io.sincro.bench.startup;
