/** {@code sincro ui}: the station's pages in the default browser, served from this process. */
package io.sincro.app.ui;
