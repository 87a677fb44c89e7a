package io.sincro.agent.customers;

import static io.sincro.agent.testing.AgentFixture.BIANCHI;
import static io.sincro.agent.testing.AgentFixture.ROSSI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.orders.AgentOrders;
import io.sincro.agent.orders.NewLine;
import io.sincro.agent.orders.OrderSummary;
import io.sincro.agent.testing.AgentFixture;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.CodeSeries;
import io.sincro.db.Origin;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.testing.Sql;

class AgentCustomersTest {

    @TempDir
    Path dir;

    private AgentFixture station;
    private AgentCustomers customers;

    @BeforeEach
    void openStation() {
        station = AgentFixture.in(dir);
        customers = station.station.customers();
    }

    @AfterEach
    void closeStation() {
        station.close();
    }

    @Test
    void aNewCustomerTakesTheStationsNextCodeAndBelongsToItsAgent() {
        Customer created = customers.create(verdi());

        assertThat(created.code()).isEqualTo("A01-00001");
        assertThat(created.agentCode()).isEqualTo("A01");
        assertThat(created.origin()).isEqualTo(Origin.AGENT);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
        assertThat(created.vatNumber()).isEqualTo("00743110157");
        assertThat(created.priceListCode()).isEqualTo("BASE");
        assertThat(Sql.rows(station.db, "SELECT code, name, city, agent_code, origin FROM customer WHERE code = 'A01-00001'"))
                .containsExactly(List.of("A01-00001", "Colorificio Verdi", "Bergamo", "A01", "AGENT"));
    }

    @Test
    void codesCarryOnWhereThePreparedSeriesStarts() {
        station.db.useTransaction(c -> new CodeSeries().start(c, CodeSeries.CUSTOMERS, 42));

        assertThat(customers.create(verdi()).code()).isEqualTo("A01-00042");
    }

    @Test
    void everyProblemIsReportedAtOnceAndNothingIsStored() {
        NewCustomer incomplete = new NewCustomer(" ", "IT8027625175", null, "", "not-an-address", "call me", "XX");

        assertThatThrownBy(() -> customers.create(incomplete))
                .isInstanceOfSatisfying(AgentWorkException.class, e -> {
                    assertThat(e.problems()).containsExactly(
                            "name is missing",
                            "address is missing",
                            "city is missing",
                            "VAT number IT8027625175 has 10 digits; an Italian partita IVA has 11",
                            "e-mail not-an-address is not an address; write it as name@example.it",
                            "phone call me is not a phone number; use digits, spaces and + - . / ( )",
                            "price list XX is not on this station; leave it out, or use one of BASE");
                    assertThat(e.getMessage()).startsWith("customer not created: name is missing; address is missing;");
                });
        assertThat(Sql.count(station.db, "SELECT COUNT(*) FROM customer")).isEqualTo(2);
        assertThat(customers.create(verdi()).code()).isEqualTo("A01-00001");
    }

    @Test
    void aMistypedVatNumberIsRefusedSayingWhichDigitIsOff() {
        NewCustomer typo = new NewCustomer("Colorificio Verdi", "00743110158", "Via Moroni 3", "Bergamo", null, null, null);

        assertThatThrownBy(() -> customers.create(typo))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("customer not created: VAT number 00743110158 ends in 8 but its check digit should be 7, so a"
                        + " digit is mistyped; check it on the customer's invoice");
    }

    @Test
    void aCustomerAlreadyOnTheStationIsNotCreatedTwice() {
        NewCustomer again = new NewCustomer("Rossi srl", "IT 80276251750", "Via Po 1", "Milano", null, null, null);

        assertThatThrownBy(() -> customers.create(again))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("customer not created: VAT number 80276251750 already belongs to customer C00001"
                        + " (Ferramenta Rossi); use that customer");
    }

    @Test
    void aVatNumberStoredWithItsCountryPrefixIsFoundToo() {
        Sql.execute(station.db, "UPDATE customer SET vat_number = 'IT00743110157' WHERE code = '" + BIANCHI + "'");

        assertThatThrownBy(() -> customers.create(verdi()))
                .hasMessage("customer not created: VAT number 00743110157 already belongs to customer C00002"
                        + " (Edilizia Bianchi); use that customer");
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        Customer created = customers.create(new NewCustomer("Verdi", "00743110157", "Via Moroni 3", "Bergamo", "", null, null));

        assertThat(created.email()).isNull();
        assertThat(created.priceListCode()).isNull();
    }

    @Test
    void listSearchesCodeNameCityAndVatNumberIgnoringCase() {
        customers.create(verdi());

        assertThat(customers.list(null)).extracting(Customer::code).containsExactly("A01-00001", BIANCHI, ROSSI);
        assertThat(customers.list("rossi")).extracting(Customer::code).containsExactly(ROSSI);
        assertThat(customers.list("TORINO")).extracting(Customer::code).containsExactly(BIANCHI);
        assertThat(customers.list("a01-")).extracting(Customer::code).containsExactly("A01-00001");
        assertThat(customers.list("5989726")).extracting(Customer::code).containsExactly(BIANCHI);
        assertThat(customers.list("nobody")).isEmpty();
    }

    @Test
    void showGivesSpecialPricesAndRecentOrdersNewestFirst() {
        AgentOrders orders = station.station.orders();
        OrderNumber older = orders.create(ROSSI, null).number();
        orders.addLine(older, NewLine.of("P001", "3"));
        OrderNumber newer = orders.create(ROSSI, null).number();
        orders.create(BIANCHI, null);

        CustomerDetails details = customers.show(ROSSI);

        assertThat(details.customer().name()).isEqualTo("Ferramenta Rossi");
        assertThat(details.specialPrices()).singleElement().satisfies(p -> {
            assertThat(p.price().productCode()).isEqualTo("P002");
            assertThat(p.price().price()).isEqualByComparingTo(new BigDecimal("15"));
            assertThat(p.productDescription()).isEqualTo("Bullone testa esagonale M8x40 zincato");
        });
        assertThat(details.recentOrders()).extracting(s -> s.order().number()).containsExactly(newer, older);
        assertThat(details.recentOrders()).extracting(OrderSummary::total).extracting(BigDecimal::toPlainString)
                .containsExactly("0.00", "30.00");
    }

    @Test
    void showingAnUnknownCustomerSaysHowToFindIt() {
        assertThatThrownBy(() -> customers.show("C99999"))
                .isInstanceOf(AgentWorkException.class)
                .hasMessageStartingWith("customer C99999 is not on this station; find its code with");
    }

    private static NewCustomer verdi() {
        return new NewCustomer("Colorificio Verdi", "IT00743110157", "Via Moroni 3", "Bergamo", "ordini@verdi.it",
                "+39 035 123456", "BASE");
    }
}
