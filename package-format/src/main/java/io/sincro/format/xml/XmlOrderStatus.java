package io.sincro.format.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.OrderStatusUpdate;

/**
 * An {@code orderStatus} element. {@code expectedDelivery}, {@code changedAt} and
 * {@code changedBy} came with format version 2; a version 1 element has none of them.
 */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlOrderStatus {

    @XmlAttribute(required = true)
    String series;
    @XmlAttribute(required = true)
    int number;
    @XmlAttribute(required = true)
    String status;
    @XmlAttribute
    String expectedDelivery;
    @XmlAttribute
    String changedAt;
    @XmlAttribute
    String changedBy;
    @XmlElement
    String reason;

    static XmlOrderStatus of(OrderStatusUpdate u) {
        XmlOrderStatus x = new XmlOrderStatus();
        x.series = u.number().series();
        x.number = u.number().number();
        x.status = u.status().name();
        x.expectedDelivery = XmlValues.date(u.expectedDelivery());
        x.changedAt = XmlValues.instant(u.changedAt());
        x.changedBy = u.changedBy();
        x.reason = u.reason();
        return x;
    }

    OrderStatusUpdate toRecord() {
        OrderNumber n = new OrderNumber(series, number);
        return new OrderStatusUpdate(n, OrderStatus.valueOf(status), reason,
                XmlValues.date(expectedDelivery, "order status " + n + " expectedDelivery"),
                XmlValues.instant(changedAt, "order status " + n + " changedAt"), changedBy);
    }
}
