package org.civicloop.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test class that needs the application freshly deployed, because it relies on in-memory state
 * starting empty or leaves state behind that other classes must not meet (e.g. {@link RateLimitIT} spends this
 * machine's sign-in budget). {@link SharedDeployment} undeploys the shared deployment before such a class, gives the
 * class a deployment of its own for its run, and deploys the shared one again for the next class.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OwnDeployment {

    /** Why the class needs a fresh application (for the reader). */
    String value();
}
