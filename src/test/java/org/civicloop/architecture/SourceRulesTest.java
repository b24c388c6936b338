package org.civicloop.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules that only the source text shows (docs/architecture.md, "Rules"): unique class names, no
 * inline fully qualified names, and no JPQL or SQL over another capability's entities or tables. What is still there is listed in
 * src/test/resources/architecture (the remaining debt); anything beyond it fails, and a fixed entry must leave the
 * list so that it cannot come back.
 */
class SourceRulesTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path DEBT = Path.of("src/test/resources/architecture");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern INLINE_NAME = Pattern.compile("\\borg\\.civicloop\\.(?:[a-z]\\w*\\.)+[A-Z]\\w*");
    private static final Pattern QUERIED = Pattern.compile(
            "\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(\\w+)(?:\\s+(?!WHERE|ON|SET|JOIN|ORDER|GROUP|LEFT|INNER)\\w+)?"
                    + "((?:\\s*,\\s*\\w+(?:\\s+(?!WHERE|ON|SET|JOIN|ORDER|GROUP)\\w+)?)*)");

    @Test
    void noInlineFullyQualifiedNames() throws IOException {
        Set<String> found = new TreeSet<>();
        for (Path file : javaFiles()) {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                String code = STRING.matcher(line).replaceAll("\"\"");
                if (code.startsWith("package ") || code.startsWith("import ")) {
                    continue;
                }
                Matcher m = INLINE_NAME.matcher(code);
                while (m.find()) {
                    found.add(relative(file) + " " + m.group());
                }
            }
        }
        compareWithDebt("inline-names.txt", found, "inline fully qualified names (import the class instead)");
    }

    /** One name, one class: a reader (or an import) never has to ask which {@code Ballot} is meant. */
    @Test
    void everyClassNameIsUniqueInTheMainCode() throws IOException {
        Map<String, List<String>> byName = new HashMap<>();
        for (Path file : javaFiles()) {
            String name = file.getFileName().toString().replace(".java", "");
            byName.computeIfAbsent(name, n -> new ArrayList<>()).add(relative(file));
        }
        Map<String, List<String>> twice = new HashMap<>();
        byName.forEach((name, files) -> {
            if (files.size() > 1 && !name.equals("package-info")) {
                twice.put(name, files);
            }
        });
        assertEquals(Map.of(), twice, "class names used by more than one class: rename one of each");
    }

    @Test
    void noQueryOverAnotherCapabilitysTables() throws IOException {
        Map<String, String> owners = owners();
        assertTrue(owners.containsKey("cycle") && owners.containsKey("account"), "entities found: " + owners.keySet());
        Set<String> found = new TreeSet<>();
        for (Path file : javaFiles()) {
            String own = capabilityOf(file);
            if (own == null) {
                continue;
            }
            StringBuilder literals = new StringBuilder();
            Matcher s = STRING.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (s.find()) {
                literals.append(s.group(), 1, s.group().length() - 1);
            }
            Matcher q = QUERIED.matcher(literals);
            while (q.find()) {
                List<String> names = new ArrayList<>(List.of(q.group(1)));
                for (String more : q.group(2).split(",")) {
                    if (!more.isBlank()) {
                        names.add(more.strip().split("\\s+")[0]);
                    }
                }
                for (String name : names) {
                    String owner = owners.get(name.toLowerCase(Locale.ROOT));
                    if (owner != null && !owner.equals(own)) {
                        found.add(relative(file) + " " + name + " (" + owner + ")");
                    }
                }
            }
        }
        compareWithDebt("cross-capability-queries.txt", found,
                "queries over another capability's entities or tables (use its narrow interface instead)");
    }

    /** Entity names and table names (lower case) to the capability that owns them. */
    private static Map<String, String> owners() throws IOException {
        Map<String, String> owners = new HashMap<>();
        Pattern table = Pattern.compile("@Table\\(name = \"(\\w+)\"");
        for (Path file : javaFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String cap = capabilityOf(file);
            if (cap == null || !text.contains("@Entity")) {
                continue;
            }
            String entity = file.getFileName().toString().replace(".java", "");
            owners.put(entity.toLowerCase(Locale.ROOT), cap);
            Matcher t = table.matcher(text);
            if (t.find()) {
                owners.put(t.group(1).toLowerCase(Locale.ROOT), cap);
            } else {
                owners.put(entity.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT), cap);
            }
        }
        return owners;
    }

    private static String capabilityOf(Path file) {
        Path rel = MAIN.relativize(file);
        if (rel.getNameCount() < 4) {
            return null;
        }
        String cap = rel.getName(2).toString();
        return ArchitectureTest.CAPABILITIES.contains(cap) ? cap : null;
    }

    private static void compareWithDebt(String list, Set<String> found, String what) throws IOException {
        Set<String> debt = new TreeSet<>();
        for (String line : Files.readAllLines(DEBT.resolve(list), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                debt.add(line.strip());
            }
        }
        Set<String> fresh = new TreeSet<>(found);
        fresh.removeAll(debt);
        Set<String> gone = new TreeSet<>(debt);
        gone.removeAll(found);
        assertEquals(Set.of(), fresh, "new " + what);
        assertEquals(Set.of(), gone, "fixed, so remove them from " + DEBT.resolve(list) + ": " + what);
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String relative(Path file) {
        return MAIN.relativize(file).toString().replace('\\', '/');
    }

}
