package org.civicloop.it;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the classes marked {@link OwnDeployment} after all the others, keeping the order of each group as it was. A
 * class with a deployment of its own costs the shared deployment an undeploy before it and a deployment again after
 * it (some 10 s each on an idle machine); run last, one after the other, they cost one undeploy of the shared
 * deployment in all, and nothing deploys it again. The failsafe executions name it as JUnit's default class order
 * ({@code junit.jupiter.testclass.order.default} in pom.xml).
 */
public class OwnDeploymentsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: within each group the classes keep the order they came in.
        context.getClassDescriptors().sort(Comparator.comparing(d -> d.isAnnotated(OwnDeployment.class)));
    }
}
