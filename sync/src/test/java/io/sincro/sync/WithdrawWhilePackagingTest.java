package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.NewLine;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.PackagedUpTo;
import io.sincro.db.testing.Sql;

/**
 * {@code sincro ui} runs a sync on its own thread while a page withdraws an order
 * (OrderStatuses.withdraw): the order is either refused as packaged or left out of the package,
 * never both back in draft and on its way to the head office.
 */
class WithdrawWhilePackagingTest {

    private static final String ORDERS = "SELECT COUNT(*) FROM customer_order";
    private static final String WAITING = "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE state = 'WAIT'";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void aPackageWrittenWhileAnOrderIsWithdrawnDoesNotCarryIt() throws Exception {
        AgentStation a01 = company.work("A01");
        Order order = a01.orders().create("C00001", null);
        a01.orders().addLine(order.number(), NewLine.of("P00001", "2"));
        a01.orders().submit(order.number());
        long atHeadOffice = Sql.count(company.hq, ORDERS);
        PackagedUpTo packaged = new SyncStatus(company.agent("A01"), company.folder("A01")).packagedUpTo();
        CountDownLatch withdrawing = new CountDownLatch(1);
        CompletableFuture<SyncReport> sync = CompletableFuture.supplyAsync(() -> {
            await(withdrawing);
            return company.sync("A01");
        });
        // the sync starts once the withdrawal has begun, and the withdrawal reads what was packaged
        // only once the sync has written its package or waits for the withdrawal to end
        PackagedUpTo racing = c -> {
            withdrawing.countDown();
            awaitWaitingOrDone(c, sync);
            return packaged.in(c);
        };

        Order withdrawn = a01.orders().withdraw(order.number(), racing);
        SyncReport sent = sync.join();
        company.syncHeadOffice();

        assertThat(withdrawn.status()).isEqualTo(OrderStatus.DRAFT);
        assertThat(sent.problems()).isEmpty();
        assertThat(Sql.count(company.hq, ORDERS)).isEqualTo(atHeadOffice);
        assertThat(a01.orders().show(order.number()).order().status()).isEqualTo(OrderStatus.DRAFT);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until the sync has ended or some transaction waits for a lock (the sync's, for ours). */
    private static void awaitWaitingOrDone(Connection c, CompletableFuture<?> sync) throws SQLException {
        while (!sync.isDone()) {
            try (PreparedStatement s = c.prepareStatement(WAITING); ResultSet rows = s.executeQuery()) {
                rows.next();
                if (rows.getInt(1) > 0) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
    }
}
