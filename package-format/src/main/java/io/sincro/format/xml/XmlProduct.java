package io.sincro.format.xml;

import java.math.BigDecimal;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import io.sincro.format.rows.Product;

/** A {@code product} element. */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlProduct {

    @XmlAttribute(required = true)
    String code;
    @XmlAttribute(required = true)
    String unit;
    @XmlAttribute(required = true)
    BigDecimal vatRate;
    @XmlAttribute(required = true)
    boolean active;
    @XmlElement(required = true)
    String description;

    static XmlProduct of(Product p) {
        XmlProduct x = new XmlProduct();
        x.code = p.code();
        x.unit = p.unit();
        x.vatRate = p.vatRate();
        x.active = p.active();
        x.description = p.description();
        return x;
    }

    Product toRecord() {
        return new Product(code, description, unit, vatRate, active);
    }
}
