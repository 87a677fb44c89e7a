/** The synthetic company a run measures: generated from a seed, loaded into a head office, with prepared agent stations. */
package io.sincro.bench.company;
