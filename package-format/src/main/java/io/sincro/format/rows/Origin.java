package io.sincro.format.rows;

/** Which side created a customer: the head office, or an agent in its own code series. */
public enum Origin {
    HEAD_OFFICE, AGENT
}
