package org.civicloop.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.civicloop.demo.DemoData;
import org.civicloop.identity.AccountService;

/** On start: migrate the schema, make sure the first administrator exists, load the demo council if asked. */
@ApplicationScoped
public class Startup {

    @Inject
    DatabaseMigration migration;
    @Inject
    AccountService accounts;
    @Inject
    DemoData demo;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        migration.migrate();
        accounts.ensureFirstAdmin();
        demo.loadIfEnabledAndEmpty();
    }
}
