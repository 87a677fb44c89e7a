package io.sincro.db.customers;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The customer codes an agent station creates: the agent's code, a dash and a number, such as
 * A01-00042. Agent codes hold no dash, so two agents' series can never meet, and the head office
 * may not give its own customers codes of that shape (see {@link #ownerOf}).
 */
public final class CustomerCodes {

    private static final Pattern AGENT_SERIES = Pattern.compile("([A-Z0-9]{1,10})-(\\d{5,})");

    private CustomerCodes() {
    }

    /** The code of the {@code number}th customer agent {@code agentCode} creates. */
    public static String of(String agentCode, long number) {
        return agentCode + "-" + String.format("%05d", number);
    }

    /** The agent whose series {@code code} belongs to, if it has that shape. */
    public static Optional<String> ownerOf(String code) {
        Matcher m = AGENT_SERIES.matcher(code);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The number of {@code code} in {@code agentCode}'s series, if it is one of that agent's. */
    public static OptionalLong numberIn(String agentCode, String code) {
        Matcher m = AGENT_SERIES.matcher(code);
        if (m.matches() && m.group(1).equals(agentCode)) {
            return OptionalLong.of(Long.parseLong(m.group(2)));
        }
        return OptionalLong.empty();
    }
}
