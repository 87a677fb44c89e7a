package io.sincro.format.xml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderLine;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;

/** An {@code order} element with its lines. Only agents' orders travel, so the origin is implied. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"notes", "lines"})
final class XmlOrder {

    @XmlAttribute(required = true)
    String series;
    @XmlAttribute(required = true)
    int number;
    @XmlAttribute(required = true)
    String agent;
    @XmlAttribute(required = true)
    String customer;
    @XmlAttribute(required = true)
    String status;
    @XmlAttribute(required = true)
    String orderDate;
    @XmlAttribute
    String deliveryDate;
    @XmlAttribute(required = true)
    String createdAt;
    @XmlElement
    String notes;
    @XmlElement(name = "line")
    List<Line> lines = new ArrayList<>();

    @XmlAccessorType(XmlAccessType.FIELD)
    static final class Line {
        @XmlAttribute(required = true)
        int no;
        @XmlAttribute(required = true)
        String product;
        @XmlAttribute(required = true)
        BigDecimal quantity;
        @XmlAttribute(required = true)
        BigDecimal unitPrice;
        @XmlAttribute(required = true)
        BigDecimal discount;
    }

    static XmlOrder of(Order o) {
        XmlOrder x = new XmlOrder();
        x.series = o.number().series();
        x.number = o.number().number();
        x.agent = o.agentCode();
        x.customer = o.customerCode();
        x.status = o.status().name();
        x.orderDate = XmlValues.date(o.orderDate());
        x.deliveryDate = XmlValues.date(o.deliveryDate());
        x.createdAt = XmlValues.instant(o.createdAt());
        x.notes = o.notes();
        for (OrderLine l : o.lines()) {
            Line line = new Line();
            line.no = l.lineNo();
            line.product = l.productCode();
            line.quantity = l.quantity();
            line.unitPrice = l.unitPrice();
            line.discount = l.discount();
            x.lines.add(line);
        }
        return x;
    }

    Order toRecord() {
        OrderNumber n = new OrderNumber(series, number);
        List<OrderLine> records = new ArrayList<>();
        for (Line l : lines) {
            records.add(new OrderLine(l.no, l.product, l.quantity, l.unitPrice, l.discount));
        }
        return new Order(n, agent, customer, OrderStatus.valueOf(status),
                XmlValues.date(orderDate, "order " + n + " orderDate"),
                XmlValues.date(deliveryDate, "order " + n + " deliveryDate"), notes,
                XmlValues.instant(createdAt, "order " + n + " createdAt"), records);
    }
}
