/** {@code scripts/bench --agents N}: the head office's sync as the number of agents grows, from 10 to N. */
package io.sincro.bench.agents;
