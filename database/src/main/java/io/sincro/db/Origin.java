package io.sincro.db;

/** Which side created a customer or an order. */
public enum Origin {
    HEAD_OFFICE, AGENT
}
