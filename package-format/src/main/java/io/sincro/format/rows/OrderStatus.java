package io.sincro.format.rows;

/**
 * Where an order stands, as far as it travels: an agent sends it SUBMITTED (or SENT, when it goes
 * again); the head office reports RECEIVED, then ACCEPTED, REJECTED or SHIPPED. Drafts never travel.
 */
public enum OrderStatus {
    SUBMITTED, SENT, RECEIVED, ACCEPTED, REJECTED, SHIPPED
}
