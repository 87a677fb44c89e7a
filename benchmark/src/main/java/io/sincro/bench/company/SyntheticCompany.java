package io.sincro.bench.company;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.sincro.office.imports.ImportKind;

/**
 * A made-up company of a given size, the same for the same seed: its back-end's CSV files (the
 * columns of {@code scripts/sample}) and the orders its agents will enter. Files are written row by
 * row, so a large company costs disk, not memory.
 *
 * <p>Each part draws from its own random sequence, derived from the seed and the part's name, so
 * the orders are the same whether or not the files were written first in this run.
 */
public final class SyntheticCompany {

    /** The seed of every run unless told otherwise: figures of two runs compare only on the same data. */
    public static final long DEFAULT_SEED = 20_070_007L;

    /** Every fiftieth product is withdrawn (inactive): it travels, but cannot be ordered. */
    private static final int WITHDRAWN_EVERY = 50;

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private static final String[] ITEMS = {"Vite autofilettante", "Vite legno", "Bullone esagonale", "Dado autobloccante",
        "Rondella piana", "Tassello nylon", "Chiodo", "Rivetto a strappo", "Cerniera", "Maniglia", "Serratura",
        "Lucchetto", "Punta trapano", "Disco da taglio", "Nastro isolante", "Colla epossidica", "Silicone",
        "Guanti da lavoro", "Cacciavite", "Chiave combinata", "Pinza universale", "Metro a nastro", "Livella",
        "Pennello", "Rullo", "Stucco", "Carta abrasiva", "Lampadina LED", "Prolunga", "Interruttore"};
    private static final String[] SIZES = {"3x16", "3.5x20", "4x30", "5x40", "6x60", "8x80", "M6", "M8", "M10",
        "10 mm", "25 mm", "50 mm", "100 ml", "300 ml", "1 kg", "5 m", "10 m", "taglia 9", "taglia 10", "n. 2"};
    private static final String[] FINISHES = {"zincata", "inox A2", "inox A4", "brunita", "ottonata", "nera",
        "bianca", "grigia", "professionale", "confezione da 100", "confezione da 10", "blister"};
    private static final String[] UNITS = {"PZ", "PZ", "PZ", "CF", "KG", "M"};
    private static final String[] TRADES = {"Ferramenta", "Utensileria", "Casa e Giardino", "Elettroforniture",
        "Edilizia", "Colorificio", "Idraulica", "Forniture Industriali"};
    private static final String[] SURNAMES = {"Rossi", "Bianchi", "Esposito", "Romano", "Colombo", "Ricci",
        "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo",
        "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrari",
        "Galli", "Martini", "Leone", "Longo", "Gentile", "Vitale", "Serra"};
    private static final String[] CITIES = {"Milano", "Torino", "Monza", "Bergamo", "Brescia", "Novara", "Como",
        "Varese", "Pavia", "Verona", "Padova", "Bologna", "Genova", "Firenze", "Parma", "Modena"};
    private static final String[] LIST_NAMES = {"Listino base", "Listino rivenditori", "Listino grossisti",
        "Listino export", "Listino web", "Listino promozioni", "Listino enti", "Listino installatori"};

    private final CompanySize size;
    private final long seed;

