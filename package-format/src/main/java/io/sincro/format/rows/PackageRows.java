package io.sincro.format.rows;

import io.sincro.format.Entity;

/**
 * A package's content, one row at a time, in section order ({@link Entity}) and, within a section,
 * deletions before rows (a row deleted and added again ends up present). A writer is one: the
 * content is written into it; reading a package calls one. That is how a package of any size is
 * never held in memory.
 */
public interface PackageRows {

    void priceList(PriceList list);

    void product(Product product);

    void priceListRow(PriceListRow row);

    void stockLevel(StockLevel level);

    void customer(Customer customer);

    void specialPrice(SpecialPrice price);

    void order(Order order);

    void orderStatus(OrderStatusUpdate status);

    void deletion(Deletion deletion);
}
