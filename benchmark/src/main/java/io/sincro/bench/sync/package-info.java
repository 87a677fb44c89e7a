/** The sync steps of the benchmark, run through the real engine against the embedded FTP server. */
package io.sincro.bench.sync;
