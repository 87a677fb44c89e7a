package io.sincro.format.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;

import io.sincro.format.Entity;
import io.sincro.format.EntityCount;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.rows.PackageRows;

/**
 * The package document (package.xml) in and out: the only door between the records the rest of
 * Sincro uses and the JAXB classes of this package. Writing and reading are both streaming: StAX
 * for the document's frame, JAXB for one row element at a time.
 *
 * <p>Making one loads the JAXB context and the schema, which takes a moment: make one per
 * application and share it (it is safe to use from several threads).
 */
public final class PackageXml {

    /** Where the schema sits in the jar (it is also in docs/). */
    public static final String SCHEMA_RESOURCE = "/io/sincro/format/xml/sincro-package-3.xsd";

    private final JAXBContext jaxb;
    private final Schema schema;
    private final SafeXml safeXml = new SafeXml();
    private final XMLOutputFactory outputs = XMLOutputFactory.newDefaultFactory();

    public PackageXml() {
        try {
            jaxb = JAXBContext.newInstance(XmlHeader.class, XmlPriceList.class, XmlProduct.class,
                    XmlPriceListRow.class, XmlStockLevel.class, XmlCustomer.class, XmlSpecialPrice.class,
                    XmlOrder.class, XmlOrderStatus.class, XmlDeleted.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("the package classes do not bind to XML: " + e, e);
        }
        schema = loadSchema();
    }

    private static Schema loadSchema() {
        URL url = PackageXml.class.getResource(SCHEMA_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the package schema " + SCHEMA_RESOURCE + " is missing from the jar");
        }
        try (InputStream in = url.openStream()) {
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, url.toString()));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("the package schema " + SCHEMA_RESOURCE + " cannot be loaded: " + e, e);
        }
    }

    /** The package schema, for checking documents written elsewhere. */
    public Schema schema() {
        return schema;
    }

    /** A writer whose sections go to {@code bodyFile} until {@link PackageXmlWriter#finish}. */
    public PackageXmlWriter writer(Path bodyFile) throws IOException {
        Marshaller marshaller;
        try {
            marshaller = jaxb.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, true);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot make a JAXB marshaller: " + e, e);
        }
        return new PackageXmlWriter(bodyFile, marshaller, outputs);
    }

    /**
     * Checks a whole document without acting on it: no DOCTYPE or entity, a format version this
     * build reads, valid against the schema, at most {@code maxElements} elements.
     *
     * @throws PackageRefusedException saying what is wrong and where
     * @throws UncheckedIOException    when {@code content} itself fails (a truncated file)
     */
    public void check(InputStream content, String where, long maxElements) {
        try {
            GuardedReader reader = safeXml.reader(content, where, maxElements);
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StAXSource(reader));
        } catch (SAXException | XMLStreamException | IOException | RuntimeException e) {
            throw refusal(e, where, "is not well-formed XML: " + e.getMessage());
        }
    }

    /**
     * Reads a document: its header goes to {@code opener}, which returns where the rows go, then
     * every row in order. The counts in the header are checked against the sections.
     *
     * @return the header
     * @throws PackageRefusedException when the document is not a valid package
     */
    public PackageHeader read(InputStream content, String where, long maxElements, HeaderHandler opener) {
        try {
            GuardedReader reader = safeXml.reader(content, where, maxElements);
            Unmarshaller unmarshaller = jaxb.createUnmarshaller();
            reader.nextTag();
            reader.nextTag();
            expect(reader, "header", where);
            PackageHeader header = unmarshaller.unmarshal(reader, XmlHeader.class).getValue()
                    .toRecord(reader.formatVersion());
            PackageRows rows = opener.open(header);
            Map<Entity, long[]> seen = new EnumMap<>(Entity.class);
            Entity previous = null;
            toTag(reader);
            while (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                Entity entity = section(reader, where, previous);
                long[] count = new long[2];
                seen.put(entity, count);
                reader.nextTag();
                while (reader.getEventType() == XMLStreamConstants.START_ELEMENT) {
                    readRow(reader, unmarshaller, entity, rows, count, where);
                    toTag(reader);
                }
                checkCount(header, entity, count, where);
                previous = entity;
                reader.nextTag();
            }
            for (EntityCount declared : header.counts()) {
                if (!seen.containsKey(declared.entity()) && declared.total() > 0) {
                    throw new PackageRefusedException(Reason.MALFORMED, "package " + where + "'s header counts "
                            + declared.total() + " " + declared.entity().section() + " but the package has no such"
                            + " section; it is damaged or was not written by Sincro, ask its sender for a new one");
                }
            }
            return header;
        } catch (XMLStreamException | JAXBException | IllegalArgumentException e) {
            throw refusal(e, where, "could not be read: " + e.getMessage());
        }
    }

    /**
     * Reads only the header of a document that {@link #check} accepted.
     *
     * @throws PackageRefusedException when the header contradicts itself
     */
    public PackageHeader readHeader(InputStream content, String where) {
        try {
            GuardedReader reader = safeXml.reader(content, where, Long.MAX_VALUE);
            reader.nextTag();
            reader.nextTag();
            expect(reader, "header", where);
            return jaxb.createUnmarshaller().unmarshal(reader, XmlHeader.class).getValue().toRecord(reader.formatVersion());
        } catch (XMLStreamException | JAXBException | IllegalArgumentException e) {
            throw refusal(e, where, "has a header that could not be read: " + e.getMessage());
        }
    }

    /** Receives a package's header and says where its rows go. */
    @FunctionalInterface
    public interface HeaderHandler {
        PackageRows open(PackageHeader header);
    }

    private static Entity section(XMLStreamReader reader, String where, Entity previous) {
        Entity entity;
        try {
            entity = Entity.ofSection(reader.getLocalName());
        } catch (IllegalArgumentException e) {
            throw new PackageRefusedException(Reason.MALFORMED, "package " + where + " has an unknown section <"
                    + reader.getLocalName() + ">; ask its sender for a package this Sincro reads", e);
        }
        if (previous != null && entity.ordinal() <= previous.ordinal()) {
            throw new PackageRefusedException(Reason.MALFORMED, "package " + where + " has section "
                    + entity.section() + " after " + previous.section() + ", out of the format's order;"
                    + " ask its sender for a new one");
        }
        return entity;
    }

    private static void readRow(XMLStreamReader reader, Unmarshaller u, Entity entity, PackageRows rows, long[] count,
                                String where) throws JAXBException {
        String name = reader.getLocalName();
        if ("deleted".equals(name) && entity.hasDeletions()) {
            if (count[0] > 0) {
                throw new PackageRefusedException(Reason.MALFORMED, "package " + where + " has a deletion after rows in "
                        + entity.section() + "; deletions come first, ask its sender for a new one");
            }
            rows.deletion(u.unmarshal(reader, XmlDeleted.class).getValue().toRecord(entity));
            count[1]++;
            return;
        }
        if (!entity.row().equals(name)) {
            throw new PackageRefusedException(Reason.MALFORMED, "package " + where + " has a <" + name + "> in section "
                    + entity.section() + ", which holds <" + entity.row() + "> rows; ask its sender for a new one");
        }
        switch (entity) {
            case PRICE_LISTS -> rows.priceList(u.unmarshal(reader, XmlPriceList.class).getValue().toRecord());
            case PRODUCTS -> rows.product(u.unmarshal(reader, XmlProduct.class).getValue().toRecord());
            case PRICE_LIST_ROWS -> rows.priceListRow(u.unmarshal(reader, XmlPriceListRow.class).getValue().toRecord());
            case STOCK -> rows.stockLevel(u.unmarshal(reader, XmlStockLevel.class).getValue().toRecord());
            case CUSTOMERS -> rows.customer(u.unmarshal(reader, XmlCustomer.class).getValue().toRecord());
            case SPECIAL_PRICES -> rows.specialPrice(u.unmarshal(reader, XmlSpecialPrice.class).getValue().toRecord());
            case ORDERS -> rows.order(u.unmarshal(reader, XmlOrder.class).getValue().toRecord());
            case ORDER_STATUSES -> rows.orderStatus(u.unmarshal(reader, XmlOrderStatus.class).getValue().toRecord());
        }
        count[0]++;
    }

    private static void checkCount(PackageHeader header, Entity entity, long[] count, String where) {
        EntityCount declared = header.count(entity).orElse(new EntityCount(entity, 0, 0));
        if (declared.rows() != count[0] || declared.deletions() != count[1]) {
            throw new PackageRefusedException(Reason.MALFORMED, "package " + where + "'s header counts "
                    + declared.rows() + " rows and " + declared.deletions() + " deletions of " + entity.section()
                    + " but the section holds " + count[0] + " and " + count[1] + "; it is damaged or was not"
                    + " written by Sincro, ask its sender for a new one");
        }
    }

    private static void expect(XMLStreamReader reader, String element, String where) {
        if (reader.getEventType() != XMLStreamConstants.START_ELEMENT || !element.equals(reader.getLocalName())) {
            throw new PackageRefusedException(Reason.MALFORMED, "package " + where + " does not start with its <"
                    + element + ">; ask its sender for a new one");
        }
    }

    /** After JAXB has read an element the reader sits just past it: move on to the next tag. */
    private static void toTag(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        if (event == XMLStreamConstants.START_ELEMENT || event == XMLStreamConstants.END_ELEMENT) {
            return;
        }
        if (event == XMLStreamConstants.CHARACTERS && !reader.isWhiteSpace()) {
            throw new XMLStreamException("text '" + reader.getText().strip() + "' between rows");
        }
        reader.nextTag();
    }

    private static RuntimeException refusal(Exception e, String where, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PackageRefusedException refused) {
                return refused;
            }
            if (t instanceof IOException io) {
                return new UncheckedIOException(io);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException schema) {
                return new PackageRefusedException(Reason.MALFORMED, "package " + where + " does not follow the"
                        + " package schema at line " + schema.getLineNumber() + ", column " + schema.getColumnNumber()
                        + " (" + schema.getMessage() + "); it was not written by Sincro or is damaged, ask its sender"
                        + " for a new one", e);
            }
            if (t instanceof XMLStreamException xml && xml.getLocation() != null) {
                return new PackageRefusedException(Reason.MALFORMED, "package " + where + " is not well-formed XML at"
                        + " line " + xml.getLocation().getLineNumber() + ", column " + xml.getLocation().getColumnNumber()
                        + " (" + xml.getMessage().replaceAll("\\s+", " ") + "); it was not written by Sincro or is"
                        + " damaged, ask its sender for a new one", e);
            }
        }
        return new PackageRefusedException(Reason.MALFORMED, "package " + where + " " + what
                + "; it was not written by Sincro or is damaged, ask its sender for a new one", e);
    }
}
