package io.sincro.db.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.sincro.db.Database;

/** Plain queries for assertions: tests look at the tables, not only through our repositories. */
public final class Sql {

    private Sql() {
    }

    public static long count(Database db, String query) {
        return db.inTransaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    /** Every row of the query, each as a list of its values rendered as text. */
    public static List<List<String>> rows(Database db, String query) {
        return db.inTransaction((Connection c) -> {
            List<List<String>> result = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(query)) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.add(rows.getString(i));
                    }
                    result.add(row);
                }
            }
            return result;
        });
    }

    public static List<String> column(Database db, String query) {
        return rows(db, query).stream().map(r -> r.get(0)).toList();
    }

    /** Runs a statement outside our repositories, for setting up odd states. */
    public static void execute(Database db, String statement) {
        db.useTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        });
    }

}
