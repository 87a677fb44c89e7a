package io.sincro.format.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.OrderStatusUpdate;

/** An {@code orderStatus} element. */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlOrderStatus {

    @XmlAttribute(required = true)
    String series;
    @XmlAttribute(required = true)
    int number;
    @XmlAttribute(required = true)
    String status;
    @XmlElement
    String reason;

    static XmlOrderStatus of(OrderStatusUpdate u) {
        XmlOrderStatus x = new XmlOrderStatus();
        x.series = u.number().series();
        x.number = u.number().number();
        x.status = u.status().name();
        x.reason = u.reason();
        return x;
    }

    OrderStatusUpdate toRecord() {
        return new OrderStatusUpdate(new OrderNumber(series, number), OrderStatus.valueOf(status), reason);
    }
}
