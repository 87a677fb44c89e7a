package io.sincro.format.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;

import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Origin;

/** A {@code customer} element: codes as attributes, free text as elements (line breaks survive). */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"name", "vatNumber", "address", "city", "email", "phone"})
final class XmlCustomer {

    @XmlAttribute(required = true)
    String code;
    @XmlAttribute
    String agent;
    @XmlAttribute
    String priceList;
    @XmlAttribute(required = true)
    String origin;
    @XmlAttribute(required = true)
    String createdAt;
    @XmlElement(required = true)
    String name;
    @XmlElement
    String vatNumber;
    @XmlElement
    String address;
    @XmlElement
    String city;
    @XmlElement
    String email;
    @XmlElement
    String phone;

    static XmlCustomer of(Customer c) {
        XmlCustomer x = new XmlCustomer();
        x.code = c.code();
        x.agent = c.agentCode();
        x.priceList = c.priceListCode();
        x.origin = c.origin().name();
        x.createdAt = XmlValues.instant(c.createdAt());
        x.name = c.name();
        x.vatNumber = c.vatNumber();
        x.address = c.address();
        x.city = c.city();
        x.email = c.email();
        x.phone = c.phone();
        return x;
    }

    Customer toRecord() {
        return new Customer(code, name, vatNumber, address, city, email, phone, agent, priceList,
                Origin.valueOf(origin), XmlValues.instant(createdAt, "customer " + code + " createdAt"));
    }
}
