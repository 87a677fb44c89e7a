package io.sincro.format.xml;

import java.math.BigDecimal;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;

import io.sincro.format.rows.StockLevel;

/** A {@code stockLevel} element. */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlStockLevel {

    @XmlAttribute(required = true)
    String product;
    @XmlAttribute(required = true)
    BigDecimal quantity;

    static XmlStockLevel of(StockLevel s) {
        XmlStockLevel x = new XmlStockLevel();
        x.product = s.productCode();
        x.quantity = s.quantity();
        return x;
    }

    StockLevel toRecord() {
        return new StockLevel(product, quantity);
    }
}