    public SyntheticCompany(CompanySize size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    public CompanySize size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    /** Agent {@code agent} (from 0): A001, A002, ... */
    public String agentCode(int agent) {
        return String.format("A%03d", agent + 1);
    }

    public List<String> agentCodes() {
        return IntStream.range(0, size.agents()).mapToObj(this::agentCode).toList();
    }

    /** Product {@code product} (from 0): P0000001, ... */
    public String productCode(int product) {
        return String.format("P%07d", product + 1);
    }

    /** Price list {@code list} (from 0): L1, L2, ... */
    public String priceListCode(int list) {
        return "L" + (list + 1);
    }

    /**
     * Customer {@code customer} (from 0) of agent {@code agent}: C0000001, ... numbered through the
     * agents in turn. Head-office codes: they cannot take the shape of an agent's own series.
     */
    public String customerCode(int agent, int customer) {
        return String.format("C%07d", (long) agent * size.customersPerAgent() + customer + 1);
    }

    /** The agent a generated customer is assigned to. */
    public String agentOfCustomer(String customerCode) {
        long index = Long.parseLong(customerCode.substring(1)) - 1;
        return agentCode((int) (index / size.customersPerAgent()));
    }

    public static boolean isActive(int product) {
        return product % WITHDRAWN_EVERY != WITHDRAWN_EVERY - 1;
    }

    /** Writes the company's CSV files into {@code folder} (created if missing). */
    public CompanyFiles writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            List<CsvFile> files = new ArrayList<>();
            files.add(writeAgents(folder));
            List<CsvFile> catalog = writeCatalog(folder);
            files.add(catalog.get(0));
            files.addAll(catalog.subList(1, catalog.size() - 1));
            List<CsvFile> customers = writeCustomers(folder);
            files.addAll(customers);
            // stock refers only to products, but it is the last kind in the documented import order
            files.add(catalog.get(catalog.size() - 1));
            return new CompanyFiles(folder, files);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the synthetic company in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The orders agent {@code agent} (from 0) enters: each for one of its customers, lines of active products. */
    public List<PlannedOrder> ordersOf(int agent) {
        return orders(agent, size.ordersPerAgent(), random("orders-" + agentCode(agent)));
    }

    /**
     * A batch of {@code count} orders agent {@code agent} (from 0) enters between two syncs, of the
     * size's lines per order, drawn as {@link #ordersOf} draws them from a random sequence of their
     * own: for the steps that time one agent's many orders (10,000 by default) on their way.
     */
    public List<PlannedOrder> manyOrdersOf(int agent, int count) {
        return orders(agent, count, random("many-orders-" + agentCode(agent)));
    }

    /** {@code count} orders of agent {@code agent}'s customers, drawn from {@code random}. */
    private List<PlannedOrder> orders(int agent, int count, SplittableRandom random) {
        List<PlannedOrder> orders = new ArrayList<>(count);
        for (int o = 0; o < count; o++) {
            String customer = customerCode(agent, random.nextInt(size.customersPerAgent()));
            List<PlannedOrder.PlannedLine> lines = new ArrayList<>(size.linesPerOrder());
            for (int product : distinctProducts(random, size.linesPerOrder())) {
                lines.add(new PlannedOrder.PlannedLine(productCode(product), 1 + random.nextInt(24)));
            }
            orders.add(new PlannedOrder(customer, lines));
        }
        return orders;
    }

    private CsvFile writeAgents(Path folder) throws IOException {
        Path file = folder.resolve("agents.csv");
        try (CSVPrinter out = printer(file, "code", "name", "email")) {
            SplittableRandom random = random("agents");
            for (int a = 0; a < size.agents(); a++) {
                String surname = pick(random, SURNAMES);
                String code = agentCode(a);
                out.printRecord(code, "Agente " + code + " " + surname,
                        "agente." + code.toLowerCase(Locale.ROOT) + "@synthetic.example");
            }
        }
        return new CsvFile(ImportKind.AGENTS, file, size.agents());
    }

    /** products.csv, one price-lists file per list, stock.csv: one pass over the products. */
    private List<CsvFile> writeCatalog(Path folder) throws IOException {
        SplittableRandom random = random("catalog");
        Path productsFile = folder.resolve("products.csv");
        Path stockFile = folder.resolve("stock.csv");
        List<Path> listFiles = new ArrayList<>();
        List<CSVPrinter> lists = new ArrayList<>();
        long[] listFactorPercent = new long[size.priceLists()];
        try (CSVPrinter products = printer(productsFile, "code", "description", "unit", "vat_rate", "active");
             CSVPrinter stock = printer(stockFile, "product", "quantity")) {
            for (int l = 0; l < size.priceLists(); l++) {
                Path listFile = folder.resolve("price-lists-" + priceListCode(l) + ".csv");
                listFiles.add(listFile);
                lists.add(printer(listFile, "price_list", "description", "product", "price"));
                // the first list is the base; the others are 5 to 35% below it
                listFactorPercent[l] = l == 0 ? 100 : 95 - random.nextInt(31);
            }
            for (int p = 0; p < size.products(); p++) {
                String code = productCode(p);
                String description = pick(random, ITEMS) + " " + pick(random, SIZES) + " " + pick(random, FINISHES);
                int vat = random.nextInt(20);
                products.printRecord(code, description, pick(random, UNITS), vat == 0 ? "4.00" : vat < 4 ? "10.00" : "22.00",
                        isActive(p) ? "true" : "false");
                long base = cents(random);
                for (int l = 0; l < size.priceLists(); l++) {
                    long price = Math.max(1, base * listFactorPercent[l] / 100 + random.nextLong(-base / 50 - 1, base / 50 + 1));
                    lists.get(l).printRecord(priceListCode(l), LIST_NAMES[l % LIST_NAMES.length], code, decimal(price));
                }
                // a few back-orders: stock may be negative
                stock.printRecord(code, Integer.toString(random.nextInt(-20, 5_000)));
            }
        } finally {
            for (CSVPrinter list : lists) {
                list.close();
            }
        }
        List<CsvFile> files = new ArrayList<>();
        files.add(new CsvFile(ImportKind.PRODUCTS, productsFile, size.products()));
        for (Path listFile : listFiles) {
            files.add(new CsvFile(ImportKind.PRICE_LISTS, listFile, size.products()));
        }
        files.add(new CsvFile(ImportKind.STOCK, stockFile, size.products()));
        return files;
    }

    /** customers.csv, then one special-prices file per agent for that agent's customers. */
    private List<CsvFile> writeCustomers(Path folder) throws IOException {
        SplittableRandom random = random("customers");
        Path customersFile = folder.resolve("customers.csv");
        List<CsvFile> specialFiles = new ArrayList<>();
        try (CSVPrinter customers = printer(customersFile, "code", "name", "vat_number", "address", "city", "email",
                "phone", "agent", "price_list")) {
            for (int a = 0; a < size.agents(); a++) {
                String agent = agentCode(a);
                Path specialFile = folder.resolve("special-prices-" + agent + ".csv");
                try (CSVPrinter special = printer(specialFile, "customer", "product", "price", "discount")) {
                    for (int c = 0; c < size.customersPerAgent(); c++) {
                        String code = customerCode(a, c);
                        String surname = pick(random, SURNAMES);
                        String domain = surname.toLowerCase(Locale.ROOT).replace(" ", "");
                        customers.printRecord(code, pick(random, TRADES) + " " + surname + " s.r.l.",
                                digits(random, 11), "Via " + pick(random, SURNAMES) + " " + (1 + random.nextInt(200)),
                                pick(random, CITIES), "info" + code.substring(1) + "@" + domain + ".example",
                                "0" + digits(random, 9), agent, priceListCode(random.nextInt(size.priceLists())));
                        for (int product : distinctProducts(random, size.specialPricesPerCustomer())) {
                            int discount = random.nextInt(10);
                            special.printRecord(code, productCode(product), decimal(cents(random)),
                                    discount < 7 ? "0" : Integer.toString(5 * (discount - 6)));
                        }
                    }
                }
                specialFiles.add(new CsvFile(ImportKind.SPECIAL_PRICES, specialFile, size.specialPricesPerAgent()));
            }
        }
        List<CsvFile> files = new ArrayList<>();
        files.add(new CsvFile(ImportKind.CUSTOMERS, customersFile, size.customers()));
        files.addAll(specialFiles);
        return files;
    }

    /** {@code count} different active products, in the order drawn. */
    private List<Integer> distinctProducts(SplittableRandom random, int count) {
        Set<Integer> seen = new HashSet<>();
        List<Integer> products = new ArrayList<>(count);
        while (products.size() < count) {
            int product = random.nextInt(size.products());
            if (isActive(product) && seen.add(product)) {
                products.add(product);
            }
        }
        return products;
    }

    SplittableRandom random(String part) {
        // String.hashCode is specified, so the derived seed is the same on every JVM
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + part.hashCode());
    }

    /** A price from 0.50 to 500.00, spread evenly over the orders of magnitude as real catalogs are. */
    private static long cents(SplittableRandom random) {
        return Math.round(Math.pow(10, 1.7 + 3 * random.nextDouble()));
    }

    static String decimal(long cents) {
        long units = cents / 100;
        long rest = Math.abs(cents % 100);
        return (cents < 0 && units == 0 ? "-" : "") + units + (rest < 10 ? ".0" : ".") + rest;
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            text.append((char) ('0' + random.nextInt(10)));
        }
        return text.toString();
    }

    private static String pick(SplittableRandom random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static CSVPrinter printer(Path file, String... header) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, CSV);
        printer.printRecord((Object[]) header);
        return printer;
    }
}
