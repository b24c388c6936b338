package org.civicloop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /health/ready (Health.Ready): UP only while the database answers and the schema is migrated; DOWN, saying which,
 * before the migration and when the database stops answering (a load balancer then sends no one to this server).
 */
class HealthTest {

    /** The database, which can be made to stop answering. */
    private static final class Switchable implements DataSource {
        final JdbcDataSource h2 = new JdbcDataSource();
        volatile boolean answers = true;

        Switchable(String name) {
            h2.setURL("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1");
            h2.setUser("civicloop");
            h2.setPassword("civicloop");
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (!answers) {
                throw new SQLException("Connection refused");
            }
            return h2.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }

    /** The server's MicroProfile Health implementation builds the responses; outside the server, this plain one. */
    @BeforeAll
    static void responses() {
        HealthCheckResponse.setResponseProvider(() -> new HealthCheckResponseBuilder() {
            private String name;
            private boolean up;
            private final Map<String, Object> data = new LinkedHashMap<>();

            @Override
            public HealthCheckResponseBuilder name(String n) {
                name = n;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, String value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, long value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder withData(String key, boolean value) {
                data.put(key, value);
                return this;
            }

            @Override
            public HealthCheckResponseBuilder up() {
                up = true;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder down() {
                up = false;
                return this;
            }

            @Override
            public HealthCheckResponseBuilder status(boolean s) {
                up = s;
                return this;
            }

            @Override
            public HealthCheckResponse build() {
                return new HealthCheckResponse(name, up ? HealthCheckResponse.Status.UP
                        : HealthCheckResponse.Status.DOWN, Optional.of(Map.copyOf(data)));
            }
        });
    }

    @Test
    void readyOnlyWhileTheDatabaseAnswersAndTheSchemaIsMigrated() {
        Switchable db = new Switchable("health" + System.nanoTime());
        DatabaseMigration migration = new DatabaseMigration();
        migration.dataSource = db;
        Health.Ready ready = new Health.Ready();
        ready.dataSource = db;
        ready.migration = migration;

        HealthCheckResponse before = ready.call();
        assertEquals(HealthCheckResponse.Status.DOWN, before.getStatus(), "not ready before the migration");
        assertEquals(Map.of("connected", true, "migrated", false), before.getData().orElseThrow());

        migration.migrate();
        HealthCheckResponse up = ready.call();
        assertEquals("database", up.getName());
        assertEquals(HealthCheckResponse.Status.UP, up.getStatus());
        assertEquals(Map.of("connected", true, "migrated", true), up.getData().orElseThrow());

        db.answers = false;
        HealthCheckResponse lost = ready.call();
        assertEquals(HealthCheckResponse.Status.DOWN, lost.getStatus(), "DOWN when the database stops answering");
        assertEquals(Map.of("connected", false, "migrated", true), lost.getData().orElseThrow());

        db.answers = true;
        assertEquals(HealthCheckResponse.Status.UP, ready.call().getStatus(), "UP again once it answers");
    }
}
