package io.sincro.rules.parcel;

import java.sql.SQLException;

import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customer;
import io.sincro.db.prices.SpecialPrice;

/**
 * A package's content, one row at a time, in section order ({@link Entity}) and, within a section,
 * deletions before rows (a row deleted and added again ends up present). The package builders
 * write into one; reading a package calls one, which is how a package of any size is never held
 * in memory.
 */
public interface PackageRows {

    void priceList(PriceList list) throws SQLException;

    void product(Product product) throws SQLException;

    void priceListRow(PriceListRow row) throws SQLException;

    void stockLevel(StockLevel level) throws SQLException;

    void customer(Customer customer) throws SQLException;

    void specialPrice(SpecialPrice price) throws SQLException;

    void order(OrderDocument order) throws SQLException;

    void orderStatus(OrderStatusUpdate status) throws SQLException;

    void deletion(Deletion deletion) throws SQLException;
}
