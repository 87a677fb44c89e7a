package io.sincro.format.testing;

import java.util.ArrayList;
import java.util.List;

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

/** Every row a package holds, in the order it came: for comparing what was written with what is read. */
public final class Collected implements PackageRows {

    private final List<Object> rows = new ArrayList<>();

    public List<Object> rows() {
        return rows;
    }

    /** Writes the same rows, in the same order, into {@code out}. */
    public void replay(PackageRows out)  {
        for (Object row : rows) {
            if (row instanceof PriceList r) {
                out.priceList(r);
            } else if (row instanceof Product r) {
                out.product(r);
            } else if (row instanceof PriceListRow r) {
                out.priceListRow(r);
            } else if (row instanceof StockLevel r) {
                out.stockLevel(r);
            } else if (row instanceof Customer r) {
                out.customer(r);
            } else if (row instanceof SpecialPrice r) {
                out.specialPrice(r);
            } else if (row instanceof Order r) {
                out.order(r);
            } else if (row instanceof OrderStatusUpdate r) {
                out.orderStatus(r);
            } else if (row instanceof Deletion r) {
                out.deletion(r);
            }
        }
    }

    @Override
    public void priceList(PriceList list) {
        rows.add(list);
    }

    @Override
    public void product(Product product) {
        rows.add(product);
    }

    @Override
    public void priceListRow(PriceListRow row) {
        rows.add(row);
    }

    @Override
    public void stockLevel(StockLevel level) {
        rows.add(level);
    }

    @Override
    public void customer(Customer customer) {
        rows.add(customer);
    }

    @Override
    public void specialPrice(SpecialPrice price) {
        rows.add(price);
    }

    @Override
    public void order(Order order) {
        rows.add(order);
    }

    @Override
    public void orderStatus(OrderStatusUpdate status) {
        rows.add(status);
    }

    @Override
    public void deletion(Deletion deletion) {
        rows.add(deletion);
    }
}
