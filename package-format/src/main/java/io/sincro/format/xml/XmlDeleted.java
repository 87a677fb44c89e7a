package io.sincro.format.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;

import io.sincro.format.Entity;
import io.sincro.format.rows.Deletion;

/**
 * A {@code deleted} element. Its key attributes depend on the section (the schema says which each
 * requires); one class reads them all.
 */
@XmlAccessorType(XmlAccessType.FIELD)
final class XmlDeleted {

    @XmlAttribute
    String code;
    @XmlAttribute
    String priceList;
    @XmlAttribute
    String customer;
    @XmlAttribute
    String product;
    @XmlAttribute(required = true)
    String deletedAt;
    @XmlAttribute(required = true)
    String deletedBy;

    static XmlDeleted of(Deletion d) {
        XmlDeleted x = new XmlDeleted();
        switch (d.entity()) {
            case CUSTOMERS -> x.code = d.key();
            case PRICE_LIST_ROWS -> {
                x.priceList = d.key();
                x.product = d.secondKey();
            }
            case STOCK -> x.product = d.key();
            case SPECIAL_PRICES -> {
                x.customer = d.key();
                x.product = d.secondKey();
            }
            default -> throw new IllegalArgumentException(d.entity().section() + " carry no deletions");
        }
        x.deletedAt = XmlValues.instant(d.deletedAt());
        x.deletedBy = d.deletedBy();
        return x;
    }

    Deletion toRecord(Entity entity) {
        String key = switch (entity) {
            case CUSTOMERS -> code;
            case PRICE_LIST_ROWS -> priceList;
            case STOCK -> product;
            case SPECIAL_PRICES -> customer;
            default -> throw new IllegalArgumentException(entity.section() + " carry no deletions");
        };
        String second = entity == Entity.PRICE_LIST_ROWS || entity == Entity.SPECIAL_PRICES ? product : null;
        if (key == null) {
            throw new IllegalArgumentException("a deletion in " + entity.section() + " lacks its key");
        }
        return new Deletion(entity, key, second, XmlValues.instant(deletedAt, "deletedAt"), deletedBy);
    }
}
