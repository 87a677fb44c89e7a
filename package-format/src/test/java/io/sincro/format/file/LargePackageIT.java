package io.sincro.format.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.format.rows.StockLevel;
import io.sincro.format.seal.Sealing;
import io.sincro.format.testing.Samples;
import io.sincro.format.xml.PackageXml;

/**
 * Packages are written and read as streams (MISSION.md requirement 6): a package of a million price
 * rows, about 80 MB of XML, goes through writing, the checking pass and the reading pass in a JVM
 * whose whole heap is 64 MB (failsafe runs this class with -Xmx64m), so no step can hold the rows.
 */
class LargePackageIT {

    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMillionPriceRowsAreWrittenAndReadInA64MegabyteHeap() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("this test must run with -Xmx64m").isLessThanOrEqualTo(64L << 20);
        PackageFiles files = new PackageFiles(new PackageXml(), Sealing.sha256(), ReadLimits.standard());

        WrittenPackage written = files.write(dir, Samples.header(PackageStream.catalog(), 1), rows -> {
            rows.priceList(new PriceList("L1", "Listino base"));
            for (int i = 0; i < ROWS; i++) {
                rows.priceListRow(row(i));
            }
        });
        VerifiedPackage verified = files.verify(written.file());
        Counting read = new Counting();
        files.read(verified, header -> read);

        assertThat(verified.header().totalRows()).isEqualTo(ROWS + 1);
        assertThat(read.rows).isEqualTo(ROWS);
        assertThat(read.mismatches).isZero();
        assertThat(written.seal().size()).isGreaterThan(50L << 20);
    }

    private static PriceListRow row(int i) {
        return new PriceListRow("L1", String.format("P%07d", i), BigDecimal.valueOf(i % 100_000, 2));
    }

    /** Counts the rows as they arrive and checks each against what was written; keeps none. */
    private static final class Counting implements PackageRows {
        long rows;
        long mismatches;

        @Override
        public void priceListRow(PriceListRow r) {
            PriceListRow expected = row((int) rows);
            if (!expected.productCode().equals(r.productCode()) || expected.price().compareTo(r.price()) != 0) {
                mismatches++;
            }
            rows++;
        }

        @Override
        public void priceList(PriceList list) {
            // the one list is counted by the header
        }

        @Override
        public void product(Product product) {
            mismatches++;
        }

        @Override
        public void stockLevel(StockLevel level) {
            mismatches++;
        }

        @Override
        public void customer(Customer customer) {
            mismatches++;
        }

        @Override
        public void specialPrice(SpecialPrice price) {
            mismatches++;
        }

        @Override
        public void order(Order order) {
            mismatches++;
        }

        @Override
        public void orderStatus(OrderStatusUpdate status) {
            mismatches++;
        }

        @Override
        public void deletion(Deletion deletion) {
            mismatches++;
        }
    }
}
