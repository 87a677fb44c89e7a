package io.sincro.format.xml;

import javax.xml.namespace.NamespaceContext;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes XML that reads back exactly: a carriage return in a text becomes {@code &#13;} (a parser
 * would otherwise turn it into a line feed), and a character XML 1.0 cannot carry at all (most
 * control characters) stops the writing with {@link UnwritableTextException} instead of producing
 * a package no one can read. Attribute values hold codes and numbers, so any control character there
 * (a tab, a line break, which a parser would turn into spaces) is refused too.
 */
final class TextCheckingWriter implements XMLStreamWriter {

    private final XMLStreamWriter out;

    TextCheckingWriter(XMLStreamWriter out) {
        this.out = out;
    }

    /** A value that XML cannot carry as it is. */
    static final class UnwritableTextException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnwritableTextException(String message) {
            super(message);
        }
    }

    @Override
    public void writeCharacters(String text) throws XMLStreamException {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\r') {
                out.writeCharacters(text.substring(start, i));
                out.writeEntityRef("#13");
                start = i + 1;
            } else {
                checkXmlChar(text, i, false);
            }
        }
        out.writeCharacters(text.substring(start));
    }

    @Override
    public void writeCharacters(char[] text, int start, int len) throws XMLStreamException {
        writeCharacters(new String(text, start, len));
    }

    @Override
    public void writeAttribute(String localName, String value) throws XMLStreamException {
        checkAttribute(localName, value);
        out.writeAttribute(localName, value);
    }

    @Override
    public void writeAttribute(String prefix, String namespaceURI, String localName, String value)
            throws XMLStreamException {
        checkAttribute(localName, value);
        out.writeAttribute(prefix, namespaceURI, localName, value);
    }

    @Override
    public void writeAttribute(String namespaceURI, String localName, String value) throws XMLStreamException {
        checkAttribute(localName, value);
        out.writeAttribute(namespaceURI, localName, value);
    }

    private static void checkAttribute(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            checkXmlChar(value, i, true);
        }
    }

    private static void checkXmlChar(String text, int i, boolean inAttribute) {
        char ch = text.charAt(i);
        boolean ok;
        if (Character.isHighSurrogate(ch)) {
            ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        } else if (Character.isLowSurrogate(ch)) {
            ok = i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        } else if (ch < 0x20) {
            ok = !inAttribute && (ch == '\t' || ch == '\n');
        } else {
            ok = ch != 0xFFFE && ch != 0xFFFF;
        }
        if (!ok) {
            throw new UnwritableTextException(String.format("U+%04X", (int) ch)
                    + (inAttribute ? " in a code or number" : " in a text"));
        }
    }

    // everything else passes through unchanged

    @Override
    public void writeStartElement(String localName) throws XMLStreamException {
        out.writeStartElement(localName);
    }

    @Override
    public void writeStartElement(String namespaceURI, String localName) throws XMLStreamException {
        out.writeStartElement(namespaceURI, localName);
    }

    @Override
    public void writeStartElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        out.writeStartElement(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String namespaceURI, String localName) throws XMLStreamException {
        out.writeEmptyElement(namespaceURI, localName);
    }

    @Override
    public void writeEmptyElement(String prefix, String localName, String namespaceURI) throws XMLStreamException {
        out.writeEmptyElement(prefix, localName, namespaceURI);
    }

    @Override
    public void writeEmptyElement(String localName) throws XMLStreamException {
        out.writeEmptyElement(localName);
    }

    @Override
    public void writeEndElement() throws XMLStreamException {
        out.writeEndElement();
    }

    @Override
    public void writeEndDocument() throws XMLStreamException {
        out.writeEndDocument();
    }

    @Override
    public void close() throws XMLStreamException {
        out.close();
    }

    @Override
    public void flush() throws XMLStreamException {
        out.flush();
    }

    @Override
    public void writeNamespace(String prefix, String namespaceURI) throws XMLStreamException {
        out.writeNamespace(prefix, namespaceURI);
    }

    @Override
    public void writeDefaultNamespace(String namespaceURI) throws XMLStreamException {
        out.writeDefaultNamespace(namespaceURI);
    }

    @Override
    public void writeComment(String data) throws XMLStreamException {
        out.writeComment(data);
    }

    @Override
    public void writeProcessingInstruction(String target) throws XMLStreamException {
        out.writeProcessingInstruction(target);
    }

    @Override
    public void writeProcessingInstruction(String target, String data) throws XMLStreamException {
        out.writeProcessingInstruction(target, data);
    }

    @Override
    public void writeCData(String data) throws XMLStreamException {
        writeCharacters(data);
    }

    @Override
    public void writeDTD(String dtd) {
        throw new UnsupportedOperationException("packages never carry a DTD");
    }

    @Override
    public void writeEntityRef(String name) throws XMLStreamException {
        out.writeEntityRef(name);
    }

    @Override
    public void writeStartDocument() throws XMLStreamException {
        out.writeStartDocument();
    }

    @Override
    public void writeStartDocument(String version) throws XMLStreamException {
        out.writeStartDocument(version);
    }

    @Override
    public void writeStartDocument(String encoding, String version) throws XMLStreamException {
        out.writeStartDocument(encoding, version);
    }

    @Override
    public String getPrefix(String uri) throws XMLStreamException {
        return out.getPrefix(uri);
    }

    @Override
    public void setPrefix(String prefix, String uri) throws XMLStreamException {
        out.setPrefix(prefix, uri);
    }

    @Override
    public void setDefaultNamespace(String uri) throws XMLStreamException {
        out.setDefaultNamespace(uri);
    }

    @Override
    public void setNamespaceContext(NamespaceContext context) throws XMLStreamException {
        out.setNamespaceContext(context);
    }

    @Override
    public NamespaceContext getNamespaceContext() {
        return out.getNamespaceContext();
    }

    @Override
    public Object getProperty(String name) {
        return out.getProperty(name);
    }
}
