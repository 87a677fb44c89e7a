package io.sincro.web.page;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.javalin.http.Context;

import io.sincro.agent.work.AgentWorkException;

/**
 * Reads what a form sent: decimals as browsers send them (12.5, whatever the page's language),
 * dates as ISO (what a date field sends). A value that is not one is the agent's mistake, said in
 * one sentence like the module's own.
 */
public final class Forms {

    private Forms() {
    }

    /** The field's text, trimmed; null when empty. */
    public static String text(Context ctx, String field) {
        return stripped(ctx.formParam(field));
    }

    /** The query parameter's text, trimmed; null when empty. */
    public static String query(Context ctx, String parameter) {
        return stripped(ctx.queryParam(parameter));
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public static BigDecimal decimal(Context ctx, String field, String what) {
        String value = text(ctx, field);
        if (value == null) {
            throw new AgentWorkException(what + " is missing; write a number such as 12 or 2.5");
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new AgentWorkException(what + " '" + value + "' is not a number; write one such as 12 or 2.5");
        }
    }

    public static LocalDate date(Context ctx, String field, String what) {
        String value = text(ctx, field);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new AgentWorkException(what + " '" + value + "' is not a date; pick one in the calendar");
        }
    }
}
