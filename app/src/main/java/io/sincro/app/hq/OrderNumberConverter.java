package io.sincro.app.hq;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import io.sincro.db.orders.OrderNumber;

/** Reads an order number such as A01/000042 on the command line. */
final class OrderNumberConverter implements ITypeConverter<OrderNumber> {

    @Override
    public OrderNumber convert(String value) {
        try {
            return OrderNumber.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
