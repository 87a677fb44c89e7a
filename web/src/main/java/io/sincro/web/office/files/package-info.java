/** The head office's files for and from the back-end: exports as CSV downloads, imports by upload. */
package io.sincro.web.office.files;
