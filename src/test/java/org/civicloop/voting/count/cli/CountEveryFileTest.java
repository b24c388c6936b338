package org.civicloop.voting.count.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.civicloop.voting.count.TestFiles;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code count} with every rule over every file in ../shared/data: the election files (pabulib .pb, PrefLib,
 * .blt) and the others too (reference results, sortition tables, notes), which are not elections and must be refused.
 * Each run either succeeds (exit 0, JSON out) or refuses with exactly one line on stderr and a non-zero exit; no
 * exception or stack trace escapes. Under {@code CI=true} a missing ../shared/data fails the test.
 */
class CountEveryFileTest {

    static final List<String> RULES = List.of("irv", "schulze", "borda", "condorcet", "stv-meek", "stv-scottish",
            "greedy", "mes", "mes-add1");

    @Test
    void everyRuleOnEveryFileSucceedsOrRefusesInOneLine() throws IOException {
        Path root = TestFiles.shared();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        long elections = files.stream().filter(p -> p.toString().matches(".*\\.(pb|soc|soi|toc|toi|blt)$")).count();
        assertTrue(elections >= 35, "expected the shared election files, found " + elections);
        // Every (file, rule) run on its own, on all cores (the runs share nothing: each parses its file and counts);
        // the problems are reported in file and rule order whatever order the runs finished in.
        List<String[]> runs = new ArrayList<>();
        for (Path f : files) {
            for (String rule : RULES) {
                runs.add(new String[] {rule, f.toString()});
            }
        }
        AtomicInteger ok = new AtomicInteger();
        List<String> problems = runs.parallelStream().map(run -> {
            String rule = run[0];
            Path f = Path.of(run[1]);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try {
                code = CountCommand.run(new String[] {"--rule", rule, f.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
            } catch (RuntimeException | StackOverflowError e) {
                return rule + " " + f.getFileName() + ": " + e;
            }
            String e = err.toString(StandardCharsets.UTF_8).strip();
            if (code == 0) {
                ok.incrementAndGet();
                if (!out.toString(StandardCharsets.UTF_8).startsWith("{")) {
                    return rule + " " + f.getFileName() + ": exit 0 without JSON";
                }
            } else if ((code != 1 && code != 2) || e.isEmpty() || e.contains("\n") || e.contains("Exception")) {
                return rule + " " + f.getFileName() + ": exit " + code + ", stderr: " + e;
            }
            return null;
        }).filter(java.util.Objects::nonNull).toList();
        assertEquals(List.of(), problems);
        assertTrue(ok.get() > elections, "most runs on election files succeed; only " + ok.get());
    }
}
