package org.civicloop.audit.chain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-ballots --ballots FILE.pb --root HEX}: recomputes the Merkle root of a published ballot box (the
 * {@code ballots.pb} export: its META {@code channel}, its VOTES {@code voter_id} = receipt and {@code vote} = ranking)
 * and compares it with a root published elsewhere ({@code GET /api/v1/cycles/{id}/ballot-box}, the audit chain's
 * {@code voting.ballotBoxSealed} entry). Exit code 0 when they are equal (and the file's own
 * {@code ballot_box_root}, if any, too), 1 when not, naming the reason, 2 on bad usage or a malformed file.
 */
public final class VerifyBallotsCommand {

    static final String USAGE = "Usage: verify-ballots --ballots FILE.pb --root HEX";

    /** A box read from a .pb file. */
    record PbBox(Map<String, String> meta, List<BallotLeaf.Entry> ballots) {
    }

    private VerifyBallotsCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        FileAndRoot given = FileAndRoot.parse(args, "--ballots", USAGE, err);
        if (given == null) {
            return 2;
        }
        String file = given.file();
        byte[] root = given.root();
        PbBox box;
        try {
            box = read(Path.of(file));
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("Malformed ballot file " + file + ": " + e.getMessage());
            return 2;
        }
        MerkleTree tree;
        try {
            tree = BallotLeaf.tree(box.ballots());
        } catch (IllegalArgumentException e) {
            err.println("Malformed ballot file " + file + ": " + e.getMessage());
            return 2;
        }
        String recomputed = tree.rootHex();
        String json = "{\"valid\": %s, \"size\": " + tree.size() + ", \"root\": \"" + recomputed + "\"}";
        if (!recomputed.equals(MerkleTree.hex(root))) {
            out.println(json.formatted(false));
            err.println("The root recomputed from the " + tree.size() + " ballots of " + file + " is " + recomputed
                    + ", not " + MerkleTree.hex(root) + ": the file is not the ballot box that root was made from");
            return 1;
        }
        String stated = box.meta().get("ballot_box_root");
        if (stated != null && !stated.equalsIgnoreCase(recomputed)) {
            out.println(json.formatted(false));
            err.println("The file's own ballot_box_root " + stated + " does not match its ballots (" + recomputed + ")");
            return 1;
        }
        String size = box.meta().get("num_votes");
        if (size != null && !size.equals(Integer.toString(tree.size()))) {
            out.println(json.formatted(false));
            err.println("The file says num_votes " + size + " but holds " + tree.size() + " ballots");
            return 1;
        }
        out.println(json.formatted(true));
        return 0;
    }

    /** Reads the META and VOTES sections of a pabulib file written by the ballot export. */
    static PbBox read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> meta = new HashMap<>();
        List<BallotLeaf.Entry> ballots = new ArrayList<>();
        String section = null;
        String[] header = null;
        int voterCol = -1;
        int voteCol = -1;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("META") || line.equals("PROJECTS") || line.equals("VOTES")) {
                section = line;
                header = null;
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException("content before the META section");
            }
            String[] fields = line.split(";", -1);
            if (header == null) {
                header = fields;
                if (section.equals("VOTES")) {
                    voterCol = List.of(header).indexOf("voter_id");
                    voteCol = List.of(header).indexOf("vote");
                    if (voterCol < 0 || voteCol < 0) {
                        throw new IllegalArgumentException("the VOTES section needs voter_id and vote columns");
                    }
                }
                continue;
            }
            if (section.equals("META")) {
                if (fields.length < 2) {
                    throw new IllegalArgumentException("META line without a value: " + line);
                }
                meta.put(fields[0].strip(), fields[1].strip());
            } else if (section.equals("VOTES")) {
                if (fields.length != header.length) {
                    throw new IllegalArgumentException("VOTES line with " + fields.length + " fields: " + line);
                }
                String channel = meta.get("channel");
                if (channel == null) {
                    throw new IllegalArgumentException("no channel in META (a ballot export names it)");
                }
                ballots.add(new BallotLeaf.Entry(fields[voterCol].strip(), channel.toUpperCase(java.util.Locale.ROOT),
                        fields[voteCol].strip()));
            }
        }
        if (header == null && ballots.isEmpty() && !lines.contains("VOTES")) {
            throw new IllegalArgumentException("no VOTES section");
        }
        if (!meta.containsKey("channel")) {
            throw new IllegalArgumentException("no channel in META (a ballot export names it)");
        }
        return new PbBox(meta, ballots);
    }
}
