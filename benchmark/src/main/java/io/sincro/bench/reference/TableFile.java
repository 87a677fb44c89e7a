package io.sincro.bench.reference;

import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One table's rows as Derby's export writes them, ready for its bulk import: the references the
 * benchmark times Sincro against are these files imported by Derby itself.
 *
 * @param table     the table, as Derby names it (PRODUCT)
 * @param columns   the columns the file holds, in the table's order; generated columns are left
 *                  out, Derby computes them
 * @param generated whether the table has generated columns: then the import must name the columns
 */
public record TableFile(String table, Path file, List<String> columns, boolean generated, long rows) {

    private static final String IMPORT_TABLE = "CALL SYSCS_UTIL.SYSCS_IMPORT_TABLE(NULL, ?, ?, NULL, NULL, 'UTF-8', 0)";
    private static final String IMPORT_DATA = "CALL SYSCS_UTIL.SYSCS_IMPORT_DATA(NULL, ?, ?, ?, ?, NULL, NULL, 'UTF-8', 0)";

    public TableFile {
        columns = List.copyOf(columns);
    }

    /**
     * Exports {@code table}'s rows matching {@code where} (empty: all) to {@code file} with Derby's
     * {@code SYSCS_EXPORT_QUERY}, each column written as {@code select} gives it (its name, or a
     * constant in its place).
     */
    public static TableFile export(Connection c, String table, String where, Path file, UnaryOperator<String> select)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        boolean generated = false;
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet r = meta.getColumns(null, "APP", table, null)) {
            while (r.next()) {
                if ("YES".equals(r.getString("IS_GENERATEDCOLUMN"))) {
                    generated = true;
                } else {
                    columns.add(r.getString("COLUMN_NAME"));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalStateException("the schema has no table " + table + "; the reference needs updating");
        }
        // getColumns answers in ordinal order, which is the order SYSCS_IMPORT_TABLE reads
        List<String> selected = columns.stream().map(select).toList();
        String filter = where.isEmpty() ? "" : " " + where;
        String query = "SELECT " + String.join(", ", selected) + " FROM " + table + filter;
        try (Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_EXPORT_QUERY('" + query.replace("'", "''") + "', '"
                    + file.toAbsolutePath().toString().replace("'", "''") + "', NULL, NULL, 'UTF-8')");
        }
        long rows;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table + filter)) {
            r.next();
            rows = r.getLong(1);
        }
        return new TableFile(table, file, columns, generated, rows);
    }

    /** Imports the file into its table with Derby's own bulk import, in the caller's transaction. */
    public void importInto(Connection c) throws SQLException {
        String path = file.toAbsolutePath().toString();
        if (!generated) {
            try (CallableStatement call = c.prepareCall(IMPORT_TABLE)) {
                call.setString(1, table);
                call.setString(2, path);
                call.execute();
            }
            return;
        }
        try (CallableStatement call = c.prepareCall(IMPORT_DATA)) {
            call.setString(1, table);
            call.setString(2, String.join(",", columns));
            call.setNull(3, Types.VARCHAR);
            call.setString(4, path);
            call.execute();
        }
    }
}
