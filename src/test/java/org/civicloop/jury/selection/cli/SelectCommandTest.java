package org.civicloop.jury.selection.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.civicloop.jury.selection.TestData;

class SelectCommandTest {

    record Run(int code, String out, String err) {
        List<String> ids() {
            return out.isBlank() ? List.of() : List.of(out.strip().split("\\R"));
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = SelectCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void selectsTheSmallExampleReproducibly(@TempDir Path tmp) throws Exception {
        Path dir = TestData.sortitionData();
        String c = dir.resolve("example_small_20_categories.csv").toString();
        String r = dir.resolve("example_small_20_respondents.csv").toString();
        Path probs = tmp.resolve("p.csv");
        Run a = run("--categories", c, "--respondents", r, "--panel", "20", "--seed", "42", "--probabilities",
                probs.toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(20, a.ids().size());
        assertTrue(a.ids().stream().allMatch(id -> id.matches("\\d+")), a.out());
        List<String> lines = Files.readAllLines(probs);
        assertEquals("id,probability", lines.get(0));
        assertEquals(201, lines.size());
        double sum = lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        assertEquals(20.0, sum, 1e-6);
        Run b = run("--categories", c, "--respondents", r, "--panel", "20", "--seed", "42");
        assertEquals(a.out(), b.out(), "same seed, same panel");
        Run other = run("--categories", c, "--respondents", r, "--panel", "20", "--seed", "43");
        assertNotEquals(a.out(), other.out());
        Run legacy = run("--categories", c, "--respondents", r, "--panel", "20", "--seed", "42", "--method",
                "legacy");
        assertEquals(0, legacy.code(), legacy.err());
        assertEquals(20, legacy.ids().size());
    }

    @Test
    void infeasibleQuotasExitNonZeroWithSuggestion(@TempDir Path tmp) throws Exception {
        Path q = tmp.resolve("q.csv");
        Files.writeString(q, "feature,value,min,max\ng,a,3,3\ng,b,0,3\n");
        Path p = tmp.resolve("p.csv");
        Files.writeString(p, "id,name,g,street\n1,A,a,x\n2,B,a,x\n3,C,a,y\n4,D,b,z\n");
        Run run = run("--categories", q.toString(), "--respondents", p.toString(), "--panel", "3", "--seed", "s",
                "--address-columns", "street");
        assertEquals(SelectCommand.INFEASIBLE, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().contains("g=a"), run.err());
        assertTrue(run.err().contains("[3, 3] -> [2, 3]"), run.err());
    }

    @Test
    void usageErrors() {
        assertEquals(SelectCommand.USAGE_ERROR, run("--panel", "3").code());
        assertEquals(SelectCommand.USAGE_ERROR, run("--bogus", "1").code());
        assertEquals(SelectCommand.BAD_INPUT, run("--categories", "/nonexistent.csv", "--respondents", "/x.csv",
                "--panel", "3", "--seed", "s").code());
    }

    @Test
    void workLimitIsReproducibleAndSaysWhenItCutTheComputationShort(@TempDir Path tmp) throws Exception {
        Path q = tmp.resolve("q.csv");
        org.civicloop.jury.selection.model.Quotas quotas = org.civicloop.jury.selection.SyntheticPool.quotas(20);
        StringBuilder qs = new StringBuilder("feature,value,min,max\n");
        for (var quota : quotas.quotas()) {
            qs.append(quota.value().feature()).append(',').append(quota.value().value()).append(',')
                    .append(quota.min()).append(',').append(quota.max()).append('\n');
        }
        Files.writeString(q, qs);
        Path p = tmp.resolve("p.csv");
        var pool = org.civicloop.jury.selection.SyntheticPool.pool(400, 0.25, "time-limit-pool");
        StringBuilder ps = new StringBuilder(String.join(",", pool.header())).append('\n');
        for (var person : pool.people()) {
            ps.append(String.join(",", person.columns().values())).append('\n');
        }
        Files.writeString(p, ps);
        String[] base = {"--categories", q.toString(), "--respondents", p.toString(), "--panel", "20", "--seed",
            "s1", "--address-columns", "address"};
        Run a = run(concat(base, "--work-limit", "3"));
        assertEquals(0, a.code(), a.err());
        assertEquals(20, a.ids().size());
        assertTrue(a.err().contains("NOT the exact leximin"), a.err());
        assertTrue(a.err().contains("--work-limit 3"), a.err());
        assertTrue(a.err().contains("certified gap"), a.err());
        Run b = run(concat(base, "--work-limit=3"));
        assertEquals(a.out(), b.out(), "same inputs, seed and work limit: same panel");
        Run other = run(concat(base, "--work-limit", "4"));
        assertEquals(0, other.code(), other.err());
        assertTrue(other.err().contains("--work-limit 4"), other.err());
        assertEquals(SelectCommand.USAGE_ERROR, run(concat(base, "--work-limit", "0")).code());
        assertEquals(SelectCommand.USAGE_ERROR, run(concat(base, "--work-limit", "x")).code());
        assertEquals(SelectCommand.USAGE_ERROR, run(concat(base, "--work-limit", "5", "--method", "legacy")).code());

        // this pool has more groups than are always solved exactly, so a tolerance ends the computation early
        Run loose = run(concat(base, "--tolerance", "0.5", "--work-limit", "60"));
        assertEquals(0, loose.code(), loose.err());
        assertTrue(loose.err().contains("leximin within the tolerance (--tolerance 0.5)"), loose.err());
        assertTrue(!loose.err().contains("NOT the exact"), loose.err());
        assertEquals(loose.out(), run(concat(base, "--tolerance=0.5", "--work-limit", "60")).out());
        Run exact = run(concat(base, "--tolerance", "0", "--work-limit", "3"));
        assertEquals(a.out(), exact.out(), "a tolerance of 0 changes nothing before the work limit");
        for (String bad : new String[] {"-0.1", "1", "x", "NaN"}) {
            assertEquals(SelectCommand.USAGE_ERROR, run(concat(base, "--tolerance", bad)).code(), bad);
        }
        assertEquals(SelectCommand.USAGE_ERROR, run(concat(base, "--tolerance", "0.1", "--method", "legacy")).code());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
