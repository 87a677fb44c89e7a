package io.sincro.bench.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * What an agent's first sync brings (seed 003: all products, all generic price lists with their
 * rows, stock, all the agent's customers and their special prices), taken from the head office's
 * database with Derby's own export, one file per table, each in its table's column order.
 */
final class FirstSyncRows {

    /** Tables in load order (each refers only to tables before it, or to the agent row the station has). */
    private static final List<Table> TABLES = List.of(
            new Table("PRICE_LIST", "", false),
            new Table("PRODUCT", "", false),
            new Table("PRICE_LIST_ROW", "", false),
            new Table("STOCK", "", false),
            new Table("CUSTOMER", "WHERE agent_code = '%s'", false),
            new Table("SPECIAL_PRICE", "WHERE customer_code IN (SELECT code FROM customer WHERE agent_code = '%s')",
                    false),
            // the word index of product descriptions (io.sincro.db.catalog.ProductWords): a station keeps
            // it beside its products as Derby keeps a B-tree index, so the reference ends in the same
            // database the sync leaves; its rows are not rows the sync brings, and are not counted
            new Table("PRODUCT_WORD", "", true));

    /**
     * A table and which of its rows the agent gets ({@code %s}: the agent's code).
     *
     * @param derived whether the station derives the rows from other tables' rather than receiving them
     */
    private record Table(String name, String where, boolean derived) {
    }

    /** The column counting local changes: rows that arrive by sync carry 0 (received, not to be sent back). */
    private static final String CHANGE_SEQ = "CHANGE_SEQ";

    private final String agentCode;

    FirstSyncRows(String agentCode) {
        // the code goes into the queries as text: only a valid agent code (capitals and digits) may
        this.agentCode = Station.checkAgentCode(agentCode);
    }

    /** Exports the rows from the head office's database into {@code folder}, one file per table. */
    ReferenceFiles export(Database headOffice, Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + folder + ": " + e.getMessage(), e);
        }
        return headOffice.inTransaction(c -> {
            List<TableFile> files = new ArrayList<>();
            long carried = 0;
            for (Table table : TABLES) {
                TableFile file = exportTable(c, table.name(), String.format(table.where(), agentCode), folder);
                files.add(file);
                carried += table.derived() ? 0 : file.rows();
            }
            return new ReferenceFiles(agentCode, files, carried);
        });
    }

    private static TableFile exportTable(Connection c, String table, String where, Path folder) throws SQLException {
        return TableFile.export(c, table, where, folder.resolve(table.toLowerCase(Locale.ROOT) + ".csv"),
                name -> name.equals(CHANGE_SEQ) ? "0" : name);
    }
}
