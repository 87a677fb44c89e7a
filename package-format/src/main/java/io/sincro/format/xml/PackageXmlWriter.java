package io.sincro.format.xml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.xml.namespace.QName;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import io.sincro.format.Entity;
import io.sincro.format.EntityCount;
import io.sincro.format.PackageHeader;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.format.rows.StockLevel;

/**
 * Writes one package document as its rows arrive, one JAXB element at a time. The header comes first
 * in the document but holds the row counts, which are known only at the end, so the sections go to
 * a body file first and {@link #finish} writes header and body out together; nothing is ever held in
 * memory but the row being written.
 *
 * <p>Rows must arrive in section order and, within a section, deletions before rows; a builder that
 * breaks the order is a bug, reported as an {@link IllegalStateException}.
 */
public final class PackageXmlWriter implements PackageRows, AutoCloseable {

    private final Path bodyFile;
    private final OutputStream bodyOut;
    private final XMLStreamWriter body;
    private final Marshaller marshaller;
    private final XMLOutputFactory outputs;
    private final Map<Entity, long[]> counts = new EnumMap<>(Entity.class);
    private Entity section;
    private boolean finished;

    PackageXmlWriter(Path bodyFile, Marshaller marshaller, XMLOutputFactory outputs) throws IOException {
        this.bodyFile = bodyFile;
        this.marshaller = marshaller;
        this.outputs = outputs;
        this.bodyOut = new BufferedOutputStream(Files.newOutputStream(bodyFile), 1 << 16);
        try {
            this.body = new TextCheckingWriter(outputs.createXMLStreamWriter(bodyOut, "UTF-8"));
        } catch (XMLStreamException e) {
            bodyOut.close();
            throw new IOException("could not start writing " + bodyFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void priceList(PriceList list) {
        row(Entity.PRICE_LISTS, XmlPriceList.class, XmlPriceList.of(list), list.code());
    }

    @Override
    public void product(Product product) {
        row(Entity.PRODUCTS, XmlProduct.class, XmlProduct.of(product), product.code());
    }

    @Override
    public void priceListRow(PriceListRow row) {
        row(Entity.PRICE_LIST_ROWS, XmlPriceListRow.class, XmlPriceListRow.of(row),
                row.priceListCode() + "/" + row.productCode());
    }

    @Override
    public void stockLevel(StockLevel level) {
        row(Entity.STOCK, XmlStockLevel.class, XmlStockLevel.of(level), level.productCode());
    }

    @Override
    public void customer(Customer customer) {
        row(Entity.CUSTOMERS, XmlCustomer.class, XmlCustomer.of(customer), customer.code());
    }

    @Override
    public void specialPrice(SpecialPrice price) {
        row(Entity.SPECIAL_PRICES, XmlSpecialPrice.class, XmlSpecialPrice.of(price),
                price.customerCode() + "/" + price.productCode());
    }

    @Override
    public void order(Order order) {
        row(Entity.ORDERS, XmlOrder.class, XmlOrder.of(order), order.number().toString());
    }

    @Override
    public void orderStatus(OrderStatusUpdate status) {
        row(Entity.ORDER_STATUSES, XmlOrderStatus.class, XmlOrderStatus.of(status), status.number().toString());
    }

    @Override
    public void deletion(Deletion deletion) {
        enter(deletion.entity());
        long[] count = counts.get(deletion.entity());
        if (count[0] > 0) {
            throw new IllegalStateException("the deletion of " + deletion + " comes after rows of its section;"
                    + " deletions come first");
        }
        write("deleted", XmlDeleted.class, XmlDeleted.of(deletion), "the deletion of " + deletion);
        count[1]++;
    }

    private <T> void row(Entity entity, Class<T> type, T value, String key) {
        enter(entity);
        write(entity.row(), type, value, entity.row() + " " + key);
        counts.get(entity)[0]++;
    }

    private void enter(Entity entity) {
        if (finished) {
            throw new IllegalStateException("the package is finished; no more rows");
        }
        if (entity == section) {
            return;
        }
        if (section != null && entity.ordinal() < section.ordinal()) {
            throw new IllegalStateException(entity.section() + " come before " + section.section()
                    + " in a package; the builder wrote them out of order");
        }
        if (counts.containsKey(entity)) {
            throw new IllegalStateException(entity.section() + " were already written");
        }
        try {
            if (section != null) {
                body.writeEndElement();
                body.writeCharacters("\n");
            }
            body.writeStartElement(entity.section());
            body.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new UncheckedIOException(new IOException("could not write to " + bodyFile + ": " + e.getMessage(), e));
        }
        section = entity;
        counts.put(entity, new long[2]);
    }

    private <T> void write(String element, Class<T> type, T value, String what) {
        try {
            marshaller.marshal(new JAXBElement<>(new QName(element), type, value), body);
            body.writeCharacters("\n");
        } catch (JAXBException | XMLStreamException | TextCheckingWriter.UnwritableTextException e) {
            TextCheckingWriter.UnwritableTextException unwritable = unwritable(e);
            if (unwritable != null) {
                throw new IllegalArgumentException(what + " holds a character XML cannot carry (" + unwritable.getMessage()
                        + "); correct it in the database (or the CSV it came from) and write the package again", e);
            }
            throw new UncheckedIOException(new IOException("could not write " + what + " to " + bodyFile + ": " + e, e));
        }
    }

    private static TextCheckingWriter.UnwritableTextException unwritable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TextCheckingWriter.UnwritableTextException u) {
                return u;
            }
        }
        return null;
    }

    /** Rows and deletions written so far, per section, in section order. */
    public List<EntityCount> counts() {
        List<EntityCount> result = new ArrayList<>();
        counts.forEach((entity, n) -> result.add(new EntityCount(entity, n[0], n[1])));
        return result;
    }

    /**
     * Writes the whole document to {@code out}: the header (given its counts here) and the body.
     * {@code out} is left open.
     */
    public PackageHeader finish(PackageHeader header, OutputStream out) throws IOException {
        PackageHeader complete = header.withCounts(counts());
        try {
            if (section != null) {
                body.writeEndElement();
                body.writeCharacters("\n");
            }
            body.flush();
            body.close();
            bodyOut.close();
            finished = true;

            XMLStreamWriter head = new TextCheckingWriter(outputs.createXMLStreamWriter(out, "UTF-8"));
            head.writeStartDocument("UTF-8", "1.0");
            head.writeCharacters("\n");
            head.writeStartElement(GuardedReader.ROOT);
            head.writeAttribute(GuardedReader.VERSION, String.valueOf(complete.formatVersion()));
            head.writeCharacters("\n");
            marshaller.marshal(new JAXBElement<>(new QName("header"), XmlHeader.class, XmlHeader.of(complete)), head);
            head.writeCharacters("\n");
            head.flush();
            Files.copy(bodyFile, out);
            head.writeEndElement();
            head.writeCharacters("\n");
            head.writeEndDocument();
            head.flush();
            return complete;
        } catch (XMLStreamException | JAXBException e) {
            throw new IOException("could not write the package document: " + e.getMessage(), e);
        }
    }

    /** Deletes the body file. */
    @Override
    public void close() throws IOException {
        try {
            bodyOut.close();
        } finally {
            Files.deleteIfExists(bodyFile);
        }
    }
}
