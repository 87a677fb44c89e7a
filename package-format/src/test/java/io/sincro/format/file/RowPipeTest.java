package io.sincro.format.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.sincro.format.Entity;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageStream;
import io.sincro.format.file.RowPipe;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.Section;
import io.sincro.format.rows.StockLevel;
import io.sincro.format.testing.Samples;

/** The pipe between the thread reading a package and the thread importing it. */
class RowPipeTest {

    /** More rows than the pipe holds, so the reader has to wait for the importer. */
    private static final int MANY = RowPipe.BATCH * RowPipe.BATCHES * 3;

    private static StockLevel level(int i) {
        return new StockLevel("P" + i, java.math.BigDecimal.valueOf(i));
    }

    @Test
    void theImporterTakesEverySectionInOrderDeletionsFirst() {
        List<String> taken = new ArrayList<>();
        try (RowPipe pipe = RowPipe.start("test-reader", into -> {
            into.priceList(Samples.priceList("L1"));
            into.deletion(new Deletion(Entity.STOCK, "P0", null, Samples.T0, "HQ"));
            for (int i = 1; i <= MANY; i++) {
                into.stockLevel(level(i));
            }
            return Samples.header(PackageStream.catalog(), 1);
        })) {
            for (Section s = pipe.nextSection(); s != null; s = pipe.nextSection()) {
                for (Object item = s.take(); item != null; item = s.take()) {
                    taken.add(s.entity().section() + ":" + (item instanceof Deletion d ? "-" + d.key()
                            : item instanceof StockLevel l ? l.productCode() : "L1"));
                }
            }
            assertThat(pipe.finish().sequence()).isEqualTo(1);
        }

        assertThat(taken).hasSize(MANY + 2).startsWith("priceLists:L1", "stock:-P0", "stock:P1")
                .endsWith("stock:P" + MANY);
    }

    @Test
    void aRefusalOfTheReaderReachesTheImporterAsItWas() {
        try (RowPipe pipe = RowPipe.start("test-reader", into -> {
            into.stockLevel(level(1));
            throw new PackageRefusedException(Reason.SEAL_MISMATCH, "package X's content does not match its seal");
        })) {
            assertThatThrownBy(() -> {
                for (Section s = pipe.nextSection(); s != null; s = pipe.nextSection()) {
                    while (s.take() != null) {
                        // the rows before the failure, if they came through
                    }
                }
            }).isInstanceOfSatisfying(PackageRefusedException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.SEAL_MISMATCH));
        }
    }

    @Test
    void anImporterThatStopsEarlyStopsTheReaderToo() {
        AtomicBoolean readerGaveUp = new AtomicBoolean();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (RowPipe pipe = RowPipe.start("test-reader", into -> {
                try {
                    for (int i = 1; ; i++) {
                        into.stockLevel(level(i));
                    }
                } catch (RuntimeException e) {
                    readerGaveUp.set(true);
                    throw e;
                }
            })) {
                assertThat(pipe.nextSection().take()).isEqualTo(level(1));
            }
        });
        assertThat(readerGaveUp).isTrue();
    }
}
