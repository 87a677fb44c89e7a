package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.ServeOptions;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;

/**
 * A mailbox that cannot be reached at all (server down, wrong port, wrong password) stops the
 * sync at its first failure: one problem for the user (MISSION requirement 5), not one per step
 * that would fail the same way after its own retries; the package keeps its attempt and error.
 */
class UnreachableMailboxTest {

    /** The sample company after the first syncs of the head office and A01. */
    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void anAgentWhoseMailboxCannotBeReachedGetsOneProblemAndItsOrderStaysQueued() throws IOException {
        AgentStation a01 = company.work("A01");
        Order order = a01.orders().create("C00001", null);
        a01.orders().addLine(order.number(), NewLine.of("P00001", "2"));
        a01.orders().submit(order.number());

        SyncReport failed;
        try (Mailbox unreachable = unreachableMailbox()) {
            failed = company.sync("A01", unreachable);
        }

        assertThat(failed.problems()).singleElement().asString()
                .contains("A01_to_HQ_000000002.sincro was not sent (attempt 1)")
                .contains("nothing accepted the connection");
        List<ExportedPackage> queue = company.agent("A01").inTransaction(new ExportedPackages()::waiting);
        assertThat(queue).singleElement().satisfies(p -> {
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.lastError()).hasValueSatisfying(e -> assertThat(e).contains("nothing accepted the connection"));
        });
        assertThat(Sql.column(company.agent("A01"), "SELECT status FROM customer_order")).containsExactly("SUBMITTED");
    }

    private Mailbox unreachableMailbox() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FtpSettings settings = FtpSettings.of(ServeOptions.LOOPBACK, closedPort, Company.USER, Company.PASSWORD,
                TlsMode.NONE).withRetries(0, Duration.ZERO);
        return new FtpMailbox(settings, PackageNames.endingWith(".sincro"), company.hqClock);
    }
}
