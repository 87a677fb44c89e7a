package io.sincro.office.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.CodeSeries;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.customers.CustomerCodes;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.office.SampleCompany;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;

/**
 * Seed 003 advises a separate customer-code series and order type per agent; Sincro enforces it.
 * Many codes and numbers from the head office and three agent stations never meet.
 */
class CodeSeriesCollisionTest {

    private static final int PER_STATION = 400;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private final CodeSeries series = new CodeSeries();

    @Test
    void agentCustomerCodesAndOrderNumbersNeverCollideWithTheHeadOfficeOrEachOther() throws Exception {
        Set<String> customerCodes = new HashSet<>();
        Set<OrderNumber> orderNumbers = new HashSet<>();
        List<String> duplicates = new ArrayList<>();

        try (Database company = SampleCompany.loaded(dir.resolve("company"), clock)) {
            Sql.column(company, "SELECT code FROM customer").forEach(code -> record(customerCodes, code, duplicates));
            for (int i = 0; i < PER_STATION; i++) {
                long n = company.inTransaction(c -> series.next(c, CodeSeries.ORDERS));
                record(orderNumbers, new OrderNumber(Station.HEAD_OFFICE_SERIES, (int) n), duplicates);
            }
            AgentStations stations = new AgentStations(company, AgentStationsTest.NO_EXCHANGE);
            for (String agent : List.of("A01", "A02", "A03")) {
                Path station = stations.prepare(agent, dir.resolve(agent), "role=agent\n").database();
                try (Database db = Database.open(station, clock)) {
                    for (int i = 0; i < PER_STATION; i++) {
                        long customer = db.inTransaction(c -> series.next(c, CodeSeries.CUSTOMERS));
                        long order = db.inTransaction(c -> series.next(c, CodeSeries.ORDERS));
                        record(customerCodes, CustomerCodes.of(agent, customer), duplicates);
                        record(orderNumbers, new OrderNumber(agent, (int) order), duplicates);
                    }
                }
            }
        }

        assertThat(duplicates).isEmpty();
        assertThat(customerCodes).hasSize(72 + 3 * PER_STATION);
        assertThat(orderNumbers).hasSize(4 * PER_STATION);
    }

    @Test
    void theHeadOfficeCannotTakeACodeFromAnAgentsSeries() throws Exception {
        try (Database company = SampleCompany.loaded(dir.resolve("company"), clock)) {
            Path file = Files.writeString(dir.resolve("customers.csv"), "code,name,agent\nA02-00001,Bar Sport,A02\n",
                    StandardCharsets.UTF_8);

            assertThatThrownBy(() -> new CsvImport(company).load(ImportKind.CUSTOMERS, file))
                    .hasMessageContaining("only that agent's station may create");
        }
    }

    @Test
    void noAgentMayTakeTheHeadOfficeOrderSeries() {
        assertThatThrownBy(() -> Station.agent(Station.HEAD_OFFICE_SERIES))
                .hasMessageContaining("reserved for orders entered at the head office");
    }

    private static <T> void record(Set<T> seen, T value, List<String> duplicates) {
        if (!seen.add(value)) {
            duplicates.add(String.valueOf(value));
        }
    }
}
