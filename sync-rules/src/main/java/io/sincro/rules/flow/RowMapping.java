package io.sincro.rules.flow;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import io.sincro.db.Origin;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.format.rows.Section;

/**
 * The one place where the rows a package carries (the format's records, io.sincro.format.rows) and
 * the rows a station stores (the database's records) meet: the two keep the same names, so the
 * format's are written out in full here, and nowhere else in the rules.
 */
final class RowMapping {

    private RowMapping() {
    }

    // --- from the database into a package ---

    static io.sincro.format.rows.PriceList toPackage(PriceList l) {
        return new io.sincro.format.rows.PriceList(l.code(), l.description());
    }

    static io.sincro.format.rows.Product toPackage(Product p) {
        return new io.sincro.format.rows.Product(p.code(), p.description(), p.unit(), p.vatRate(), p.active());
    }

    static io.sincro.format.rows.PriceListRow toPackage(PriceListRow r) {
        return new io.sincro.format.rows.PriceListRow(r.priceListCode(), r.productCode(), r.price());
    }

    static io.sincro.format.rows.StockLevel toPackage(StockLevel s) {
        return new io.sincro.format.rows.StockLevel(s.productCode(), s.quantity());
    }

    static io.sincro.format.rows.Customer toPackage(Customer c) {
        return new io.sincro.format.rows.Customer(c.code(), c.name(), c.vatNumber(), c.address(), c.city(), c.email(),
                c.phone(), c.agentCode(), c.priceListCode(), io.sincro.format.rows.Origin.valueOf(c.origin().name()),
                c.createdAt());
    }

    static io.sincro.format.rows.SpecialPrice toPackage(SpecialPrice p) {
        return new io.sincro.format.rows.SpecialPrice(p.customerCode(), p.productCode(), p.price(), p.discount(),
                p.updatedAt(), p.updatedBy());
    }

    static io.sincro.format.rows.Order toPackage(Order o, List<OrderLine> lines) {
        return new io.sincro.format.rows.Order(toPackage(o.number()), o.agentCode(), o.customerCode(),
                toPackage(o.status()), o.orderDate(), o.deliveryDate(), o.notes(), o.createdAt(),
                lines.stream().map(l -> new io.sincro.format.rows.OrderLine(l.lineNo(), l.productCode(), l.quantity(),
                        l.unitPrice(), l.discount())).toList());
    }

    static io.sincro.format.rows.OrderStatusUpdate toPackage(StatusChange s) {
        return new io.sincro.format.rows.OrderStatusUpdate(toPackage(s.number()), toPackage(s.status()), s.reason(),
                s.expectedDelivery(), s.changedAt(), s.changedBy());
    }

    static io.sincro.format.rows.OrderNumber toPackage(OrderNumber n) {
        return new io.sincro.format.rows.OrderNumber(n.series(), n.number());
    }

    /**
     * @throws IllegalArgumentException for a draft, which never travels
     */
    static io.sincro.format.rows.OrderStatus toPackage(OrderStatus s) {
        return io.sincro.format.rows.OrderStatus.valueOf(s.name());
    }

    // --- from a package into the database ---

    static PriceList toDatabase(io.sincro.format.rows.PriceList l) {
        return new PriceList(l.code(), l.description());
    }

    static Product toDatabase(io.sincro.format.rows.Product p) {
        return new Product(p.code(), p.description(), p.unit(), p.vatRate(), p.active());
    }

    static PriceListRow toDatabase(io.sincro.format.rows.PriceListRow r) {
        return new PriceListRow(r.priceListCode(), r.productCode(), r.price());
    }

    static StockLevel toDatabase(io.sincro.format.rows.StockLevel s) {
        return new StockLevel(s.productCode(), s.quantity());
    }

    static Customer toDatabase(io.sincro.format.rows.Customer c) {
        return new Customer(c.code(), c.name(), c.vatNumber(), c.address(), c.city(), c.email(), c.phone(),
                c.agentCode(), c.priceListCode(), Origin.valueOf(c.origin().name()), c.createdAt());
    }

    static SpecialPrice toDatabase(io.sincro.format.rows.SpecialPrice p) {
        return new SpecialPrice(p.customerCode(), p.productCode(), p.price(), p.discount(), p.updatedAt(),
                p.updatedBy());
    }

    static OrderNumber toDatabase(io.sincro.format.rows.OrderNumber n) {
        return new OrderNumber(n.series(), n.number());
    }

    static OrderStatus toDatabase(io.sincro.format.rows.OrderStatus s) {
        return OrderStatus.valueOf(s.name());
    }

    /**
     * A status as {@code sender} set it; a format version 1 package carries neither when nor by
     * whom, so it counts as set by its sender when it {@code arrived}.
     */
    static StatusChange toDatabase(io.sincro.format.rows.OrderStatusUpdate u, String sender, Instant arrived) {
        return new StatusChange(toDatabase(u.number()), toDatabase(u.status()), u.reason(), u.expectedDelivery(),
                u.changedAt() == null ? arrived : u.changedAt(), u.changedBy() == null ? sender : u.changedBy());
    }

    static List<OrderLine> linesOf(io.sincro.format.rows.Order o) {
        return o.lines().stream().map(l -> new OrderLine(l.lineNo(), l.productCode(), l.quantity(), l.unitPrice(),
                l.discount())).toList();
    }

    // --- a section's rows, mapped as they are taken (for the bulk loads) ---

    static Iterator<PriceList> priceLists(Section s) {
        return rows(s, io.sincro.format.rows.PriceList.class, RowMapping::toDatabase);
    }

    static Iterator<Product> products(Section s) {
        return rows(s, io.sincro.format.rows.Product.class, RowMapping::toDatabase);
    }

    static Iterator<PriceListRow> priceListRows(Section s) {
        return rows(s, io.sincro.format.rows.PriceListRow.class, RowMapping::toDatabase);
    }

    static Iterator<StockLevel> stockLevels(Section s) {
        return rows(s, io.sincro.format.rows.StockLevel.class, RowMapping::toDatabase);
    }

    static Iterator<SpecialPrice> specialPrices(Section s) {
        return rows(s, io.sincro.format.rows.SpecialPrice.class, RowMapping::toDatabase);
    }

    private static <F, D> Iterator<D> rows(Section s, Class<F> type, Function<F, D> mapping) {
        Iterator<F> rows = s.rows(type);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public D next() {
                return mapping.apply(rows.next());
            }
        };
    }
}
