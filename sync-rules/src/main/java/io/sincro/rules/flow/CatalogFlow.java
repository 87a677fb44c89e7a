package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import io.sincro.db.catalog.EmptyCatalog;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.format.Entity;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.rows.Section;

/**
 * Products, generic price lists and stock: the head office's, sent to every agent alike in the
 * shared catalog stream. The head office is the only authority, so importing simply takes what
 * arrives: insert or update, and delete what the head office deleted (a price list row removed, a
 * stock row removed). Products are never deleted: a withdrawn product arrives inactive.
 */
final class CatalogFlow {

    private final PriceLists priceLists = new PriceLists();
    private final Products products = new Products();
    private final Stock stock = new Stock();
    private final Tombstones tombstones = new Tombstones();

    /** Every catalog row changed above {@code since} (-1: all), deletions first in each section. */
    void send(Connection c, long since, PackageRows out) throws SQLException {
        priceLists.listsChangedSince(c, since, l -> out.priceList(RowMapping.toPackage(l)));
        products.changedSince(c, since, p -> out.product(RowMapping.toPackage(p)));
        tombstones.since(c, Tombstone.Kind.PRICE_LIST_ROW, Tombstone.CATALOG, since, t -> out.deletion(
                new Deletion(Entity.PRICE_LIST_ROWS, t.key(), t.secondKey(), t.deletedAt(), t.deletedBy())));
        priceLists.rowsChangedSince(c, since, r -> out.priceListRow(RowMapping.toPackage(r)));
        tombstones.since(c, Tombstone.Kind.STOCK, Tombstone.CATALOG, since, t -> out.deletion(
                new Deletion(Entity.STOCK, t.key(), null, t.deletedAt(), t.deletedBy())));
        stock.changedSince(c, since, l -> out.stockLevel(RowMapping.toPackage(l)));
    }

    /**
     * An empty table takes a whole section in one bulk insert: every row is new there, so taking
     * what arrives is inserting it (a first sync). Returns false, having taken nothing, when the
     * table has rows. {@code empty} is asked once a package, at its first catalog section: a package
     * holds each section once, in order, and no section writes another's table.
     */
    boolean loadIfEmpty(Connection c, Section s, Arrival a, Tallies t, EmptyCatalog empty) throws SQLException {
        Instant now = a.now();
        long loaded = switch (s.entity()) {
            case PRICE_LISTS -> empty.priceLists() ? priceLists.loadLists(c, RowMapping.priceLists(s), now) : -1;
            case PRODUCTS -> empty.products() ? products.loadIntoEmpty(c, RowMapping.products(s), now) : -1;
            case PRICE_LIST_ROWS -> empty.priceListRows() ? priceLists.loadRows(c, RowMapping.priceListRows(s), now) : -1;
            case STOCK -> empty.stock() ? stock.load(c, RowMapping.stockLevels(s), now) : -1;
            default -> throw new IllegalArgumentException(s.entity().section() + " are not catalog rows");
        };
        if (loaded < 0) {
            return false;
        }
        t.inserted(s.entity(), loaded);
        return true;
    }

    void receive(Connection c, PriceList list, Arrival a, Tallies t) throws SQLException {
        t.count(Entity.PRICE_LISTS, priceLists.save(c, list, a.now(), ChangeSource.RECEIVED));
    }

    void receive(Connection c, Product product, Arrival a, Tallies t) throws SQLException {
        t.count(Entity.PRODUCTS, products.save(c, product, a.now(), ChangeSource.RECEIVED));
    }

    void receive(Connection c, PriceListRow row, Arrival a, Tallies t) throws SQLException {
        t.count(Entity.PRICE_LIST_ROWS, priceLists.save(c, row, a.now(), ChangeSource.RECEIVED));
    }

    void receive(Connection c, StockLevel level, Arrival a, Tallies t) throws SQLException {
        t.count(Entity.STOCK, stock.save(c, level, a.now(), ChangeSource.RECEIVED));
    }

    void receiveDeletion(Connection c, Deletion d, Arrival a, Tallies t) throws SQLException {
        boolean removed = switch (d.entity()) {
            case PRICE_LIST_ROWS -> priceLists.removeRow(c, d.key(), d.secondKey(), a.now(), ChangeSource.RECEIVED);
            case STOCK -> stock.remove(c, d.key(), a.now(), ChangeSource.RECEIVED);
            default -> throw new IllegalArgumentException(d.entity().section() + " are not catalog deletions");
        };
        if (removed) {
            t.deleted(d.entity());
        } else {
            t.unchanged(d.entity());
        }
    }
}
