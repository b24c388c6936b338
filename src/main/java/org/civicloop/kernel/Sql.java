package org.civicloop.kernel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Single-statement JDBC for busy use cases (casting a ballot): inside a container transaction the data source hands
 * out the transaction's own connection, so these statements commit or roll back with it, without the cost of loading
 * and watching entities. Parameters are bound with {@code setObject} (enums as their name). A failure is rethrown
 * with the {@link SQLException} as its cause, so a duplicate (SQLState 23xxx) is still recognised as one.
 */
public final class Sql {

    /** Reads a value from the current row of a result. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    /** The first row of a query, read by {@code row}; empty when there is none. */
    public static <T> Optional<T> first(DataSource ds, String sql, Row<T> row, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(row.read(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    /** Runs an insert, update or delete; answers the number of rows changed. */
    public static int update(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run: " + sql, e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setObject(i + 1, p instanceof Enum<?> e ? e.name() : p);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
