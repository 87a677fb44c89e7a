/** The head office's loading of the back-end's files measured: first load, Derby's import of the same rows, reloads. */
package io.sincro.bench.loading;
