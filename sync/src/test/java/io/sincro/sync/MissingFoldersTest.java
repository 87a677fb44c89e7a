package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;

/** A sync that finds a folder of the mailbox missing (a new FTP host, say) makes it and carries on. */
class MissingFoldersTest {

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anEmptyNewMailboxGetsItsFoldersBackFromTheSyncsAndNothingIsLost() throws IOException {
        Path mailbox = company.served("SincroSede").getParent();
        remove(mailbox.resolve("SincroSede"));
        remove(mailbox.resolve("SincroAg"));
        Order order = submitOrder(company.work("A01"));

        SyncReport agent = company.sync("A01");
        SyncReport headOffice = company.syncHeadOffice();

        assertThat(agent.problems()).isEmpty();
        assertThat(agent.warnings()).anySatisfy(w -> assertThat(w).contains("folder SincroAg/A01 was missing")
                .contains("this sync made it"));
        assertThat(headOffice.problems()).isEmpty();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE series = 'A01' AND number = "
                + order.number().number())).isEqualTo(1);
        assertThat(company.served("SincroSede/A01")).isDirectory();
        assertThat(company.sync("A01").problems()).isEmpty();
    }

    @Test
    void theHeadOfficeMakesAnAgentsUploadFolderItFindsMissing() throws IOException {
        remove(company.served("SincroAg/A01"));

        SyncReport headOffice = company.syncHeadOffice();

        assertThat(headOffice.problems()).isEmpty();
        assertThat(headOffice.warnings()).anySatisfy(w -> assertThat(w).contains("folder SincroAg/A01 was missing"));
        assertThat(company.served("SincroAg/A01")).isDirectory();
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM journal WHERE event = 'RECEIVE' AND outcome = 'WARNING'"))
                .isEqualTo(1);
    }

    private static Order submitOrder(AgentStation agent) {
        Order order = agent.orders().create("C00001", null);
        agent.orders().addLine(order.number(), NewLine.of("P00001", "3"));
        return agent.orders().submit(order.number());
    }

    /** What a new, empty FTP host lacks: the folder and everything in it. */
    private static void remove(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
