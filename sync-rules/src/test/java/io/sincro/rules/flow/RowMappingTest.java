package io.sincro.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sincro.db.Origin;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.StatusChange;
import io.sincro.db.prices.SpecialPrice;

/** Every row a station stores arrives at the other side as it left, through the format's own records. */
class RowMappingTest {

    private static final Instant AT = Instant.parse("2026-03-02T08:15:30.123456Z");

    @Test
    void catalogRowsSurviveTheTripThroughThePackageFormat() {
        PriceList list = new PriceList("BASE", "Listino base");
        Product product = new Product("P1", "Vite M8", "PZ", new BigDecimal("22.00"), false);
        PriceListRow row = new PriceListRow("BASE", "P1", new BigDecimal("0.1250"));
        StockLevel stock = new StockLevel("P1", new BigDecimal("1500.250"));

        assertThat(RowMapping.toDatabase(RowMapping.toPackage(list))).isEqualTo(list);
        assertThat(RowMapping.toDatabase(RowMapping.toPackage(product))).isEqualTo(product);
        assertThat(RowMapping.toDatabase(RowMapping.toPackage(row))).isEqualTo(row);
        assertThat(RowMapping.toDatabase(RowMapping.toPackage(stock))).isEqualTo(stock);
    }

    @Test
    void customersAndSpecialPricesKeepEveryFieldAndTheirOrigin() {
        Customer customer = new Customer("A01-00001", "Bar Sport", "IT01234567890", "Via Roma 1", "Forlì",
                "bar@example.com", "+39 0543 123", "A01", "BASE", Origin.AGENT, AT);
        SpecialPrice price = new SpecialPrice("A01-00001", "P1", new BigDecimal("9.9000"), new BigDecimal("5.00"), AT,
                "A01");

        assertThat(RowMapping.toDatabase(RowMapping.toPackage(customer))).isEqualTo(customer);
        assertThat(RowMapping.toDatabase(RowMapping.toPackage(price))).isEqualTo(price);
    }

    @Test
    void anOrderTravelsWithItsNumberStatusAndLines() {
        Order order = new Order(new OrderNumber("A01", 42), "A01", "C00001", Origin.AGENT, OrderStatus.SUBMITTED,
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), "ring first", AT);
        List<OrderLine> lines = List.of(new OrderLine(1, "P1", new BigDecimal("2.000"), new BigDecimal("10.5000"),
                new BigDecimal("5.00")));

        io.sincro.format.rows.Order travelling = RowMapping.toPackage(order, lines);

        assertThat(RowMapping.toDatabase(travelling.number())).isEqualTo(order.number());
        assertThat(RowMapping.toDatabase(travelling.status())).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(RowMapping.linesOf(travelling)).isEqualTo(lines);
        assertThat(travelling.number()).hasToString("A01/000042");
    }

    @Test
    void aStatusTravelsWholeAndOneFromAVersionOnePackageIsTheSendersAtItsArrival() {
        StatusChange shipped = new StatusChange(new OrderNumber("A01", 42), OrderStatus.SHIPPED, "by courier",
                LocalDate.of(2026, 12, 24), AT, "HQ");
        Instant arrived = AT.plusSeconds(3600);

        assertThat(RowMapping.toDatabase(RowMapping.toPackage(shipped), "HQ", arrived)).isEqualTo(shipped);
        var versionOne = new io.sincro.format.rows.OrderStatusUpdate(RowMapping.toPackage(shipped.number()),
                io.sincro.format.rows.OrderStatus.ACCEPTED, null);
        assertThat(RowMapping.toDatabase(versionOne, "HQ", arrived))
                .isEqualTo(new StatusChange(shipped.number(), OrderStatus.ACCEPTED, null, null, arrived, "HQ"));
    }

    @Test
    void aDraftHasNoStatusInThePackageFormatSinceDraftsNeverTravel() {
        assertThatThrownBy(() -> RowMapping.toPackage(OrderStatus.DRAFT)).isInstanceOf(IllegalArgumentException.class);
    }
}
