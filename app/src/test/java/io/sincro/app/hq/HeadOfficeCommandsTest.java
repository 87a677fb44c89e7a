package io.sincro.app.hq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.Sql;
import io.sincro.db.testing.TestClock;
import io.sincro.testing.SampleCompany;

class HeadOfficeCommandsTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private CliRun sincro;

    @BeforeEach
    void setUp() {
        sincro = new CliRun(dir, clock);
    }

    @Test
    void initWritesTheSettingsAndCreatesTheCompanyDatabase() {
        Result result = ok("hq", "init");

        assertThat(result.out()).contains("Created the company database in " + dir.resolve("database"));
        assertThat(dir.resolve("sincro.properties")).content().contains("role=head-office");
        try (Database company = Database.open(dir.resolve("database"), clock)) {
            assertThat(company.station()).isEqualTo(Station.headOffice());
        }
    }

    @Test
    void initTwiceIsRefusedAndChangesNothing() {
        ok("hq", "init");

        Result again = sincro.run("hq", "init");

        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("a Sincro database already exists in " + dir.resolve("database"));
    }

    @Test
    void initAtAnAgentStationIsRefusedWithoutWritingAnything() throws IOException {
        Files.writeString(dir.resolve("sincro.properties"), "role=agent\nagent.code=A01\n");

        Result result = sincro.run("hq", "init");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("runs at the head office");
        assertThat(dir.resolve("database")).doesNotExist();
    }

    @Test
    void theSampleCompanyLoadsFromTheCommandLine() {
        ok("hq", "init");

        for (String kind : SampleHeadOffice.KINDS) {
            Result result = ok("hq", "import", kind, SampleCompany.csv(kind).toString());
            assertThat(result.out()).startsWith("Loaded " + kind + " from " + kind + ".csv:");
        }

        Result agents = ok("hq", "agents", "--format", "csv");
        assertThat(agents.out().lines()).containsExactly(
                "agent,name,e-mail,customers,special prices,orders,last received,received at,last acknowledged,"
                        + "orders pending,days since sync,set aside there,waiting there,last error there,last error at,clock",
                "A01,Marco Bianchi,marco.bianchi@ferramentanord.it,22,132,0,,,,0,never,,,,,",
                "A02,Giulia Rossi,giulia.rossi@ferramentanord.it,22,132,0,,,,0,never,,,,,",
                "A03,Luca Esposito,luca.esposito@ferramentanord.it,22,132,0,,,,0,never,,,,,");
    }

    @Test
    void agentsShowHowEachAgentsSyncStands() {
        SampleHeadOffice.withLoopbackMailbox(dir);
        ok("hq", "prepare-agent", "A01", "--out", "a01");
        Path a01 = dir.resolve("a01");
        try (LoopbackStations mailbox = LoopbackStations.serve(dir.resolve("mailbox"), clock, dir, a01)) {
            mailbox.sync(dir, a01);
            CliRun agent = mailbox.at(a01);
            for (String[] args : new String[][] {
                    {"order", "new", "--customer", "C00001"}, {"order", "add-line", "1", "P00081", "2"},
                    {"order", "submit", "1"}}) {
                Result result = agent.run(args);
                assertThat(result.exitCode()).as(result.toString()).isZero();
            }
            clock.advance(Duration.ofHours(1));
            mailbox.sync(a01, dir);
        }
        clock.advance(Duration.ofDays(4));

        Result agents = ok("hq", "agents", "--format", "json");

        // A01 sent two packages: its acknowledgement after its first sync, then its order
        assertThat(agents.out().lines()).contains(
                "  {\"agent\": \"A01\", \"name\": \"Marco Bianchi\", \"e-mail\": \"marco.bianchi@ferramentanord.it\","
                        + " \"customers\": 22, \"special prices\": 132, \"orders\": 1, \"last received\": 2,"
                        + " \"received at\": \"2026-03-02 09:00 UTC\", \"last acknowledged\": 1, \"orders pending\": 1,"
                        + " \"days since sync\": 4, \"set aside there\": 0, \"waiting there\": \"\","
                        + " \"last error there\": \"\", \"last error at\": \"\", \"clock\": \"ok\"},",
                "  {\"agent\": \"A02\", \"name\": \"Giulia Rossi\", \"e-mail\": \"giulia.rossi@ferramentanord.it\","
                        + " \"customers\": 22, \"special prices\": 132, \"orders\": 0, \"last received\": \"\","
                        + " \"received at\": \"\", \"last acknowledged\": \"\", \"orders pending\": 0,"
                        + " \"days since sync\": \"never\", \"set aside there\": \"\", \"waiting there\": \"\","
                        + " \"last error there\": \"\", \"last error at\": \"\", \"clock\": \"\"},");
        ok("hq", "export-orders");
        assertThat(ok("hq", "agents").out().lines()).element(1).asString().startsWith("A01    Marco Bianchi"
                + "  marco.bianchi@ferramentanord.it  22         132             1       2              2026-03-02 09:00 UTC"
                + "  1                  0               4  ").endsWith("ok");
    }

    @Test
    void aBadFileExitsOneWithItsLineAndStoresNothing() throws IOException {
        ok("hq", "init");
        Path bad = Files.writeString(dir.resolve("agents.csv"), "code,name\nA01,Marco\nA02,\n");

        Result result = sincro.run("hq", "import", "agents", bad.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo("sincro: agents.csv line 3, column name: the value is missing;"
                + " every line needs a name. No row of the file was stored.");
        try (Database company = Database.open(dir.resolve("database"), clock)) {
            assertThat(Sql.count(company, "SELECT COUNT(*) FROM agent")).isZero();
        }
    }

    @Test
    void anUnknownKindIsAUsageError() {
        ok("hq", "init");

        Result result = sincro.run("hq", "import", "widgets", "x.csv");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'widgets' is not a kind of file; use one of agents, products, price-lists");
    }

    @Test
    void prepareAgentMakesAStationThatOpensAsThatAgent() {
        loadSampleCompany();

        Result result = ok("hq", "prepare-agent", "A01", "--out", "a01");

        assertThat(result.out()).contains("Prepared agent A01's station in " + dir.resolve("a01"),
                "first customer code will be A01-00001", "first order A01/000001");
        Result status = ok("status", "--config", "a01");
        assertThat(status.out()).contains("Station:   agent A01", "1 agent, 0 customers, 0 products");
    }

    @Test
    void prepareAgentWritesNoPasswordUnlessAsked() throws IOException {
        loadSampleCompany();
        Files.writeString(dir.resolve("sincro.properties"), "ftp.host=ftp.example.com\nftp.password=s3cret\n",
                java.nio.file.StandardOpenOption.APPEND);

        // --offline: the example's FTP host is not there to make the folders in
        ok("hq", "prepare-agent", "A01", "--out", "a01", "--offline");
        ok("hq", "prepare-agent", "A02", "--out", "a02", "--with-password", "--offline");

        assertThat(dir.resolve("a01/sincro.properties")).content().contains("ftp.host=ftp.example.com")
                .doesNotContain("s3cret");
        assertThat(dir.resolve("a02/sincro.properties")).content().contains("ftp.password=s3cret");
    }

    @Test
    void prepareAgentOfAnUnknownAgentTouchesNothing() {
        loadSampleCompany();

        Result result = sincro.run("hq", "prepare-agent", "A09", "--out", "a09");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err().strip()).isEqualTo(
                "sincro: agent A09 is not in the company database; import it first (sincro hq import agents FILE)");
        assertThat(dir.resolve("a09")).doesNotExist();
    }

    @Test
    void prepareAgentWithoutOutIsAUsageError() {
        loadSampleCompany();

        Result result = sincro.run("hq", "prepare-agent", "A01");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void settingsThatPointAnAgentAtTheCompanyDatabaseAreRefused() throws IOException {
        loadSampleCompany();
        Path station = Files.createDirectories(dir.resolve("wrong"));
        Files.writeString(station.resolve("sincro.properties"), "role=agent\nagent.code=A01\ndatabase.path=../database\n");

        Result result = sincro.run("status", "--config", "wrong");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("belongs to head office but", "says this is agent A01");
    }

    @Test
    void headOfficeCommandsRefuseAnAgentStation() {
        loadSampleCompany();
        ok("hq", "prepare-agent", "A01", "--out", "a01");

        Result result = sincro.run("hq", "agents", "--config", "a01");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("sincro hq agents runs at the head office");
    }

    @Test
    void theLogGoesToTheStationFolder() {
        loadSampleCompany();

        assertThat(dir.resolve("logs/sincro.log")).content().contains("imported products from products.csv");
    }

    @Test
    void exportOrdersWithNothingReceivedSaysSoAndWritesNothing() {
        loadSampleCompany();

        Result result = ok("hq", "export-orders");

        assertThat(result.out()).contains("No orders waiting for the back-end");
        assertThat(dir.resolve("exports")).isEmptyDirectory();
    }

    @Test
    void exportOfEachKindWithNothingWaitingSaysSoAndWritesNothing() {
        loadSampleCompany();

        assertThat(ok("hq", "export", "customers").out()).contains("No customers waiting for the back-end");
        assertThat(ok("hq", "export", "special-prices").out()).contains("No special prices waiting for the back-end");
        assertThat(ok("hq", "export", "orders", "--again").out()).isEqualTo("No orders waiting for the back-end.\n");
        assertThat(dir.resolve("exports")).isEmptyDirectory();
    }

    @Test
    void orderNewEntersAnOrderForAnAgentInTheHeadOfficesSeries() {
        loadSampleCompany();

        Result result = ok("hq", "order", "new", "--agent", "A01", "--customer", "C00001", "--line", "P00001:2",
                "--line", "P00049:1:30:10");

        assertThat(result.out()).isEqualTo("Entered order HQ/000001 for agent A01, customer C00001, 2 lines; it stays"
                + " at the head office ('sincro hq orders show HQ/000001').\n");
        assertThat(ok("hq", "orders", "show", "HQ/000001").out())
                .contains("Order     HQ/000001  received, entered by the head office for agent A01", "27.00");
    }

    @Test
    void orderNewWithALineThatIsNotOneIsAUsageErrorAndForAnotherAgentsCustomerExitsOne() {
        loadSampleCompany();

        Result badLine = sincro.run("hq", "order", "new", "--agent", "A01", "--customer", "C00001", "--line", "P00001");
        Result otherAgents = sincro.run("hq", "order", "new", "--agent", "A01", "--customer", "C00023", "--line",
                "P00001:1");

        assertThat(badLine.exitCode()).as(badLine.toString()).isEqualTo(2);
        assertThat(badLine.err()).contains("'P00001' is not a line; write PRODUCT:QUANTITY");
        assertThat(otherAgents.exitCode()).as(otherAgents.toString()).isEqualTo(1);
        assertThat(otherAgents.err()).contains("customer C00023 is assigned to agent A02, not to agent A01");
    }

    @Test
    void exportOfAnUnknownKindIsAUsageError() {
        ok("hq", "init");

        Result result = sincro.run("hq", "export", "widgets");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("'widgets' is not a kind of export; use one of customers, special-prices, orders");
    }

    @Test
    void exportIntoAFileThatExistsExitsOneAndKeepsTheFile() throws IOException {
        loadSampleCompany();
        Path mine = Files.writeString(dir.resolve("mine.csv"), "the back-end's own file");

        Result result = sincro.run("hq", "export", "customers", "--again", "--out", "mine.csv");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("mine.csv already exists; name a new file");
        assertThat(mine).hasContent("the back-end's own file");
    }

    @Test
    void orderStatusOfAnUnknownOrderExitsOne() {
        loadSampleCompany();

        Result result = sincro.run("hq", "order-status", "A01/000042", "accepted");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("order A01/000042 is not in the company database");
    }

    @Test
    void orderStatusWithABadNumberIsAUsageError() {
        Result result = sincro.run("hq", "order-status", "42", "accepted");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.err()).contains("write it as SERIES/NUMBER, such as A01/000042");
    }

    /** The sample company loaded by {@code hq init} and {@code hq import} (copied: see SampleHeadOffice). */
    private void loadSampleCompany() {
        SampleHeadOffice.copyTo(dir);
    }

    private Result ok(String... args) {
        Result result = sincro.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
