package io.sincro.db.customers;

import java.time.Instant;
import java.util.Objects;

import io.sincro.db.Origin;

/**
 * A customer. {@code agentCode} is the agent it is assigned to (none for customers the head office
 * serves directly); {@code priceListCode} its generic price list.
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

    /** Whether the master data (everything but origin and creation time) is the same. */
    public boolean sameDataAs(Customer other) {
        return code.equals(other.code) && name.equals(other.name)
                && Objects.equals(vatNumber, other.vatNumber) && Objects.equals(address, other.address)
                && Objects.equals(city, other.city) && Objects.equals(email, other.email)
                && Objects.equals(phone, other.phone) && Objects.equals(agentCode, other.agentCode)
                && Objects.equals(priceListCode, other.priceListCode);
    }
}
