package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify-ballots and verify-receipt: 0 only when the file fits the root, 1 when not (saying why), 2 on misuse. */
class VerifyBallotsAndReceiptCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private interface Command {
        int run(String[] args, PrintStream out, PrintStream err);
    }

    private static Run run(Command c, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = c.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static final List<BallotLeaf.Entry> BOX = List.of(new BallotLeaf.Entry("R-CCC", "JURY", "B"),
            new BallotLeaf.Entry("R-AAA", "JURY", "A,B"), new BallotLeaf.Entry("R-BBB", "JURY", "B,A"));

    private Path pb(List<BallotLeaf.Entry> ballots, String extraMeta) throws Exception {
        Path f = dir.resolve("box" + System.nanoTime() + ".pb");
        Files.writeString(f, "META\nkey;value\nchannel;jury\nnum_votes;" + ballots.size() + "\n" + extraMeta
                + "PROJECTS\nproject_id;cost;name\nA;1;a\nB;1;b\nVOTES\nvoter_id;vote\n"
                + ballots.stream().map(b -> b.receipt() + ";" + b.ranking() + "\n").collect(Collectors.joining()));
        return f;
    }

    @Test
    void verifyBallotsRecomputesTheRootOfTheFile() throws Exception {
        String root = BallotLeaf.tree(BOX).rootHex();
        assertEquals(0, run(VerifyBallotsCommand::run, "--ballots", pb(BOX, "").toString(), "--root", root).code());
        assertEquals(0, run(VerifyBallotsCommand::run, "--ballots", pb(BOX, "ballot_box_root;" + root + "\n")
                .toString(), "--root", root.toUpperCase()).code());

        Run changed = run(VerifyBallotsCommand::run, "--ballots", pb(List.of(BOX.get(0), BOX.get(1),
                new BallotLeaf.Entry("R-BBB", "JURY", "A,B")), "").toString(), "--root", root);
        assertEquals(1, changed.code());
        assertTrue(changed.err().contains("not the ballot box"), changed.err());
        assertEquals(1, run(VerifyBallotsCommand::run, "--ballots", pb(BOX.subList(0, 2), "").toString(), "--root",
                root).code(), "a ballot missing");
        Run lying = run(VerifyBallotsCommand::run, "--ballots", pb(BOX, "ballot_box_root;" + "0".repeat(64) + "\n")
                .toString(), "--root", root);
        assertEquals(1, lying.code());
        assertTrue(lying.err().contains("ballot_box_root"), lying.err());

        assertEquals(2, run(VerifyBallotsCommand::run, "--ballots", pb(BOX, "").toString()).code());
        assertEquals(2, run(VerifyBallotsCommand::run, "--ballots", pb(BOX, "").toString(), "--root", "xyz").code());
        assertEquals(2, run(VerifyBallotsCommand::run, "--ballots", dir.resolve("none.pb").toString(), "--root",
                root).code());
        Path noChannel = dir.resolve("nochannel.pb");
        Files.writeString(noChannel, "META\nkey;value\nVOTES\nvoter_id;vote\nR-A;A\n");
        assertEquals(2, run(VerifyBallotsCommand::run, "--ballots", noChannel.toString(), "--root", root).code());
    }

    @Test
    void misuseSaysWhatIsWrongAndHowToCallWithoutReadingAnyFile() {
        String root = "ab".repeat(32);
        Run unknown = run(VerifyReceiptCommand::run, "--ballots", "x.pb", "--root", root);
        assertEquals(2, unknown.code(), "verify-receipt takes --proof, not --ballots");
        assertTrue(unknown.err().contains("Unknown option --ballots") && unknown.err().contains(
                VerifyReceiptCommand.USAGE), unknown.err());
        Run dangling = run(VerifyBallotsCommand::run, "--root", root, "--ballots");
        assertEquals(2, dangling.code());
        assertTrue(dangling.err().contains("Missing value after --ballots"), dangling.err());
        Run shortRoot = run(VerifyReceiptCommand::run, "--proof", "p.json", "--root", "abc");
        assertEquals(2, shortRoot.code());
        assertTrue(shortRoot.err().contains("--root needs 64 hexadecimal digits"), shortRoot.err());
        Run nothing = run(VerifyBallotsCommand::run);
        assertEquals(2, nothing.code());
        assertEquals(VerifyBallotsCommand.USAGE, nothing.err().strip());
    }

    private Path proof(long index, long size, byte[] leaf, List<byte[]> path) throws Exception {
        Path f = dir.resolve("proof" + System.nanoTime() + ".json");
        Files.writeString(f, "{\"leafIndex\": " + index + ", \"treeSize\": " + size + ", \"leaf\": \""
                + HexFormat.of().formatHex(leaf) + "\", \"path\": ["
                + path.stream().map(p -> "\"" + MerkleTree.hex(p) + "\"").collect(Collectors.joining(", "))
                + "], \"root\": \"ignored\", \"receipt\": \"R-AAA\", \"verifies\": true, \"sealedIn\": null}");
        return f;
    }

    @Test
    void verifyReceiptAcceptsOnlyAProofThatLeadsToTheRoot() throws Exception {
        MerkleTree tree = BallotLeaf.tree(BOX);
        String root = tree.rootHex();
        // R-AAA sorts first
        byte[] leaf = BallotLeaf.encode("R-AAA", "JURY", "A,B");
        List<byte[]> path = tree.proof(0).path();
        Run ok = run(VerifyReceiptCommand::run, "--proof", proof(0, 3, leaf, path).toString(), "--root", root);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("\"valid\": true"), ok.out());

        assertEquals(1, run(VerifyReceiptCommand::run, "--proof", proof(0, 3, BallotLeaf.encode("R-AAA", "JURY", "B,A"),
                path).toString(), "--root", root).code(), "another ranking");
        assertEquals(1, run(VerifyReceiptCommand::run, "--proof", proof(1, 3, leaf, path).toString(), "--root", root)
                .code(), "another index");
        assertEquals(1, run(VerifyReceiptCommand::run, "--proof", proof(0, 3, leaf, path.subList(0, 1)).toString(),
                "--root", root).code(), "a shortened path");
        assertEquals(1, run(VerifyReceiptCommand::run, "--proof", proof(0, 3, leaf, path).toString(), "--root",
                "0".repeat(64)).code(), "another root");

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"leafIndex\": \"zero\"}");
        assertEquals(2, run(VerifyReceiptCommand::run, "--proof", bad.toString(), "--root", root).code());
        assertEquals(2, run(VerifyReceiptCommand::run, "--proof", proof(0, 3, leaf, path).toString()).code());
    }
}
