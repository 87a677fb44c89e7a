package io.sincro.format.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;

import io.sincro.format.rows.PriceList;

/** A {@code priceList} element. */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlPriceList {

    @XmlAttribute(required = true)
    String code;
    @XmlElement(required = true)
    String description;

    static XmlPriceList of(PriceList list) {
        XmlPriceList x = new XmlPriceList();
        x.code = list.code();
        x.description = list.description();
        return x;
    }

    PriceList toRecord() {
        return new PriceList(code, description);
    }
}
