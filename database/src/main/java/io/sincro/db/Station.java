package io.sincro.db;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Whose database this is: the head office's, or one agent's. Stored in the database itself, so a
 * settings file pointing an agent at the company database (or at another agent's) is caught.
 */
public record Station(Role role, String agentCode) {

    /** Agent codes: capital letters and digits, at most 10; they prefix the agent's own series. */
    public static final Pattern AGENT_CODE = Pattern.compile("[A-Z0-9]{1,10}");

    /** The order series of orders entered at the head office; no agent may take it as its code. */
    public static final String HEAD_OFFICE_SERIES = "HQ";

    public enum Role {
        HEAD_OFFICE, AGENT;

        /** The name used in settings files and messages: head-office, agent. */
        public String label() {
            return this == HEAD_OFFICE ? "head-office" : "agent";
        }
    }

    public Station {
        Objects.requireNonNull(role, "role");
        if (role == Role.AGENT) {
            checkAgentCode(agentCode);
        } else if (agentCode != null) {
            throw new IllegalArgumentException("the head office has no agent code");
        }
    }

    public static Station headOffice() {
        return new Station(Role.HEAD_OFFICE, null);
    }

    public static Station agent(String agentCode) {
        return new Station(Role.AGENT, agentCode);
    }

    public boolean isHeadOffice() {
        return role == Role.HEAD_OFFICE;
    }

    /** How the station signs what it writes: HQ, or its agent code. */
    public String code() {
        return isHeadOffice() ? HEAD_OFFICE_SERIES : agentCode;
    }

    /**
     * Checks an agent code and returns it; the message says what a valid one looks like.
     */
    public static String checkAgentCode(String code) {
        if (code == null || !AGENT_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("agent code '" + code
                    + "' is not valid: use 1 to 10 capital letters or digits, such as A01");
        }
        if (HEAD_OFFICE_SERIES.equals(code)) {
            throw new IllegalArgumentException("agent code " + HEAD_OFFICE_SERIES
                    + " is reserved for orders entered at the head office; choose another code");
        }
        return code;
    }

    @Override
    public String toString() {
        return role == Role.HEAD_OFFICE ? "head office" : "agent " + agentCode;
    }
}
