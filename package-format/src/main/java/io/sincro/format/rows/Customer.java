package io.sincro.format.rows;

import java.time.Instant;
import java.util.Objects;

/**
 * A {@code customer}: {@code agentCode} is the agent it is assigned to (none for a customer the
 * head office serves itself), {@code priceListCode} its generic price list.
 */
public record Customer(
        String code,
        String name,
        String vatNumber,
        String address,
        String city,
        String email,
        String phone,
        String agentCode,
        String priceListCode,
        Origin origin,
        Instant createdAt) {

    public Customer {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
