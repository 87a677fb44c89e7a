/** The package file: a zip of the document and its seal, written under a temporary name and read in two passes. */
package io.sincro.format.file;
