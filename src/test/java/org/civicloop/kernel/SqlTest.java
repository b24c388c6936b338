package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlTest {

    enum Channel { JURY, RESIDENTS }

    private JdbcDataSource ds;

    @BeforeEach
    void database() {
        ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sqltest" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Sql.update(ds, "CREATE TABLE t (id BIGINT PRIMARY KEY, channel VARCHAR(10), cast_on DATE, ok BOOLEAN)");
    }

    @Test
    void bindsLongsEnumsDatesAndBooleansAndReadsTheFirstRow() {
        assertEquals(1, Sql.update(ds, "INSERT INTO t VALUES (?, ?, ?, ?)", 7L, Channel.RESIDENTS,
                LocalDate.of(2026, 12, 4), true));
        assertEquals(Optional.of("RESIDENTS 2026-12-04 true"), Sql.first(ds,
                "SELECT channel, cast_on, ok FROM t WHERE id = ? AND channel = ?",
                rs -> rs.getString(1) + " " + rs.getDate(2).toLocalDate() + " " + rs.getBoolean(3), 7L, Channel.RESIDENTS));
        assertEquals(Optional.empty(), Sql.first(ds, "SELECT id FROM t WHERE id = ?", rs -> rs.getLong(1), 8L));
    }

    @Test
    void aDuplicateKeepsItsSqlStateInTheCause() {
        Sql.update(ds, "INSERT INTO t (id) VALUES (?)", 1L);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Sql.update(ds, "INSERT INTO t (id) VALUES (?)", 1L));
        assertTrue(e.getCause() instanceof SQLException sql && sql.getSQLState().startsWith("23"), e.toString());
        assertEquals(Optional.of(1L), Sql.first(ds, "SELECT COUNT(*) FROM t", rs -> rs.getLong(1)));
    }
}
