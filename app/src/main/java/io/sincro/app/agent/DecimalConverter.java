package io.sincro.app.agent;

import java.math.BigDecimal;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a quantity, price or discount typed on the command line, with a point for decimals. */
final class DecimalConverter implements ITypeConverter<BigDecimal> {

    @Override
    public BigDecimal convert(String value) {
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            if (value.matches("\\s*-?\\d+,\\d+\\s*")) {
                throw new TypeConversionException("'" + value + "' has a decimal comma; write decimals with a point, such as "
                        + value.trim().replace(',', '.'));
            }
            throw new TypeConversionException("'" + value + "' is not a number; write it such as 12 or 12.50");
        }
    }
}
