package io.sincro.db;

/** Which side created a customer or an order, or sets an order's status. */
public enum Origin {
    HEAD_OFFICE, AGENT
}
