/** scripts/bench: the benchmark's command, its steps in order, and the targets each run is judged on. */
package io.sincro.bench;
