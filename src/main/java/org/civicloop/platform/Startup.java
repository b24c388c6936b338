package org.civicloop.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.civicloop.demo.DemoData;
import org.civicloop.identity.AccountService;

/**
 * On start: migrate the schema, make sure the first administrator exists, load the demo council if asked. This
 * observer runs before every other start-up observer ({@code @Priority} PLATFORM_BEFORE; theirs have the default
 * APPLICATION + 500): they read tables (e.g. the jury draw runs, the mail outbox) that the migrations create, and on
 * the first start on an empty database they used to run first and fail.
 */
@ApplicationScoped
public class Startup {

    @Inject
    DatabaseMigration migration;
    @Inject
    AccountService accounts;
    @Inject
    DemoData demo;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
            Object ignored) {
        migration.migrate();
        accounts.ensureFirstAdmin();
        demo.loadIfEnabledAndEmpty();
        demo.loadVotedDistrictsIfMissing();
    }
}
