package org.civicloop.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * docs/architecture.md draws the dependencies between capabilities as they are: the graph under "Dependencies between
 * capabilities" is computed here from the compiled main code and must equal the one in the document. A solid arrow:
 * a service (anything outside the api, web and live adapters) depends on the other capability; dotted: only adapters
 * do. When it fails, the message shows the graph to paste. (The classes are imported once for this test and
 * {@link ArchitectureTest}: same packages, same options.)
 */
@AnalyzeClasses(packages = "org.civicloop", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyGraphTest {

    /** The order in which the document lists capabilities (upstream first). */
    static final List<String> ORDER = List.of("cycle", "jury", "evidence", "voting", "deliberation", "feedback",
            "measure", "proposal", "eligibility", "identity", "audit");

    private static final Pattern ADAPTER = Pattern.compile("org\\.civicloop\\.\\w+\\.(api|web|live)(\\..*)?");
    private static final Path DOC = Path.of("docs", "architecture.md");
    private static final String HEADING = "## Dependencies between capabilities";

    @ArchTest
    static void the_document_draws_the_dependencies_as_the_code_has_them(JavaClasses classes) throws IOException {
        assertEquals(ArchitectureTest.CAPABILITIES, Set.copyOf(ORDER), "every capability has its place in ORDER");
        assertEquals(computed(classes), documented(), "docs/architecture.md, section \"Dependencies between capabilities\":"
                + " replace its mermaid block with the expected graph");
    }

    /** The graph as the compiled code has it, one edge a line, in the document's order. */
    static String computed(JavaClasses classes) {
        Map<Integer, Boolean> solid = new TreeMap<>();
        for (JavaClass origin : classes) {
            Optional<String> from = ArchitectureTest.capabilityOf(origin);
            if (from.isEmpty()) {
                continue;
            }
            boolean service = !ADAPTER.matcher(origin.getPackageName()).matches();
            for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                Optional<String> to = ArchitectureTest.capabilityOf(d.getTargetClass().getBaseComponentType());
                if (to.isPresent() && !to.get().equals(from.get())) {
                    int edge = ORDER.indexOf(from.get()) * 100 + ORDER.indexOf(to.get());
                    solid.merge(edge, service, Boolean::logicalOr);
                }
            }
        }
        StringBuilder graph = new StringBuilder("graph LR\n");
        solid.forEach((edge, isSolid) -> graph.append("  ").append(ORDER.get(edge / 100))
                .append(isSolid ? " --> " : " -.-> ").append(ORDER.get(edge % 100)).append('\n'));
        return graph.toString();
    }

    /** The graph the document draws: the first mermaid block after the section's heading. */
    static String documented() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int section = doc.indexOf(HEADING);
        if (section < 0) {
            return "(no section \"" + HEADING + "\" in " + DOC + ")";
        }
        int start = doc.indexOf("```mermaid\n", section);
        int end = start < 0 ? -1 : doc.indexOf("```", start + 11);
        return start < 0 || end < 0 ? "(no mermaid block in that section)" : doc.substring(start + 11, end);
    }
}
