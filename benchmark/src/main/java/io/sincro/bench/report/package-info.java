/** The report of a run, as a table for people and as JSON for tools. */
package io.sincro.bench.report;
