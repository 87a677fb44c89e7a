package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.testing.Sql;
import io.sincro.exchange.Folder;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.interop.InteropServers;
import io.sincro.exchange.interop.InteropServers.Ftp;
import io.sincro.exchange.sftp.SftpMailbox;
import io.sincro.office.orders.StatusReports;

/**
 * A whole sync round through each real server of the interop suite: the head office publishes, the
 * agent takes its first data, sends an order, the head office receives it and sends its status
 * back. Dozens of transfers, each in sessions that the real server's rules govern (TLS session
 * reuse on vsftpd, TLS on every transfer on pure-ftpd, SFTP on OpenSSH).
 *
 * <p>The rounds share the servers' users and folders, so they run one after another, though the
 * module's other tests run side by side (sync's pom.xml).
 */
@Execution(ExecutionMode.SAME_THREAD)
class RealServersSyncIT {

    private static final PackageNames PACKAGES = PackageNames.endingWith(".sincro");

    @TempDir
    Path dir;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("vsftpd, plain FTP", (Function<InteropServers, Function<Clock, Mailbox>>) s ->
                        clock -> new FtpMailbox(s.ftp(Ftp.VSFTPD_PLAIN, s.fullUser()), PACKAGES, clock)),
                Arguments.of("vsftpd, explicit FTPS, TLS session reuse required",
                        (Function<InteropServers, Function<Clock, Mailbox>>) s ->
                                clock -> new FtpMailbox(s.ftp(Ftp.VSFTPD_EXPLICIT, s.fullUser()), PACKAGES, clock)),
                Arguments.of("pure-ftpd, TLS required for login and data",
                        (Function<InteropServers, Function<Clock, Mailbox>>) s ->
                                clock -> new FtpMailbox(s.ftp(Ftp.PURE_FTPD_TLS_REQUIRED, s.fullUser()), PACKAGES, clock)),
                Arguments.of("OpenSSH, SFTP", (Function<InteropServers, Function<Clock, Mailbox>>) s ->
                        clock -> new SftpMailbox(s.sftp(s.fullUser()), PACKAGES)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void anOrderTravelsUpAndItsStatusComesBack(String server, Function<InteropServers, Function<Clock, Mailbox>> wire) {
        InteropServers servers = InteropServers.require();
        servers.clear(servers.fullUser());
        try (Company company = new Company(dir, wire.apply(servers))) {
            company.agent("A01");
            try (Mailbox mailbox = company.mailbox(company.hqClock)) {
                for (Folder folder : List.of(Folder.fromAgent("A01"), Folder.toAgent("A01"))) {
                    mailbox.createFolder(folder);
                }
            }

            assertThat(company.syncHeadOffice().problems()).as(server).isEmpty();
            assertThat(company.sync("A01").problems()).as(server).isEmpty();
            AgentStation a01 = company.work("A01");
            Order order = a01.orders().create("C00001", "through " + server);
            a01.orders().addLine(order.number(), NewLine.of("P00001", "3"));
            a01.orders().submit(order.number());
            assertThat(company.sync("A01").problems()).as(server).isEmpty();
            assertThat(company.syncHeadOffice().problems()).as(server).isEmpty();
            new StatusReports(company.hq).report(order.number(), "accepted", null, null);
            assertThat(company.syncHeadOffice().problems()).as(server).isEmpty();
            assertThat(company.sync("A01").problems()).as(server).isEmpty();

            assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM customer_order WHERE series = 'A01'")).isEqualTo(1);
            assertThat(Sql.column(company.agent("A01"), "SELECT status FROM customer_order")).containsExactly("ACCEPTED");
        }
    }
}
