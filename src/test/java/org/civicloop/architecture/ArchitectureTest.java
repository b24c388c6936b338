package org.civicloop.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import jakarta.persistence.Entity;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture's rules (docs/architecture.md, "Rules"), checked on the compiled main code in every build. A rule
 * that still has violations is frozen: its known violations are stored under src/test/resources/archunit-store
 * (listed as debt in docs/architecture.md) and only new ones fail; a fixed violation leaves the store by itself.
 */
@AnalyzeClasses(packages = "org.civicloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The capabilities: each owns its tables, entities and endpoints. */
    static final Set<String> CAPABILITIES = Set.of("cycle", "jury", "evidence", "deliberation", "voting", "feedback",
            "measure", "identity", "audit", "proposal", "eligibility");

    private static final Pattern CAPABILITY = Pattern.compile("org\\.civicloop\\.(\\w+)(\\..*)?");
    private static final Pattern ADAPTER = Pattern.compile("(org\\.civicloop\\.(\\w+)\\.(api|web|live))(\\..*)?");

    static Optional<String> capabilityOf(JavaClass c) {
        Matcher m = CAPABILITY.matcher(c.getPackageName());
        return m.matches() && CAPABILITIES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The counting engine and the sortition engine (and the audit chain): plain Java, shared with the tools jar. */
    @ArchTest
    static final ArchRule engines_import_no_jakarta = noClasses().that()
            .resideInAnyPackage("org.civicloop.voting.count..", "org.civicloop.jury.selection..",
                    "org.civicloop.audit.chain..")
            .should().dependOnClassesThat().resideInAPackage("jakarta..")
            .because("the engines and the audit chain are plain Java");

    @ArchTest
    static final ArchRule engines_import_no_capability = noClasses().that()
            .resideInAnyPackage("org.civicloop.voting.count..", "org.civicloop.jury.selection..")
            .should().dependOnClassesThat(insideCivicLoopButOutside("org.civicloop.voting.count",
                    "org.civicloop.jury.selection", "org.civicloop.kernel"))
            .because("an engine knows only itself and the shared kernel: the capabilities call it, never the other"
                    + " way round");

    /** What the engines and the tools jar share of the kernel is plain Java too. */
    @ArchTest
    static final ArchRule kernel_parts_of_engines_are_plain_java = noClasses().that(DescribedPredicate.describe(
                    "are kernel classes the engines use", (JavaClass c) -> within(c, "org.civicloop.kernel")
                            && c.getDirectDependenciesToSelf().stream().anyMatch(d -> within(d.getOriginClass(),
                            "org.civicloop.voting.count", "org.civicloop.jury.selection", "org.civicloop.tools"))))
            .should().dependOnClassesThat().resideInAPackage("jakarta..")
            .because("the engines run without a server");

    /** The audit log knows no capability: every capability records into it. */
    @ArchTest
    static final ArchRule audit_knows_no_capability = noClasses().that()
            .resideInAPackage("org.civicloop.audit..")
            .should().dependOnClassesThat(inCapabilityOtherThan("audit"))
            .because("every capability records into the audit log, so it cannot depend on any of them");

    /** No capability reads or writes another's entities (and so its tables through JPA). */
    @ArchTest
    static final ArchRule no_capability_touches_anothers_entities = classes()
            .that(DescribedPredicate.describe("belong to a capability", (JavaClass c) -> capabilityOf(c).isPresent()))
            .should(new ArchCondition<JavaClass>("use only their own capability's entities") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    String own = capabilityOf(origin).orElseThrow();
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass().getBaseComponentType();
                        Optional<String> owner = capabilityOf(target);
                        if (owner.isPresent() && !owner.get().equals(own) && isEntity(target)) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            })
            .because("a capability owns its tables: others use its narrow interface (records such as CycleView)");

    /** Adapters (REST resources, Faces beans, live screens) are entered from outside only. */
    @ArchTest
    static final ArchRule adapters_are_entered_from_outside_only = classes()
            .should(new ArchCondition<JavaClass>("not depend on another package's api, web or live adapter") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass().getBaseComponentType();
                        Matcher m = ADAPTER.matcher(target.getPackageName());
                        if (m.matches() && CAPABILITIES.contains(m.group(2))
                                && !(origin.getPackageName() + ".").startsWith(m.group(1) + ".")) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            })
            .because("HTTP, Faces and WebSocket enter the app through adapters; services never call back into them");

    /** The offline tool reaches the engines and the audit chain only. */
    @ArchTest
    static final ArchRule tools_reach_engines_and_audit_chain_only = classes().that()
            .resideInAPackage("org.civicloop.tools..")
            .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                    "reside outside org.civicloop, or in tools, the engines or the audit chain",
                    (JavaClass c) -> !c.getPackageName().startsWith("org.civicloop")
                            || within(c, "org.civicloop.tools", "org.civicloop.voting.count",
                            "org.civicloop.jury.selection", "org.civicloop.audit.chain")))
            .because("civicloop-tools.jar runs without a server and without the app's classes");

    /** The command-line front ends of the engines are entered from the tools jar only. */
    @ArchTest
    static final ArchRule command_lines_are_entered_from_the_tools_only = noClasses().that(
                    DescribedPredicate.describe("are not command-line code", (JavaClass c) -> !within(c,
                            "org.civicloop.tools", "org.civicloop.voting.count.cli", "org.civicloop.jury.selection.cli")))
            .should().dependOnClassesThat().resideInAnyPackage("org.civicloop.voting.count.cli..",
                    "org.civicloop.jury.selection.cli..")
            .because("the app uses the engines, not their command lines");

    /** No cycle between capabilities. */
    @ArchTest
    static final ArchRule no_cycles_between_capabilities = SlicesRuleDefinition.slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass c) {
                    return capabilityOf(c).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
                }

                @Override
                public String getDescription() {
                    return "capabilities";
                }
            })
            .should().beFreeOfCycles();

    static boolean isEntity(JavaClass c) {
        return c.isAnnotatedWith(Entity.class);
    }

    static boolean within(JavaClass c, String... packages) {
        String p = c.getPackageName() + ".";
        for (String pkg : packages) {
            if (p.startsWith(pkg + ".")) {
                return true;
            }
        }
        return false;
    }

    static DescribedPredicate<JavaClass> insideCivicLoopButOutside(String... packages) {
        return DescribedPredicate.describe("reside in org.civicloop outside " + String.join(", ", packages),
                c -> c.getPackageName().startsWith("org.civicloop") && !within(c, packages));
    }

    static DescribedPredicate<JavaClass> inCapabilityOtherThan(String own) {
        return DescribedPredicate.describe("belong to a capability other than " + own,
                c -> capabilityOf(c).filter(cap -> !cap.equals(own)).isPresent());
    }
}
