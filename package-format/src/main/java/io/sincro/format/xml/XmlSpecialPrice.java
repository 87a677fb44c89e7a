package io.sincro.format.xml;

import java.math.BigDecimal;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;

import io.sincro.format.rows.SpecialPrice;

/** A {@code specialPrice} element, with the stamp that decides which edit wins. */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlSpecialPrice {

    @XmlAttribute(required = true)
    String customer;
    @XmlAttribute(required = true)
    String product;
    @XmlAttribute(required = true)
    BigDecimal price;
    @XmlAttribute(required = true)
    BigDecimal discount;
    @XmlAttribute(required = true)
    String updatedAt;
    @XmlAttribute(required = true)
    String updatedBy;

    static XmlSpecialPrice of(SpecialPrice p) {
        XmlSpecialPrice x = new XmlSpecialPrice();
        x.customer = p.customerCode();
        x.product = p.productCode();
        x.price = p.price();
        x.discount = p.discount();
        x.updatedAt = XmlValues.instant(p.updatedAt());
        x.updatedBy = p.updatedBy();
        return x;
    }

    SpecialPrice toRecord() {
        return new SpecialPrice(customer, product, price, discount,
                XmlValues.instant(updatedAt, "special price " + customer + "/" + product + " updatedAt"), updatedBy);
    }
}
