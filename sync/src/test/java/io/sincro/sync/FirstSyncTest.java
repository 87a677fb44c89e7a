package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import io.sincro.db.testing.Sql;

class FirstSyncTest {

    /** The sample company's head office and its mailbox; each test prepares the stations it needs. */
    @RegisterExtension
    final Company company = Company.withAgents();

    @Test
    void anAgentWhoseHeadOfficeHasNotPublishedIsToldSo() {
        SyncReport report = company.sync("A01");

        assertThat(report.succeeded()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .contains("the head office has not published anything for agent A01 yet")
                .contains("must run sincro sync first");
    }

    @Test
    void theAgentsFirstSyncBringsItsCustomersTheirSpecialPricesAndTheWholeCatalog() {
        company.agent("A01");
        SyncReport published = company.syncHeadOffice();
        SyncReport first = company.sync("A01");

        assertThat(published.problems()).isEmpty();
        assertThat(first.problems()).isEmpty();
        var agent = company.agent("A01");
        assertThat(Sql.column(agent, "SELECT code FROM customer ORDER BY code")).isEqualTo(Sql.column(company.hq,
                "SELECT code FROM customer WHERE agent_code = 'A01' ORDER BY code")).isNotEmpty();
        assertThat(Sql.rows(agent, "SELECT customer_code, product_code, price FROM special_price ORDER BY 1, 2"))
                .isEqualTo(Sql.rows(company.hq, """
                        SELECT p.customer_code, p.product_code, p.price FROM special_price p
                        JOIN customer c ON c.code = p.customer_code WHERE c.agent_code = 'A01' ORDER BY 1, 2"""));
        for (String table : new String[] {"product", "price_list", "price_list_row", "stock"}) {
            assertThat(Sql.count(agent, "SELECT COUNT(*) FROM " + table)).as(table)
                    .isEqualTo(Sql.count(company.hq, "SELECT COUNT(*) FROM " + table)).isPositive();
        }
    }

    @Test
    void theAgentsFirstSyncAsksEachPackagesSizeOnceAndShowsItAsItFetchesIt() throws IOException {
        company.agent("A01");
        company.syncHeadOffice();
        long catalog = Files.size(company.served("SincroSede/HQ_catalog_000000001.sincro"));
        long own = Files.size(company.served("SincroSede/A01/HQ_to_A01_000000001.sincro"));
        List<String> shown = new ArrayList<>();
        company.with(new SyncProgress() {
            @Override
            public void downloading(String packageName, long bytes) {
                shown.add(packageName + " " + bytes);
            }
        });

        List<String> sent = commandsSentDuring(() -> assertThat(company.sync("A01").problems()).isEmpty());

        assertThat(shown).containsExactly("HQ_catalog_000000001.sincro " + catalog, "HQ_to_A01_000000001.sincro " + own);
        // each SIZE is a round trip over the agent's phone line: the one the download checks against is enough
        assertThat(sent).filteredOn(command -> command.startsWith("SIZE HQ_"))
                .containsExactly("SIZE HQ_catalog_000000001.sincro", "SIZE HQ_to_A01_000000001.sincro");
        assertThat(sent).filteredOn(command -> command.startsWith("RETR "))
                .containsExactly("RETR HQ_catalog_000000001.sincro", "RETR HQ_to_A01_000000001.sincro");
    }

    @Test
    void theAgentsSyncLogsInOnAThreadOfItsOwnWhileItWritesItsPackages() {
        company.agent("A01");
        company.syncHeadOffice();
        List<String> sent = new ArrayList<>();
        Thread syncing = Thread.currentThread();
        List<String[]> elsewhere = Collections.synchronizedList(new ArrayList<>());
        AppenderBase<ILoggingEvent> captured = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String line = event.getFormattedMessage();
                if (line.contains(" > ")) {
                    if (Thread.currentThread() == syncing) {
                        sent.add(line);
                    } else {
                        elsewhere.add(new String[] {Thread.currentThread().getName(), line});
                    }
                }
            }
        };

        withProtocolLog(captured, () -> assertThat(company.sync("A01").problems()).isEmpty());

        // the server's address, as this sync's own commands name it (other tests' syncs run beside it)
        String server = sent.get(0).substring(0, sent.get(0).indexOf(" > "));
        assertThat(sent).noneMatch(line -> line.contains(" > USER") || line.contains(" > PASS"));
        assertThat(elsewhere).filteredOn(e -> e[1].startsWith(server + " > USER"))
                .singleElement().satisfies(e -> assertThat(e[0]).startsWith("sincro-connect-").endsWith("@" + server));
    }

    @Test
    void publishingForSeveralAgentsUploadsTheCatalogOnce() {
        company.agent("A01");
        company.agent("A02");

        company.syncHeadOffice();

        assertThat(company.packagesIn("SincroSede")).containsExactly("HQ_catalog_000000001.sincro");
        assertThat(company.packagesIn("SincroSede/A01")).containsExactly("HQ_to_A01_000000001.sincro");
        assertThat(company.packagesIn("SincroSede/A02")).containsExactly("HQ_to_A02_000000001.sincro");
        assertThat(company.served("SincroSede/A01/HQ_to_A01_000000001.sincro").toFile().length())
                .isLessThan(company.served("SincroSede/HQ_catalog_000000001.sincro").toFile().length() / 2);
    }

    /**
     * The FTP commands {@code sync} sends, as the protocol log writes them (FtpSession's ProtocolLog):
     * those sent from this thread, since other tests run beside it.
     */
    private static List<String> commandsSentDuring(Runnable sync) {
        Thread syncing = Thread.currentThread();
        List<String> commands = new ArrayList<>();
        AppenderBase<ILoggingEvent> captured = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                String line = event.getFormattedMessage();
                if (Thread.currentThread() == syncing && line.contains(" > ")) {
                    commands.add(line.substring(line.indexOf(" > ") + 3));
                }
            }
        };
        withProtocolLog(captured, sync);
        return commands;
    }

    /** Runs {@code work} with the FTP protocol log (FtpSession's ProtocolLog) at DEBUG into {@code captured}. */
    private static void withProtocolLog(AppenderBase<ILoggingEvent> captured, Runnable work) {
        captured.start();
        Logger protocol = (Logger) LoggerFactory.getLogger("io.sincro.exchange.ftp.protocol");
        Level level = protocol.getLevel();
        protocol.setLevel(Level.DEBUG);
        protocol.addAppender(captured);
        try {
            work.run();
        } finally {
            protocol.detachAppender(captured);
            protocol.setLevel(level);
        }
    }
}
