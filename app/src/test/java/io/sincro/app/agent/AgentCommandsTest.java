package io.sincro.app.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.db.Database;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customers;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.Templates;
import io.sincro.db.testing.TestClock;
import io.sincro.testing.SampleCompany;

/**
 * The agent's commands run in-process on agent A01's station, made by the real
 * {@code hq prepare-agent} and then given what a first sync would bring: price list BASE
 * (P001 10.00, P002 20.00), products P001, P002, P004 active and P009 inactive, customer C00001 on
 * BASE with a special price for P002 (15.00 less 5%), customer C00002 on no list, stock of P001,
 * received at 08:00 (so no stale-data warning).
 * The station is prepared once; each test works on its own copy.
 */
class AgentCommandsTest {

    @TempDir
    static Path shared;

    private static Path preparedStation;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private CliRun sincro;
    private Path station;

    @BeforeAll
    static void prepareStation() {
        TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
        CliRun headOffice = new CliRun(shared, clock);
        for (String[] args : new String[][] {
                {"hq", "init"},
                {"hq", "import", "agents", SampleCompany.csv("agents").toString()},
                {"hq", "prepare-agent", "A01", "--out", "a01"}}) {
            Result result = headOffice.run(args);
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        preparedStation = shared.resolve("a01");
        try (Database db = Database.open(preparedStation.resolve("database"), clock)) {
            firstSync(db);
        }
    }

    /** What the head office's first publication gives agent A01, small enough to know by heart. */
    private static void firstSync(Database db) {
        db.useTransaction(c -> {
            PriceLists lists = new PriceLists();
            lists.save(c, Rows.priceList("BASE"), Rows.T0);
            Products products = new Products();
            products.save(c, product("P001", "Vite autofilettante 3x16 zincata", true), Rows.T0);
            products.save(c, product("P002", "Bullone testa esagonale M8x40 zincato", true), Rows.T0);
            products.save(c, product("P004", "Rondella piana M8 inox", true), Rows.T0);
            products.save(c, product("P009", "Vite legno 4x30", false), Rows.T0);
            lists.save(c, Rows.price("BASE", "P001", "10.00"), Rows.T0);
            lists.save(c, Rows.price("BASE", "P002", "20.00"), Rows.T0);
            Customers customers = new Customers();
            customers.insert(c, Rows.customer("C00001").named("Ferramenta Rossi").assignedTo("A01").priceList("BASE").build());
            customers.insert(c, Rows.customer("C00002").named("Edilizia Bianchi").assignedTo("A01").build());
            new SpecialPrices().save(c, new SpecialPrice("C00001", "P002", new BigDecimal("15.00"), new BigDecimal("5"),
                    Rows.T0, "HQ"));
            new Stock().save(c, new StockLevel("P001", new BigDecimal("120")), Rows.T0);
            // what the sync records once everything waiting was imported: the data is fresh
            new Journal().write(c, Rows.T0, Event.RECEIVE, Outcome.OK, null, "imported 1 package");
        });
    }

    @BeforeEach
    void copyStation() {
        station = dir.resolve("a01");
        Templates.copyFolder(preparedStation, station);
        sincro = new CliRun(station, clock);
    }

    // --- customers -------------------------------------------------------------------------------

    @Test
    void customerNewTakesTheStationsFirstCodeAndCustomerListShowsIt() {
        Result created = ok("customer", "new", "--name", "Colorificio Verdi", "--vat", "IT00743110157",
                "--address", "Via Moroni 3", "--city", "Bergamo", "--price-list", "BASE");

        assertThat(created.out()).isEqualTo("Created customer A01-00001 (Colorificio Verdi), assigned to agent A01;"
                + " it reaches the head office at the next sync.\n");
        assertThat(ok("customer", "list", "--format", "csv").out().lines()).containsExactly(
                "code,name,city,VAT number,price list,created by",
                "A01-00001,Colorificio Verdi,Bergamo,00743110157,BASE,agent",
                "C00002,Edilizia Bianchi,Milano,IT01234567890,,head office",
                "C00001,Ferramenta Rossi,Milano,IT01234567890,BASE,head office");
        assertThat(ok("customer", "list", "--search", "verdi").out().lines()).hasSize(2)
                .last().asString().startsWith("A01-00001  Colorificio Verdi  Bergamo");
    }

    @Test
    void customerNewWithProblemsExitsOneListingThemAll() {
        Result result = sincro.run("customer", "new", "--name", "Verdi", "--vat", "123");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sincro: customer not created: address is missing; city is missing;"
                + " VAT number 123 has 3 digits; an Italian partita IVA has 11");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void customerShowGivesSpecialPricesAndRecentOrders() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P002", "2");

        Result shown = ok("customer", "show", "C00001");

        assertThat(shown.out()).contains("Customer    C00001  Ferramenta Rossi", "Price list  BASE",
                "Special prices:", "P002     Bullone testa esagonale M8x40 zincato  15.00      5           HQ",
                "Recent orders:", "A01/000001  2026-03-02  draft   1      28.50");
    }

