package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.civicloop.jury.selection.cli.SelectCommand;
import org.civicloop.voting.count.cli.CountCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offline tool as anyone gets it: {@code java -jar target/civicloop-tools.jar} in a fresh JVM. Each command must
 * answer exactly what the same command answers in the tested code (a class missing from the jar once broke
 * {@code select} while every unit test passed), and {@code verify-audit} must verify the running server's database.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ToolsJarIT {

    private static final Path JAR = Path.of("target", "civicloop-tools.jar");
    private static final Path RESOURCES = Path.of("src", "test", "resources", "voting");
    private static final Path SORTITION = Path.of("..", "shared", "data", "sortition");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    java.net.URL base;

    private record Run(int code, String out, String err) {
    }

    private static Run jar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("tools", ".out");
        Path err = Files.createTempFile("tools", ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the tool finished: " + command);
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Run inProcess(Command command, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = command.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void onceOnly() {
        assumeTrue("h2".equals(ItSupport.db()), "the jar's counting and selection do not depend on the database:"
                + " checked in the H2 run");
        assertTrue(Files.isRegularFile(JAR), "mvn package builds " + JAR);
    }

    @Test
    void countGivesWhatTheTestedCodeGivesForEveryKindOfFile() throws Exception {
        onceOnly();
        String[][] cases = {
                {"--rule", "irv", RESOURCES.resolve("tennessee.soc").toString()},
                {"--rule", "schulze", RESOURCES.resolve("schulze_wikipedia_45.soc").toString()},
                {"--rule", "stv-scottish", RESOURCES.resolve("M135.blt").toString()},
                {"--rule", "stv-meek", "--seats", "2", RESOURCES.resolve("42.blt").toString()},
                {"--rule", "mes-add1", RESOURCES.resolve("Netherlands_Assen_2024.pb").toString()},
                {"--rule", "greedy", RESOURCES.resolve("poland_gdynia_2020_babie-doly-small.pb").toString()},
        };
        for (String[] args : cases) {
            Run shipped = jar(prepend("count", args));
            Run tested = inProcess(CountCommand::run, args);
            assertEquals(0, tested.code(), tested.err());
            assertEquals(tested.code(), shipped.code(), String.join(" ", args) + ": " + shipped.err());
            assertEquals(tested.out(), shipped.out(), String.join(" ", args));
            assertTrue(shipped.out().contains("\"winners\""), shipped.out());
        }
        Run bad = jar("count", "--rule", "irv", RESOURCES.resolve("M135-scotland-fixed-p5-d5.txt").toString());
        assertTrue(bad.code() != 0, "a file of the wrong kind is refused with a non-zero exit");
        assertFalse(bad.err().isBlank(), "and a message");
    }

    @Test
    void selectGivesTheSamePanelAndProbabilitiesAsTheTestedCode() throws Exception {
        onceOnly();
        Path categories = SORTITION.resolve("example_small_20_categories.csv");
        Path respondents = SORTITION.resolve("example_small_20_respondents.csv");
        assumeTrue(Files.isRegularFile(categories), "reference data ../shared/data is absent");
        Path shippedProbabilities = Files.createTempFile("shipped", ".csv");
        Path testedProbabilities = Files.createTempFile("tested", ".csv");
        String[] args = {"--categories", categories.toString(), "--respondents", respondents.toString(),
                "--panel", "20", "--seed", "tools-jar-check"};
        Run shipped = jar(prepend("select", append(args, "--probabilities", shippedProbabilities.toString())));
        Run tested = inProcess(SelectCommand::run, append(args, "--probabilities", testedProbabilities.toString()));
        assertEquals(0, tested.code(), tested.err());
        assertEquals(0, shipped.code(), shipped.err());
        assertEquals(tested.out(), shipped.out(), "the same panel");
        assertEquals(20, shipped.out().lines().filter(l -> !l.isBlank()).distinct().count(), shipped.out());
        assertEquals(Files.readString(testedProbabilities), Files.readString(shippedProbabilities));
    }

    @Test
    void verifyAuditVerifiesTheServersDatabase() throws Exception {
        List<String> args = new ArrayList<>(List.of("verify-audit", "--jdbc"));
        if ("pg".equals(ItSupport.db())) {
            args.addAll(List.of(System.getProperty("it.pg.url"), "--user", System.getProperty("it.pg.user")));
        } else {
            args.addAll(List.of(System.getProperty("it.h2.url"), "--user", "civicloop", "--password", "civicloop"));
        }
        Run shipped = jar(args.toArray(String[]::new));
        assertEquals(0, shipped.code(), shipped.out() + shipped.err());
        assertFalse(shipped.out().isBlank(), "it says what it verified");
    }

    @Test
    void verifyBallotsAndVerifyReceiptCheckThePublishedBoxFromTheShippedJar() throws Exception {
        long closed = ItSupport.cycleInPhase(base, "CLOSED");
        String root = ItSupport.get(base, "/api/v1/cycles/" + closed + "/ballot-box").json().getJsonArray("channels")
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(c -> c.getString("channel").equals("JURY"))
                .findFirst().orElseThrow().getString("root");
        Path pb = Files.createTempFile("ballots", ".pb");
        Files.writeString(pb, ItSupport.get(base, "/api/v1/cycles/" + closed + "/ballots.pb").body());
        Run ok = jar("verify-ballots", "--ballots", pb.toString(), "--root", root);
        assertEquals(0, ok.code(), ok.out() + ok.err());
        Run other = jar("verify-ballots", "--ballots", pb.toString(), "--root", "0".repeat(64));
        assertEquals(1, other.code(), other.out() + other.err());
        assertTrue(other.err().contains("not the ballot box"), other.err());
        String edited = Files.readString(pb).replaceFirst("(?m)^(R-[A-Z2-9]+);(\\w+)", "$1;$2,ZZ");
        Files.writeString(pb, edited);
        assertEquals(1, jar("verify-ballots", "--ballots", pb.toString(), "--root", root).code(), "a changed ranking");
        assertEquals(2, jar("verify-ballots", "--ballots", pb.toString()).code(), "usage");

        String receipt = ItSupport.get(base, "/api/v1/cycles/" + closed + "/ballots").array()
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(b -> b.getString("channel").equals("JURY"))
                .findFirst().orElseThrow().getString("receipt");
        Path proof = Files.createTempFile("proof", ".json");
        Files.writeString(proof, ItSupport.get(base, "/api/v1/cycles/" + closed + "/ballots/" + receipt + "/proof")
                .body());
        Run valid = jar("verify-receipt", "--proof", proof.toString(), "--root", root);
        assertEquals(0, valid.code(), valid.out() + valid.err());
        assertEquals(1, jar("verify-receipt", "--proof", proof.toString(), "--root", "ab".repeat(32)).code());
        Files.writeString(proof, "{\"leafIndex\": 0");
        assertEquals(2, jar("verify-receipt", "--proof", proof.toString(), "--root", root).code(), "malformed");
        Files.delete(pb);
        Files.delete(proof);
    }

    @Test
    void verifyAuditReplaysThePublicEntriesAndChecksACheckpointWithNoDatabase() throws Exception {
        ItSupport.awaitChained(base);
        Path checkpoint = AuditSupport.latestCheckpoint(base);
        String key = AuditSupport.key(base);
        java.util.List<jakarta.json.JsonObject> entries = AuditSupport.allEntries(base);
        Path file = AuditSupport.save(entries);
        Run shipped = jar("verify-audit", "--entries", file.toString(), "--checkpoint", checkpoint.toString(),
                "--key", key);
        assertEquals(0, shipped.code(), shipped.out() + shipped.err());
        assertTrue(shipped.out().contains("\"recomputed\": " + entries.size()), shipped.out());

        java.util.List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(4, lines.get(4).replace("\"action\":\"", "\"action\":\"x"));
        Files.write(file, lines);
        Run edited = jar("verify-audit", "--entries", file.toString());
        assertEquals(1, edited.code(), edited.out() + edited.err());
        assertTrue(edited.out().contains("entry 5 does not recompute"), edited.out());

        Files.writeString(checkpoint, Files.readString(checkpoint).replaceFirst("\n(\\d+)\n", "\n1\n"));
        Run forged = jar(append(prepend("verify-audit", AuditSupport.jdbc().toArray(String[]::new)), "--checkpoint",
                checkpoint.toString(), "--key", key));
        assertEquals(1, forged.code(), forged.out() + forged.err());
        assertTrue(forged.out().contains("signature is wrong"), forged.out());
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

}
