package io.sincro.bench.company;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.office.imports.ImportKind;

class SyntheticCompanyTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameFilesByteForByte() throws IOException {
        CompanyFiles first = new SyntheticCompany(CompanySize.SMALL, 42).writeTo(dir.resolve("first"));
        CompanyFiles second = new SyntheticCompany(CompanySize.SMALL, 42).writeTo(dir.resolve("second"));

        assertThat(names(first)).isEqualTo(names(second));
        for (CsvFile file : first.files()) {
            Path twin = second.folder().resolve(file.file().getFileName());
            assertThat(Files.mismatch(file.file(), twin)).as(file.file().getFileName().toString()).isEqualTo(-1L);
        }
    }

    @Test
    void anotherSeedWritesAnotherCompanyWithTheSameShape() throws IOException {
        CompanyFiles one = new SyntheticCompany(CompanySize.SMALL, 1).writeTo(dir.resolve("one"));
        CompanyFiles other = new SyntheticCompany(CompanySize.SMALL, 2).writeTo(dir.resolve("other"));

        assertThat(names(one)).isEqualTo(names(other));
        assertThat(Files.mismatch(one.folder().resolve("products.csv"), other.folder().resolve("products.csv")))
                .isNotEqualTo(-1L);
        assertThat(one.rows()).isEqualTo(other.rows());
    }

    @Test
    void theFilesHoldTheSizesRowsInImportOrder() throws IOException {
        CompanySize size = CompanySize.SMALL;
        CompanyFiles files = new SyntheticCompany(size, SyntheticCompany.DEFAULT_SEED).writeTo(dir);

        assertThat(files.files()).extracting(CsvFile::kind).containsExactly(ImportKind.AGENTS, ImportKind.PRODUCTS,
                ImportKind.PRICE_LISTS, ImportKind.PRICE_LISTS, ImportKind.CUSTOMERS, ImportKind.SPECIAL_PRICES,
                ImportKind.SPECIAL_PRICES, ImportKind.SPECIAL_PRICES, ImportKind.STOCK);
        for (CsvFile file : files.files()) {
            assertThat(dataLines(file.file())).as(file.file().getFileName().toString()).isEqualTo(file.rows());
        }
        assertThat(files.rows()).isEqualTo(size.masterDataRows());
        assertThat(size.priceListRows()).isEqualTo(4_000);
        assertThat(size.specialPrices()).isEqualTo(1_500);
    }

    @Test
    void mediumAndLargeAreTheSizesTheTargetsAreSetFor() {
        assertThat(CompanySize.MEDIUM.products()).isEqualTo(50_000);
        assertThat(CompanySize.MEDIUM.priceListRows()).isEqualTo(250_000);
        assertThat(CompanySize.MEDIUM.specialPrices()).isEqualTo(300_000);
        assertThat(CompanySize.MEDIUM.ordersPerAgent() * CompanySize.MEDIUM.linesPerOrder()).isEqualTo(500);
        assertThat(CompanySize.LARGE.products()).isEqualTo(200_000);
        assertThat(CompanySize.LARGE.priceListRows()).isEqualTo(1_000_000);
        assertThat(CompanySize.LARGE.agents()).isEqualTo(200);
        assertThat(CompanySize.LARGE.specialPricesPerAgent()).isEqualTo(CompanySize.MEDIUM.specialPricesPerAgent());
    }

    @Test
    void ordersAreTheSameForTheSameSeedAndUseTheAgentsCustomersAndActiveProducts() {
        SyntheticCompany company = new SyntheticCompany(CompanySize.SMALL, 7);
        List<PlannedOrder> orders = company.ordersOf(1);

        assertThat(orders).isEqualTo(new SyntheticCompany(CompanySize.SMALL, 7).ordersOf(1));
        assertThat(orders).hasSize(CompanySize.SMALL.ordersPerAgent());
        for (PlannedOrder order : orders) {
            assertThat(company.agentOfCustomer(order.customerCode())).isEqualTo("A002");
            assertThat(order.lines()).hasSize(CompanySize.SMALL.linesPerOrder());
            assertThat(order.lines()).extracting(PlannedOrder.PlannedLine::productCode).doesNotHaveDuplicates()
                    .allSatisfy(code -> assertThat(SyntheticCompany.isActive(Integer.parseInt(code.substring(1)) - 1)).isTrue());
        }
    }

    @Test
    void decimalsAreWrittenWithAPointAndTwoDigits() {
        assertThat(SyntheticCompany.decimal(1234)).isEqualTo("12.34");
        assertThat(SyntheticCompany.decimal(5)).isEqualTo("0.05");
        assertThat(SyntheticCompany.decimal(-5)).isEqualTo("-0.05");
        assertThat(SyntheticCompany.decimal(100)).isEqualTo("1.00");
    }

    private static List<String> names(CompanyFiles files) {
        return files.files().stream().map(f -> f.file().getFileName().toString()).toList();
    }

    private static long dataLines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }
}
