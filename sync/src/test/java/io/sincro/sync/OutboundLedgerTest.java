package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.format.PackageStream;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;

/**
 * An agent's ledger of the packages it sent that may still be in the mailbox: one that carries
 * orders stays until the head office acknowledges it (one of acknowledgements only leaves it as it
 * is uploaded: ExportedPackagesTest).
 */
class OutboundLedgerTest {

    private static final PackageStream A01_OUT = PackageStream.fromAgent("A01");

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void aPackageWithAnOrderStaysUntilTheHeadOfficeAcknowledgesIt() {
        AgentStation a01 = company.work("A01");
        Order order = a01.orders().create("C00001", null);
        a01.orders().addLine(order.number(), NewLine.of("P00001", "2"));
        a01.orders().submit(order.number());
        ExportedPackages exported = new ExportedPackages();

        company.sync("A01");
        List<ExportedPackage> sent = company.agent("A01").inTransaction(c -> exported.notRemoved(c, A01_OUT));
        company.syncHeadOffice();
        company.sync("A01");

        assertThat(sent).singleElement().satisfies(p -> {
            assertThat(p.isUploaded()).isTrue();
            assertThat(p.onlyAcknowledges()).isFalse();
        });
        List<ExportedPackage> after = company.agent("A01").inTransaction(c -> exported.notRemoved(c, A01_OUT));
        assertThat(after.stream().map(p -> p.name().sequence()).toList()).doesNotContain(sent.get(0).name().sequence());
    }
}
