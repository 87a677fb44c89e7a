package io.sincro.format.xml;

import java.io.InputStream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place XML parsers for packages are made: the JDK's own StAX implementation (never one
 * found on the class path), with DTDs, external entities and every external access switched off,
 * and a resolver that refuses anything it is still asked for. A DOCTYPE is then refused by
 * {@link GuardedReader} as soon as it is met.
 */
final class SafeXml {

    private final XMLInputFactory factory;

    SafeXml() {
        factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + systemId + " refused: packages are read without any");
        });
    }

    /** A guarded reader over {@code content}, named {@code where} in messages. */
    GuardedReader reader(InputStream content, String where, long maxElements) throws XMLStreamException {
        XMLStreamReader reader = factory.createXMLStreamReader(content, "UTF-8");
        return new GuardedReader(reader, where, maxElements);
    }
}
