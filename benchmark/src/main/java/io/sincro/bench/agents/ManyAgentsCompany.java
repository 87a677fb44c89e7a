package io.sincro.bench.agents;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.sincro.bench.company.CompanyFiles;
import io.sincro.bench.company.CsvFile;
import io.sincro.bench.company.PlannedOrder;
import io.sincro.office.imports.ImportKind;

/**
 * A company with many agents and a small catalog, so that what is measured is the cost of each
 * agent, not of the catalog: {@value #PRODUCTS} products in one price list with their stock, and
 * per agent {@value #CUSTOMERS_PER_AGENT} customers with {@value #SPECIAL_PRICES_PER_CUSTOMER}
 * special prices each. The first {@code senders} agents have real stations and send orders.
 */
record ManyAgentsCompany(int agents, int senders) {

    static final int PRODUCTS = 200;
    static final int CUSTOMERS_PER_AGENT = 2;
    static final int SPECIAL_PRICES_PER_CUSTOMER = 2;
    static final int LINES_PER_ORDER = 5;
    private static final String PRICE_LIST = "BASE";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    ManyAgentsCompany {
        if (agents < 1 || senders < 0 || senders > agents) {
            throw new IllegalArgumentException(agents + " agents with " + senders + " of them sending");
        }
    }

    /** Agent {@code agent} (from 0): A0001, A0002, ... */
    static String agentCode(int agent) {
        return String.format(Locale.ROOT, "A%04d", agent + 1);
    }

    List<String> senderCodes() {
        List<String> codes = new ArrayList<>();
        for (int a = 0; a < senders; a++) {
            codes.add(agentCode(a));
        }
        return codes;
    }

    static String customerCode(int agent, int customer) {
        return String.format(Locale.ROOT, "C%07d", agent * CUSTOMERS_PER_AGENT + customer + 1);
    }

    static String productCode(int product) {
        return String.format(Locale.ROOT, "P%05d", product + 1);
    }

    /** The one order each sender enters: its first customer, {@value #LINES_PER_ORDER} lines. */
    static PlannedOrder orderOf(int agent) {
        List<PlannedOrder.PlannedLine> lines = new ArrayList<>();
        for (int l = 0; l < LINES_PER_ORDER; l++) {
            lines.add(new PlannedOrder.PlannedLine(productCode((agent * 7 + l * 13) % PRODUCTS), 1 + l));
        }
        return new PlannedOrder(customerCode(agent, 0), lines);
    }

    /** The back-end's files, in the order the head office loads them. */
    CompanyFiles writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            List<CsvFile> files = new ArrayList<>();
            Path agentsFile = folder.resolve("agents.csv");
            try (CSVPrinter out = printer(agentsFile, "code", "name", "email")) {
                for (int a = 0; a < agents; a++) {
                    out.printRecord(agentCode(a), "Agente " + agentCode(a), agentCode(a).toLowerCase(Locale.ROOT)
                            + "@synthetic.example");
                }
            }
            files.add(new CsvFile(ImportKind.AGENTS, agentsFile, agents));
            Path products = folder.resolve("products.csv");
            Path prices = folder.resolve("price-lists.csv");
            Path stock = folder.resolve("stock.csv");
            try (CSVPrinter p = printer(products, "code", "description", "unit", "vat_rate");
                 CSVPrinter l = printer(prices, "price_list", "description", "product", "price");
                 CSVPrinter s = printer(stock, "product", "quantity")) {
                for (int i = 0; i < PRODUCTS; i++) {
                    p.printRecord(productCode(i), "Articolo " + (i + 1), "PZ", "22.00");
                    l.printRecord(PRICE_LIST, "Listino base", productCode(i), (10 + i % 90) + ".50");
                    s.printRecord(productCode(i), Integer.toString(1_000 + i));
                }
            }
            files.add(new CsvFile(ImportKind.PRODUCTS, products, PRODUCTS));
            files.add(new CsvFile(ImportKind.PRICE_LISTS, prices, PRODUCTS));
            files.add(new CsvFile(ImportKind.STOCK, stock, PRODUCTS));
            Path customers = folder.resolve("customers.csv");
            Path special = folder.resolve("special-prices.csv");
            try (CSVPrinter c = printer(customers, "code", "name", "agent", "price_list");
                 CSVPrinter sp = printer(special, "customer", "product", "price", "discount")) {
                for (int a = 0; a < agents; a++) {
                    for (int k = 0; k < CUSTOMERS_PER_AGENT; k++) {
                        String code = customerCode(a, k);
                        c.printRecord(code, "Cliente " + code, agentCode(a), PRICE_LIST);
                        for (int s = 0; s < SPECIAL_PRICES_PER_CUSTOMER; s++) {
                            sp.printRecord(code, productCode((a + k * 31 + s * 57) % PRODUCTS), "9.90", "0");
                        }
                    }
                }
            }
            files.add(new CsvFile(ImportKind.CUSTOMERS, customers, (long) agents * CUSTOMERS_PER_AGENT));
            files.add(new CsvFile(ImportKind.SPECIAL_PRICES, special,
                    (long) agents * CUSTOMERS_PER_AGENT * SPECIAL_PRICES_PER_CUSTOMER));
            return new CompanyFiles(folder, files);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the company of " + agents + " agents in " + folder + ": "
                    + e.getMessage(), e);
        }
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSV);
        printer.printRecord((Object[]) header);
        return printer;
    }
}
