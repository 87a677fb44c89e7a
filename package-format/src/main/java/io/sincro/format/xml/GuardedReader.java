package io.sincro.format.xml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageRefusedException;

/**
 * A reader that refuses what a package never holds, as it meets it and before anything acts on it:
 * a DOCTYPE (the door to external entities and entity expansion), an entity reference, more
 * elements than the cap, and a root element in a format version this build does not read.
 */
final class GuardedReader extends StreamReaderDelegate {

    static final String ROOT = "sincroPackage";
    static final String VERSION = "formatVersion";

    private final String where;
    private final long maxElements;
    private long elements;
    private int formatVersion;

    GuardedReader(XMLStreamReader reader, String where, long maxElements) {
        super(reader);
        this.where = where;
        this.maxElements = maxElements;
    }

    /** The root's format version, once the root was read. */
    int formatVersion() {
        return formatVersion;
    }

    @Override
    public int next() throws XMLStreamException {
        int event = super.next();
        check(event);
        return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while (event == XMLStreamConstants.CHARACTERS && isWhiteSpace() || event == XMLStreamConstants.SPACE
                || event == XMLStreamConstants.COMMENT || event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
            throw new PackageRefusedException(Reason.MALFORMED, "package " + where + " holds text where an element"
                    + " should be, at line " + getLocation().getLineNumber() + "; it was not written by Sincro's"
                    + " format, ask its sender for a new one");
        }
        return event;
    }

    private void check(int event) {
        switch (event) {
            case XMLStreamConstants.DTD -> throw new PackageRefusedException(Reason.UNSAFE_XML, "package " + where
                    + " declares a DOCTYPE, which Sincro packages never do (it can make a reader fetch files or"
                    + " expand entities without end); it was refused unread, set it aside and ask who made it");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new PackageRefusedException(Reason.UNSAFE_XML,
                    "package " + where + " refers to entity '" + getLocalName() + "', which Sincro packages never do;"
                    + " it was refused unread, set it aside and ask who made it");
            case XMLStreamConstants.START_ELEMENT -> {
                if (++elements > maxElements) {
                    throw new PackageRefusedException(Reason.TOO_LARGE, "package " + where + " holds more than "
                            + maxElements + " XML elements, the cap for one package; it was refused, ask its sender"
                            + " to send smaller packages or raise the cap");
                }
                if (elements == 1) {
                    checkRoot();
                }
            }
            default -> {
                // text, comments and end tags need no check of their own
            }
        }
    }

    private void checkRoot() {
        if (!ROOT.equals(getLocalName()) || getNamespaceURI() != null && !getNamespaceURI().isEmpty()) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " holds a <"
                    + getLocalName() + "> document, not a <" + ROOT + ">; it is not a Sincro package, set it aside");
        }
        String version = getAttributeValue(null, VERSION);
        int v;
        try {
            v = version == null ? -1 : Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (!PackageHeader.READABLE_VERSIONS.contains(v)) {
            throw new PackageRefusedException(Reason.UNSUPPORTED_VERSION, "package " + where + " is in format version "
                    + version + ", and this Sincro reads format version(s) "
                    + PackageHeader.READABLE_VERSIONS.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                    + "; install the Sincro release its sender uses, then import it again");
        }
        formatVersion = v;
    }
}
