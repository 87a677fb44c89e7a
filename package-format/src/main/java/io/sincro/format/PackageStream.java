package io.sincro.format;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered sequence of packages from one sender to one recipient. There are three kinds: an
 * agent's packages to the head office ({@code A01_to_HQ}), the head office's packages to one agent
 * ({@code HQ_to_A01}: its customers, their special prices, its orders' status) and the shared
 * catalog every agent reads ({@code HQ_catalog}: products, generic price lists, stock). Agent codes
 * are capital letters and digits, so the lower-case words and the underscore keep the three apart.
 */
public record PackageStream(Direction direction, String agentCode) {

    /** What the head office is called in stream names, headers and stamps. */
    public static final String HEAD_OFFICE = "HQ";
    /** The recipient of the shared catalog: every agent. */
    public static final String EVERY_AGENT = "*";

    /** Agent codes: 1 to 10 capital letters or digits, never HQ. */
    public static final Pattern AGENT_CODE = Pattern.compile("[A-Z0-9]{1,10}");

    private static final Pattern ID = Pattern.compile("([A-Z0-9]{1,10})_to_HQ|HQ_to_([A-Z0-9]{1,10})|HQ_catalog");

    public enum Direction {
        AGENT_TO_HEAD_OFFICE, HEAD_OFFICE_TO_AGENT, CATALOG
    }

    public PackageStream {
        Objects.requireNonNull(direction, "direction");
        if (direction == Direction.CATALOG) {
            if (agentCode != null) {
                throw new IllegalArgumentException("the catalog stream belongs to no agent, not to " + agentCode);
            }
        } else {
            if (agentCode == null || !AGENT_CODE.matcher(agentCode).matches() || HEAD_OFFICE.equals(agentCode)) {
                throw new IllegalArgumentException("'" + agentCode + "' is not an agent code: 1 to 10 capital"
                        + " letters or digits, not " + HEAD_OFFICE);
            }
        }
    }

    public static PackageStream fromAgent(String agentCode) {
        return new PackageStream(Direction.AGENT_TO_HEAD_OFFICE, agentCode);
    }

    public static PackageStream toAgent(String agentCode) {
        return new PackageStream(Direction.HEAD_OFFICE_TO_AGENT, agentCode);
    }

    public static PackageStream catalog() {
        return new PackageStream(Direction.CATALOG, null);
    }

    /** Reads a stream id such as {@code A01_to_HQ}; empty when it is not one. */
    public static Optional<PackageStream> parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        String agent = m.group(1) != null ? m.group(1) : m.group(2);
        if (HEAD_OFFICE.equals(agent)) {
            return Optional.empty();
        }
        if (m.group(1) != null) {
            return Optional.of(fromAgent(agent));
        }
        return Optional.of(agent != null ? toAgent(agent) : catalog());
    }

    /** The id used in file names and headers: A01_to_HQ, HQ_to_A01 or HQ_catalog. */
    public String id() {
        return switch (direction) {
            case AGENT_TO_HEAD_OFFICE -> agentCode + "_to_" + HEAD_OFFICE;
            case HEAD_OFFICE_TO_AGENT -> HEAD_OFFICE + "_to_" + agentCode;
            case CATALOG -> HEAD_OFFICE + "_catalog";
        };
    }

    /** Who writes this stream's packages: HQ or the agent's code. */
    public String sender() {
        return direction == Direction.AGENT_TO_HEAD_OFFICE ? agentCode : HEAD_OFFICE;
    }

    /** Who reads them: HQ, the agent's code, or {@link #EVERY_AGENT}. */
    public String recipient() {
        return switch (direction) {
            case AGENT_TO_HEAD_OFFICE -> HEAD_OFFICE;
            case HEAD_OFFICE_TO_AGENT -> agentCode;
            case CATALOG -> EVERY_AGENT;
        };
    }

    /** Whether {@code party} (HQ, or an agent's code) writes this stream. */
    public boolean isWrittenBy(String party) {
        return direction == Direction.AGENT_TO_HEAD_OFFICE ? agentCode.equals(party) : HEAD_OFFICE.equals(party);
    }

    /** Whether {@code party} (HQ, or an agent's code) reads this stream. */
    public boolean isReadBy(String party) {
        return switch (direction) {
            case AGENT_TO_HEAD_OFFICE -> HEAD_OFFICE.equals(party);
            case HEAD_OFFICE_TO_AGENT -> agentCode.equals(party);
            case CATALOG -> !HEAD_OFFICE.equals(party);
        };
    }

    @Override
    public String toString() {
        return id();
    }
}
