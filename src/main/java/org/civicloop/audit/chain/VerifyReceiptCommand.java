package org.civicloop.audit.chain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code verify-receipt --proof FILE.json --root HEX}: checks an inclusion proof as
 * {@code GET /api/v1/cycles/{id}/ballots/{receipt}/proof} answers it ({@code leafIndex}, {@code treeSize},
 * {@code leaf} (the leaf's bytes, hex), {@code path} (hex hashes, leaf upwards), {@code root}) against a root
 * published elsewhere. Exit code 0 only when the proof is valid for that root; 1 when it is not (the reason is
 * named); 2 on bad usage or a malformed file.
 */
public final class VerifyReceiptCommand {

    static final String USAGE = "Usage: verify-receipt --proof FILE.json --root HEX";

    private VerifyReceiptCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        FileAndRoot given = FileAndRoot.parse(args, "--proof", USAGE, err);
        if (given == null) {
            return 2;
        }
        String file = given.file();
        byte[] root = given.root();
        Map<String, Object> proof;
        long leafIndex;
        long treeSize;
        byte[] leaf;
        List<byte[]> path = new ArrayList<>();
        try {
            proof = FlatJson.parseWithArrays(Files.readString(Path.of(file), StandardCharsets.UTF_8));
            leafIndex = ((Number) require(proof, "leafIndex", Long.class)).longValue();
            treeSize = ((Number) require(proof, "treeSize", Long.class)).longValue();
            String leafHex = (String) require(proof, "leaf", String.class);
            if (!leafHex.matches("([0-9a-fA-F]{2})+")) {
                throw new IllegalArgumentException("leaf is not hexadecimal");
            }
            leaf = HexFormat.of().parseHex(leafHex.toLowerCase(java.util.Locale.ROOT));
            for (Object p : (List<?>) require(proof, "path", List.class)) {
                byte[] h = p instanceof String s ? MerkleTree.parseHash(s) : null;
                if (h == null) {
                    throw new IllegalArgumentException("path holds something other than 64 hexadecimal digits");
                }
                path.add(h);
            }
        } catch (IOException e) {
            err.println("Cannot read " + file + ": " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | ClassCastException e) {
            err.println("Malformed proof " + file + ": " + e.getMessage());
            return 2;
        }
        String leafText = new String(leaf, StandardCharsets.UTF_8);
        boolean valid = MerkleTree.verifyInclusion(leafIndex, treeSize, MerkleTree.leafHash(leaf), path, root);
        out.println("{\"valid\": " + valid + ", \"leafIndex\": " + leafIndex + ", \"treeSize\": " + treeSize
                + ", \"leaf\": \"" + VerifyAuditCommand.escape(leafText) + "\"}");
        if (!valid) {
            err.println("The proof does not lead from leaf " + leafIndex + " (" + leafText + ") of a tree of " + treeSize
                    + " ballots to the root " + MerkleTree.hex(root));
            return 1;
        }
        Object stated = proof.get("root");
        if (stated instanceof String s && !s.equalsIgnoreCase(MerkleTree.hex(root))) {
            err.println("Note: the proof file names another root (" + s + "); it was checked against --root.");
        }
        return 0;
    }

    private static Object require(Map<String, Object> json, String key, Class<?> type) {
        Object v = json.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no " + key);
        }
        if (type == Long.class ? !(v instanceof Long) : !type.isInstance(v)) {
            throw new IllegalArgumentException(key + " has the wrong type");
        }
        return v;
    }
}
