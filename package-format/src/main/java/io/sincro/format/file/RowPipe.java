package io.sincro.format.file;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

import io.sincro.format.Entity;
import io.sincro.format.PackageHeader;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.Section;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.format.rows.StockLevel;

/**
 * Carries a package's rows from the thread that reads the file (unzipping, sealing, parsing) to the
 * thread that imports them, so the two work at the same time: reading a large package costs about
 * as much as the database's work on it, and this way it costs almost nothing more. The reader
 * {@linkplain #start starts} in a thread of its own and writes into the pipe as a
 * {@link PackageRows}; the importer takes the rows {@linkplain #nextSection section by section}.
 *
 * <p>The pipe holds at most {@value #BATCHES} batches of {@value #BATCH} rows, so memory stays
 * bounded whatever the package's size. A failure of the reader (a refusal, a read error) reaches
 * the importer when it gets there; {@link #close} stops a reader the importer no longer needs.
 */
final class RowPipe implements PackageRows, AutoCloseable {

    static final int BATCH = 256;
    static final int BATCHES = 32;
    private static final Object[] END = new Object[0];

    /** Put before a section's first item by the reader, so the importer never has to work out whose a row is. */
    private record Start(Entity entity) {
    }

    /** What the reading thread runs: it writes into the pipe and returns the header it read. */
    @FunctionalInterface
    interface Reading {
        PackageHeader readInto(RowPipe pipe) throws Exception;
    }

    private final BlockingQueue<Object[]> batches = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reader;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private volatile PackageHeader header;

    // the reader's side
    private Object[] filling = new Object[BATCH];
    private int filled;
    private Entity writing;

    // the importer's side
    private Object[] taking = new Object[0];
    private int taken;
    private boolean ended;

    private RowPipe(String name, Reading reading) {
        reader = new Thread(() -> read(reading), name);
        reader.setDaemon(true);
    }

    /** Starts {@code reading} in a new thread named {@code name}. */
    static RowPipe start(String name, Reading reading) {
        RowPipe pipe = new RowPipe(name, reading);
        pipe.reader.start();
        return pipe;
    }

    private void read(Reading reading) {
        try {
            header = reading.readInto(this);
            flush();
        } catch (CancellationException e) {
            return;
        } catch (Throwable e) {
            failure = e;
        }
        try {
            put(END);
        } catch (CancellationException e) {
            // the importer has gone: nobody waits for the end
        }
    }

    /**
     * The next section, or null when the package has no more; the previous section must have been
     * taken to its end.
     *
     * @throws RuntimeException the reader's failure, as it failed (a refusal stays a refusal)
     */
    Section nextSection() {
        Object first = takeItem();
        if (first == null) {
            return null;
        }
        if (!(first instanceof Start start)) {
            throw new IllegalStateException("the previous section was not taken to its end");
        }
        return new PipeSection(start.entity());
    }

    /**
     * Waits for the reader to finish and returns the header it read.
     *
     * @throws RuntimeException the reader's failure
     */
    PackageHeader finish() {
        if (peekItem() != null) {
            throw new IllegalStateException("rows are left in the pipe");
        }
        join();
        return header;
    }

    /** Stops the reader if it is still at work, and waits for it. */
    @Override
    public void close() {
        cancelled = true;
        batches.clear();
        join();
    }

    private void join() {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the package was read");
        }
    }

    private Object peekItem() {
        while (!ended && taken == taking.length) {
            try {
                taking = batches.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while the package was read");
            }
            taken = 0;
            if (taking == END) {
                ended = true;
            }
        }
        if (ended) {
            rethrowFailure();
            return null;
        }
        return taking[taken];
    }

    private Object takeItem() {
        Object item = peekItem();
        if (item != null) {
            taken++;
        }
        return item;
    }

    private void rethrowFailure() {
        Throwable f = failure;
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("reading the package failed: " + f, f);
        }
    }

    /** The items of one entity, up to the first item of another. */
    private final class PipeSection implements Section {

        private final Entity entity;

        PipeSection(Entity entity) {
            this.entity = entity;
        }

        @Override
        public Entity entity() {
            return entity;
        }

        @Override
        public Object peek() {
            Object item = peekItem();
            return item instanceof Start ? null : item;
        }

        @Override
        public Object take() {
            return peek() == null ? null : takeItem();
        }
    }

    // the reader's side: PackageRows

    private void add(Entity entity, Object item) {
        if (entity != writing) {
            writing = entity;
            append(new Start(entity));
        }
        append(item);
    }

    private void append(Object item) {
        filling[filled++] = item;
        if (filled == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (filled > 0) {
            put(filled == BATCH ? filling : Arrays.copyOf(filling, filled));
            filling = new Object[BATCH];
            filled = 0;
        }
    }

    private void put(Object[] batch) {
        try {
            while (!cancelled) {
                if (batches.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new CancellationException("the import stopped before the package was read to its end");
    }

    @Override
    public void priceList(PriceList list) {
        add(Entity.PRICE_LISTS, list);
    }

    @Override
    public void product(Product product) {
        add(Entity.PRODUCTS, product);
    }

    @Override
    public void priceListRow(PriceListRow row) {
        add(Entity.PRICE_LIST_ROWS, row);
    }

    @Override
    public void stockLevel(StockLevel level) {
        add(Entity.STOCK, level);
    }

    @Override
    public void customer(Customer customer) {
        add(Entity.CUSTOMERS, customer);
    }

    @Override
    public void specialPrice(SpecialPrice price) {
        add(Entity.SPECIAL_PRICES, price);
    }

    @Override
    public void order(Order order) {
        add(Entity.ORDERS, order);
    }

    @Override
    public void orderStatus(OrderStatusUpdate status) {
        add(Entity.ORDER_STATUSES, status);
    }

    @Override
    public void deletion(Deletion deletion) {
        add(deletion.entity(), deletion);
    }
}
