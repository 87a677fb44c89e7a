package io.sincro.format.rows;

import java.util.Iterator;
import java.util.NoSuchElementException;

import io.sincro.format.Entity;

/**
 * One section of an arriving package as the importing thread takes it: the entity's deletions
 * first, then its rows, each item taken once, in the package's order. Taking may wait for the
 * reader; it never holds the section in memory.
 */
public interface Section {

    Entity entity();

    /** The next item without taking it: a {@link Deletion}, a row of {@link #entity()}, or null at the end. */
    Object peek();

    /** Takes the next item; null at the end. */
    Object take();

    /** The rest of the section, rows of {@code type}: call it once the deletions are taken. */
    default <T> Iterator<T> rows(Class<T> type) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null;
            }

            @Override
            public T next() {
                Object item = take();
                if (item == null) {
                    throw new NoSuchElementException("the " + entity().section() + " section has ended");
                }
                if (!type.isInstance(item)) {
                    // the reader refuses a deletion after rows, and a section holds one entity
                    throw new IllegalStateException(item.getClass().getSimpleName() + " among the rows of "
                            + entity().section());
                }
                return type.cast(item);
            }
        };
    }
}