    @Test
    void anUnknownCustomerExitsOneSayingHowToFindIt() {
        Result result = sincro.run("customer", "show", "C99999");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).startsWith("sincro: customer C99999 is not on this station; find its code with"
                + " 'sincro customer list --search NAME'");
    }

    // --- orders ----------------------------------------------------------------------------------

    @Test
    void anOrderIsWrittenSubmittedAndListed() {
        assertThat(ok("order", "new", "--customer", "C00001", "--notes", "consegna al mattino").out())
                .isEqualTo("Created draft order A01/000001 for customer C00001; add lines with 'sincro order add-line"
                        + " A01/000001 PRODUCT QUANTITY'.\n");
        assertThat(ok("order", "add-line", "A01/000001", "P002", "3").out())
                .isEqualTo("Added line 1 to order A01/000001: 3 x P002 (Bullone testa esagonale M8x40 zincato) at"
                        + " 15.00 EUR less 5% = 42.75 EUR; order total 42.75 EUR.\n");
        assertThat(ok("order", "add-line", "1", "P001", "2.5", "--price", "9.1234", "--discount", "10").out())
                .contains("2.5 x P001", "at 9.1234 EUR less 10% = 20.53 EUR; order total 63.28 EUR.");

        Result shown = ok("order", "show", "1");
        assertThat(shown.out()).contains("Order     A01/000001  draft", "Customer  C00001  Ferramenta Rossi",
                "Notes     consegna al mattino",
                "line  product  description                            quantity  price EUR  discount %  amount EUR",
                "1     P002     Bullone testa esagonale M8x40 zincato  3         15.00      5           42.75",
                "2     P001     Vite autofilettante 3x16 zincata       2.5       9.1234     10          20.53",
                "Total     63.28 EUR");

        assertThat(ok("order", "submit", "1").out()).isEqualTo("Submitted order A01/000001 for customer C00001:"
                + " 2 lines, total 63.28 EUR; it leaves with the next sync.\n");
        assertThat(ok("order", "list", "--format", "csv").out().lines()).containsExactly(
                "order,date,customer,name,status,lines,total EUR",
                "A01/000001,2026-03-02,C00001,Ferramenta Rossi,submitted,2,63.28");
        assertThat(ok("order", "list", "--status", "draft").out()).isEqualTo("No orders match.\n");
    }

    @Test
    void aLinesQuantityChangesAndAQuantityOverTheStockIsWarnedAbout() {
        ok("order", "new", "--customer", "C00001");
        Result added = ok("order", "add-line", "1", "P001", "999999");
        assertThat(added.err()).contains("warning: line 1: 999999 of P001 asked, 120 in stock; the head office may"
                + " deliver less or later");

        Result changed = ok("order", "set-quantity", "1", "1", "12");

        assertThat(changed.out()).isEqualTo("Line 1 of order A01/000001 is now 12 x P001; order total 120.00 EUR.\n");
        assertThat(changed.err()).doesNotContain("warning");
        Result over = ok("order", "set-quantity", "1", "1", "121");
        assertThat(over.err()).contains("warning: line 1: 121 of P001 asked, 120 in stock");
        assertThat(ok("order", "check", "1").err()).contains("warning: line 1: 121 of P001 asked, 120 in stock");
    }

    @Test
    void aSubmittedOrderThatHasNotLeftIsWithdrawnToDraft() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "2");
        ok("order", "submit", "1");

        Result withdrawn = ok("order", "withdraw", "1");

        assertThat(withdrawn.out()).startsWith("Order A01/000001 is a draft again");
        assertThat(ok("order", "list", "--status", "draft").out()).contains("A01/000001");
        Result again = sincro.run("order", "withdraw", "1");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("is a draft, not submitted");
    }

    @Test
    void theCurrencyComesFromTheSettings() throws IOException {
        Files.writeString(station.resolve("sincro.properties"), "currency=CHF\n", StandardOpenOption.APPEND);
        ok("order", "new", "--customer", "C00001");

        assertThat(ok("order", "add-line", "1", "P001", "1").out()).endsWith("= 10.00 CHF; order total 10.00 CHF.\n");
        assertThat(ok("order", "list").out()).contains("total CHF");
    }

    @Test
    void orderListInJsonIsForScripts() {
        ok("order", "new", "--customer", "C00002");

        assertThat(ok("order", "list", "--format", "json").out()).isEqualTo("""
                [
                  {"order": "A01/000001", "date": "2026-03-02", "customer": "C00002", "name": "Edilizia Bianchi", \
                "status": "draft", "lines": 0, "total EUR": "0.00"}
                ]
                """);
    }

    @Test
    void anUnknownOrInactiveProductOrABadQuantityExitsOne() {
        ok("order", "new", "--customer", "C00001");

        assertThat(failed("order", "add-line", "1", "P777", "1").err())
                .startsWith("sincro: product P777 is not in the catalog; find its code with 'sincro product search TEXT'");
        assertThat(failed("order", "add-line", "1", "P009", "1").err().strip())
                .isEqualTo("sincro: product P009 is inactive since the last catalog update, so it can no longer be"
                        + " ordered; choose another product ('sincro product search TEXT')");
        assertThat(failed("order", "add-line", "1", "P001", "0").err().strip())
                .isEqualTo("sincro: quantity 0 is not above zero; give how many units to order, such as 10");
        assertThat(failed("order", "add-line", "1", "P004", "1").err().strip())
                .isEqualTo("sincro: no price for P004: customer C00001 has no special price for P004, and its price"
                        + " list BASE has no price for it; give the price with --price, or set a special price with"
                        + " 'sincro price set C00001 P004 PRICE'");
        assertThat(ok("order", "show", "1").out()).contains("No lines yet");
    }

    @Test
    void aQuantityThatIsNotANumberIsAUsageError() {
        ok("order", "new", "--customer", "C00001");

        Result comma = sincro.run("order", "add-line", "1", "P001", "2,5");
        Result word = sincro.run("order", "add-line", "1", "P001", "two");

        assertThat(comma.exitCode()).as(comma.toString()).isEqualTo(2);
        assertThat(comma.err()).contains("'2,5' has a decimal comma; write decimals with a point, such as 2.5",
                "Usage: sincro order add-line");
        assertThat(word.exitCode()).as(word.toString()).isEqualTo(2);
        assertThat(word.err()).contains("'two' is not a number; write it such as 12 or 12.50");
    }

    @Test
    void removeLineKeepsTheOtherNumbers() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "1");
        ok("order", "add-line", "1", "P002", "1");

        assertThat(ok("order", "remove-line", "1", "1").out()).isEqualTo("Removed line 1 (1 x P001) from order A01/000001.\n");
        assertThat(ok("order", "show", "1", "--format", "csv").out().lines()).containsExactly(
                "line,product,description,quantity,price EUR,discount %,amount EUR",
                "2,P002,Bullone testa esagonale M8x40 zincato,1,15.00,5,14.25");
        assertThat(failed("order", "remove-line", "1", "7").err())
                .contains("order A01/000001 has no line 7; its lines are 2");
    }

    @Test
    void submittedOrderIsReadOnly() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "1");
        ok("order", "submit", "1");

        Result result = sincro.run("order", "add-line", "1", "P002", "1");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sincro: order A01/000001 is submitted and waits in the outbound"
                + " queue for the next sync, so it can no longer be changed; copy it with 'sincro order copy A01/000001'"
                + " and change the copy");
        assertThat(failed("order", "remove-line", "1", "1").err()).contains("can no longer be changed");
        assertThat(failed("order", "submit", "1").err()).contains("is already submitted and waits in the outbound queue");
    }

    @Test
    void checkAndSubmitListEveryProblemAtOnce() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "1");
        ok("order", "add-line", "1", "P002", "1");
        assertThat(ok("order", "check", "1").out()).isEqualTo("Order A01/000001 is consistent; submit it with"
                + " 'sincro order submit A01/000001'.\n");
        deactivate("P001");
        deactivate("P002");

        Result check = sincro.run("order", "check", "1");
        Result submit = sincro.run("order", "submit", "1");

        assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
        assertThat(check.out().lines()).containsExactly(
                "Order A01/000001 cannot be submitted yet:",
                "  line 1: product P001 is inactive since the last catalog update; remove line 1 or choose another product",
                "  line 2: product P002 is inactive since the last catalog update; remove line 2 or choose another product");
        assertThat(submit.exitCode()).as(submit.toString()).isEqualTo(1);
        assertThat(submit.err()).startsWith("sincro: order A01/000001 was not submitted: 2 problems to fix first: line 1:")
                .contains("; line 2: product P002 is inactive");
        assertThat(ok("order", "status", "--format", "csv").out().lines()).hasSize(1);
    }

    @Test
    void copyMakesADraftPricedTodayAndNamesWhatItLeftOut() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "4");
        ok("order", "add-line", "1", "P002", "1");
        ok("order", "submit", "1");

        Result copy = ok("order", "copy", "1", "--customer", "C00002");

        assertThat(copy.out().lines()).containsExactly(
                "Created draft order A01/000002 from order A01/000001 for customer C00002: 0 lines, total 0.00 EUR,"
                        + " priced today.",
                "  P001 left out: customer C00002 has no special price for P001 and no generic price list; add it with"
                        + " 'sincro order add-line A01/000002 P001 QTY --price P'",
                "  P002 left out: customer C00002 has no special price for P002 and no generic price list; add it with"
                        + " 'sincro order add-line A01/000002 P002 QTY --price P'");
        assertThat(ok("order", "copy", "1").out()).startsWith("Created draft order A01/000003 from order A01/000001 for"
                + " customer C00001: 2 lines, total 54.25 EUR, priced today.");
    }

    @Test
    void templatesAreSavedListedUsedAndDeleted() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "12");
        ok("order", "add-line", "1", "P002", "2");

        assertThat(ok("order", "template", "save", "1", "settimanale").out()).isEqualTo("Saved template 'settimanale'"
                + " from order A01/000001 (2 lines); start an order from it with 'sincro order new --customer CODE"
                + " --template settimanale'.\n");
        assertThat(failed("order", "template", "save", "1", "settimanale").err()).contains("already exists");
        assertThat(ok("order", "template", "list", "--format", "csv").out().lines()).containsExactly(
                "name,lines,saved from,saved at", "settimanale,2,A01/000001,2026-03-02 08:00 UTC");
        assertThat(ok("order", "template", "show", "settimanale", "--format", "csv").out().lines()).containsExactly(
                "line,product,description,quantity",
                "1,P001,Vite autofilettante 3x16 zincata,12",
                "2,P002,Bullone testa esagonale M8x40 zincato,2");
        assertThat(ok("order", "new", "--customer", "C00001", "--template", "settimanale").out())
                .isEqualTo("Created draft order A01/000002 from template 'settimanale' for customer C00001: 2 lines,"
                        + " total 148.50 EUR, priced today.\n");
        assertThat(ok("order", "template", "delete", "settimanale").out()).isEqualTo("Deleted template 'settimanale'.\n");
        assertThat(failed("order", "template", "show", "settimanale").err())
                .contains("there is no template 'settimanale' on this station");
    }

    /** What the head office reports comes with a sync: SyncCommandsTest follows it to this command. */
    @Test
    void orderStatusSaysWhereEachOrderStandsSinceWhenAndWhoSetIt() {
        ok("order", "new", "--customer", "C00001");
        ok("order", "add-line", "1", "P001", "1");
        clock.advance(java.time.Duration.ofMinutes(20));
        ok("order", "submit", "1");
        ok("order", "new", "--customer", "C00002"); // a draft has no status to follow yet

        assertThat(ok("order", "status", "1").out()).isEqualTo("Order A01/000001 for customer C00001 of 2026-03-02:"
                + " checked and waiting in the outbound queue; it leaves at the next sync (since 2026-03-02 08:20 UTC,"
                + " set by A01).\n");
        assertThat(ok("order", "status", "--format", "csv").out().lines()).containsExactly(
                "order,date,customer,name,status,since,set by,expected delivery,reason,meaning",
                "A01/000001,2026-03-02,C00001,Ferramenta Rossi,submitted,2026-03-02 08:20 UTC,A01,,,"
                        + "checked and waiting in the outbound queue; it leaves at the next sync");
        assertThat(failed("order", "status", "A01/000099").err()).contains("order A01/000099 is not on this station");
    }

    // --- prices, stock, products -----------------------------------------------------------------

    @Test
    void priceSaysWhatTheCustomerPaysAndWhy() {
        assertThat(ok("price", "C00001", "P002").out()).isEqualTo("C00001 pays 14.25 EUR per PZ for P002 (Bullone testa"
                + " esagonale M8x40 zincato): special price 15.00 EUR less 5%, set by HQ on 2026-03-02 08:00 UTC.\n");
        assertThat(ok("price", "C00001", "P001").out()).isEqualTo("C00001 pays 10.00 EUR per PZ for P001 (Vite"
                + " autofilettante 3x16 zincata): price list BASE.\n");
        Result none = sincro.run("price", "C00002", "P001");
        assertThat(none.exitCode()).as(none.toString()).isEqualTo(1);
        assertThat(none.err().strip()).isEqualTo("sincro: no price for P001: customer C00002 has no special price for"
                + " P001 and no generic price list; set a special price with 'sincro price set C00002 P001 PRICE'");
        Result half = sincro.run("price", "C00001");
        assertThat(half.exitCode()).as(half.toString()).isEqualTo(2);
        assertThat(half.err()).startsWith("say whose price of what: sincro price CUSTOMER PRODUCT");
    }

    @Test
    void priceSetStampsTheSpecialPriceWithTheAgent() {
        Result set = ok("price", "set", "C00002", "P001", "9.5", "--discount", "2.5");

        assertThat(set.out()).isEqualTo("The special price of P001 for C00002 is now 9.50 EUR less 2.5%, set by A01 on"
                + " 2026-03-02 08:00 UTC; it reaches the head office at the next sync.\n");
        assertThat(ok("price", "C00002", "P001").out()).contains("pays 9.2625 EUR", "set by A01");
        clock.advance(java.time.Duration.ofHours(1));
        assertThat(ok("price", "set", "C00002", "P001", "9.50", "--discount", "2.50").out()).contains("nothing changed");
        assertThat(failed("price", "set", "C00002", "P001", "9.5", "--discount", "150").err().strip())
                .isEqualTo("sincro: discount 150 is not a percentage from 0 to 100; give it as a number such as 5 or 12.5");
    }

    @Test
    void priceSetSaysThePriceChangedWhenItsStampIsNotTheClocksTime() {
        // HQ stamped C00001's P002 at this very instant: the agent's edit lands 1 ms later, and a real
        // clock has moved on by the time the command prints; either way the price did change
        Result set = ok("price", "set", "C00001", "P002", "16");

        assertThat(set.out()).isEqualTo("The special price of P002 for C00001 is now 16.00 EUR, set by A01 on"
                + " 2026-03-02 08:00 UTC; it reaches the head office at the next sync.\n");
        assertThat(ok("price", "C00001", "P002").out()).contains("pays 16.00 EUR", "set by A01");
    }

    @Test
    void stockSaysHowMuchAndSince() {
        assertThat(ok("stock", "P001").out()).isEqualTo("P001 (Vite autofilettante 3x16 zincata): 120 PZ available,"
                + " as the head office reported on 2026-03-02 08:00 UTC.\n");
        assertThat(ok("stock", "P002").out()).isEqualTo("P002 (Bullone testa esagonale M8x40 zincato): the head office"
                + " has not reported its stock.\n");
        assertThat(failed("stock", "NOPE").err()).startsWith("sincro: product NOPE is not in the catalog");
    }

    @Test
    void productSearchFindsByCodeOrWords() {
        assertThat(ok("product", "search", "m8", "zincato", "--format", "csv").out().lines()).containsExactly(
                "code,description,unit,VAT %,active",
                "P002,Bullone testa esagonale M8x40 zincato,PZ,22,yes");
        assertThat(ok("product", "search", "vite").out().lines()).containsExactly(
                "code  description                       unit  VAT %  active",
                "P001  Vite autofilettante 3x16 zincata  PZ    22     yes",
                "P009  Vite legno 4x30                   PZ    22     no");
        assertThat(ok("product", "search", "chiodo").out()).isEqualTo("No product matches 'chiodo'; try fewer words,"
                + " or the start of one.\n");
    }

    // --- the station -----------------------------------------------------------------------------

    @Test
    void agentCommandsAtTheHeadOfficeAreRefused() {
        Result result = new CliRun(shared, clock).run("order", "list");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("sincro order list runs at an agent station");
    }

    @Test
    void theHelpListsTheAgentsCommands() {
        Result help = ok("--help");

        assertThat(help.out()).contains("customer", "order", "price", "stock", "product");
        assertThat(ok("order", "--help").out()).contains("add-line", "remove-line", "copy", "submit", "status", "template");
        Result bare = sincro.run("order");
        assertThat(bare.exitCode()).as(bare.toString()).isEqualTo(2);
    }

    private Result ok(String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }

    private Result failed(String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        return result;
    }

    private void deactivate(String product) {
        try (Database db = Database.open(station.resolve("database"), clock)) {
            Sql.execute(db, "UPDATE product SET active = FALSE WHERE code = '" + product + "'");
        }
    }

    private static Product product(String code, String description, boolean active) {
        return new Product(code, description, "PZ", new BigDecimal("22.00"), active);
    }
}
