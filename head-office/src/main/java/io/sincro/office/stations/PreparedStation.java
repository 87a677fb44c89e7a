package io.sincro.office.stations;

import java.nio.file.Path;

import io.sincro.db.orders.OrderNumber;

/** A station made ready for an agent: where, and the first customer code and order number it will use. */
public record PreparedStation(String agentCode, Path directory, Path database, String firstCustomerCode,
        OrderNumber firstOrderNumber) {
}
