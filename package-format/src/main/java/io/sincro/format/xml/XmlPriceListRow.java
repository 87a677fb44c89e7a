package io.sincro.format.xml;

import java.math.BigDecimal;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;

import io.sincro.format.rows.PriceListRow;

/** A {@code priceListRow} element: all attributes, as there may be millions. */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlPriceListRow {

    @XmlAttribute(required = true)
    String priceList;
    @XmlAttribute(required = true)
    String product;
    @XmlAttribute(required = true)
    BigDecimal price;

    static XmlPriceListRow of(PriceListRow r) {
        XmlPriceListRow x = new XmlPriceListRow();
        x.priceList = r.priceListCode();
        x.product = r.productCode();
        x.price = r.price();
        return x;
    }

    PriceListRow toRecord() {
        return new PriceListRow(priceList, product, price);
    }
}
