package org.civicloop.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** MicroProfile Health: /health/live and /health/ready (the database answers and the schema is migrated). */
public final class Health {

    private Health() {
    }

    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("civicloop");
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Resource(lookup = "jdbc/civicloop")
        DataSource dataSource;
        @Inject
        DatabaseMigration migration;

        @Override
        public HealthCheckResponse call() {
            boolean db;
            try (Connection c = dataSource.getConnection()) {
                db = c.isValid(2);
            } catch (Exception e) {
                db = false;
            }
            return HealthCheckResponse.named("database")
                    .status(db && migration.isMigrated())
                    .withData("connected", db)
                    .withData("migrated", migration.isMigrated())
                    .build();
        }
    }
}
