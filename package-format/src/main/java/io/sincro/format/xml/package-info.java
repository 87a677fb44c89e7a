/** The package document, package.xml: its schema, a streaming writer and reader, and the JAXB classes that stay inside. */
package io.sincro.format.xml;
