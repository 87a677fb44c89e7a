/** The head office's dashboard, tested over HTTP and in a real browser. */
package io.sincro.web.office;
