package org.civicloop.voting.count.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pabulib edge cases through {@code count}: projects of cost 0, projects nobody voted for, empty ballots, every
 * vote type, and malformed files. Every rule either counts (exit 0) or refuses in one line (exit 1); never an
 * exception.
 */
class CountEdgeCasesTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run count(String rule, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CountCommand.run(new String[] {"--rule", rule, f.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8).strip());
    }

    private static String pb(String voteType, String projects, String votes) {
        return "META\nkey;value\nvote_type;" + voteType + "\nbudget;100\n"
                + "PROJECTS\nproject_id;cost\n" + projects
                + "VOTES\nvoter_id;vote" + (voteType.equals("cumulative") || voteType.equals("scoring")
                        ? ";points" : "") + "\n" + votes;
    }

    private void assertCountsOrRefusesInOneLine(String name, String text) throws IOException {
        for (String rule : CountEveryFileTest.RULES) {
            Run r = count(rule, name, text);
            if (r.code() == 0) {
                assertTrue(r.out().startsWith("{"), rule + ": " + r.out());
            } else {
                // 1: the file is sound but this rule cannot count it; 2: the file itself is refused
                assertTrue(r.code() == 1 || r.code() == 2, rule + ": exit " + r.code() + ": " + r.err());
                assertFalse(r.err().isEmpty() || r.err().contains("\n") || r.err().contains("Exception"),
                        rule + ": " + r.err());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> winners(Run r) {
        assertEquals(0, r.code(), r.err());
        return (List<Object>) CountCommandTest.MiniJson.object(r.out()).get("winners");
    }

    /** Approval: utility is the cost, so (as in pabutools) a project of cost 0 is never funded by equal shares. */
    @Test
    void zeroCostApprovalProjectIsCountedNotACrash() throws IOException {
        String text = pb("approval", "a;0\nb;60\nc;50\n", "1;a,b\n2;a,b\n3;a,c\n");
        for (String rule : List.of("mes", "mes-add1")) {
            Run r = count(rule, "zero.pb", text);
            assertEquals(List.of("b"), winners(r), rule);
            Map<?, ?> lost = (Map<?, ?>) CountCommandTest.MiniJson.object(r.out()).get("lost");
            assertTrue(lost.get("a").toString().contains("costs 0"), lost.toString());
        }
        // greedy by approvals: a (3 votes, fits at cost 0), then b (2), then c does not fit
        assertEquals(List.of("a", "b"), winners(count("greedy", "zero.pb", text)));
        assertCountsOrRefusesInOneLine("zero.pb", text);
    }

    /** Points (cumulative, scoring, ordinal): a supported project of cost 0 is funded first, free of charge. */
    @Test
    void zeroCostProjectWithPointsIsFundedFirstForFree() throws IOException {
        String cumulative = pb("cumulative", "a;0\nb;60\nc;50\n", "1;a,b;1,2\n2;b;3\n3;c;3\n");
        assertEquals(List.of("a", "b"), winners(count("mes", "cum.pb", cumulative)));
        assertCountsOrRefusesInOneLine("cum.pb", cumulative);
        String scoring = pb("scoring", "a;0\nb;60\nc;50\n", "1;a,b;1,2\n2;b;3\n3;c;3\n");
        assertEquals(List.of("a", "b"), winners(count("mes", "score.pb", scoring)));
        assertCountsOrRefusesInOneLine("score.pb", scoring);
        String ordinal = pb("ordinal", "a;0\nb;60\nc;50\n", "1;a,b\n2;b,a\n3;c\n");
        assertEquals("a", winners(count("mes", "ord.pb", ordinal)).get(0));
        assertCountsOrRefusesInOneLine("ord.pb", ordinal);
    }

    @Test
    void projectsNobodyVotedForAndEmptyBallots() throws IOException {
        assertCountsOrRefusesInOneLine("nobody.pb", pb("approval", "a;10\nb;20\n", "1;a\n2;\n"));
        assertCountsOrRefusesInOneLine("empty.pb", pb("approval", "a;10\nb;20\n", "1;\n2;\n"));
        assertCountsOrRefusesInOneLine("novotes.pb", pb("approval", "a;10\nb;20\n", ""));
        assertCountsOrRefusesInOneLine("allzero.pb", pb("cumulative", "a;0\nb;0\n", "1;a,b;1,1\n"));
        assertCountsOrRefusesInOneLine("budget0.pb",
                pb("approval", "a;10\nb;0\n", "1;a,b\n").replace("budget;100", "budget;0"));
    }

    @Test
    void malformedFilesAreRefusedInOneLineNamingTheLine() throws IOException {
        Map<String, String> bad = Map.of(
                "duplicate project id", pb("approval", "a;10\na;20\n", "1;a\n"),
                "unknown project", pb("approval", "a;10\n", "1;z\n"),
                "cost not a number", pb("approval", "a;ten\n", "1;a\n"),
                "negative cost", pb("approval", "a;-5\n", "1;a\n"),
                "negative score", pb("scoring", "a;10\n", "1;a;-1\n"),
                "project named twice", pb("approval", "a;10\n", "1;a,a\n"));
        for (var e : bad.entrySet()) {
            for (String rule : CountEveryFileTest.RULES) {
                Run r = count(rule, "bad.pb", e.getValue());
                assertEquals(2, r.code(), e.getKey() + " / " + rule + ": " + r.out());
                assertTrue(r.err().matches("Bad input: .*line \\d+: .*"), e.getKey() + ": " + r.err());
                assertFalse(r.err().contains("\n"), r.err());
            }
        }
    }
}
