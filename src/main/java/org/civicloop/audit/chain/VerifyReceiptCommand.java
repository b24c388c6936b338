package org.civicloop.audit.chain;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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
        String file = null;
        String rootHex = null;
        for (int i = 0; i < args.length; i++) {
            if (i + 1 >= args.length) {
                err.println("Missing value after " + args[i]);
                err.println(USAGE);
                return 2;
            }
            switch (args[i]) {
                case "--proof" -> file = args[++i];
                case "--root" -> rootHex = args[++i];
                default -> {
                    err.println("Unknown option " + args[i]);
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        byte[] root = MerkleTree.parseHash(rootHex);
        if (file == null || root == null) {
            err.println(rootHex != null && root == null ? "--root needs 64 hexadecimal digits" : USAGE);
            return 2;
        }
        Map<String, Object> proof;
        long leafIndex;
        long treeSize;
        byte[] leaf;
        List<byte[]> path = new ArrayList<>();
        try {
            proof = FlatJson.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
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

    /** A strict reader of one flat JSON object whose values are integers, strings, booleans, null or arrays of them. */
    static final class FlatJson {
        private final String s;
        private int i;

        private FlatJson(String s) {
            this.s = s;
        }

        static Map<String, Object> parse(String text) {
            FlatJson p = new FlatJson(text);
            Map<String, Object> out = p.object();
            p.ws();
            if (p.i != p.s.length()) {
                throw new IllegalArgumentException("text after the JSON object");
            }
            return out;
        }

        private Map<String, Object> object() {
            Map<String, Object> out = new LinkedHashMap<>();
            expect('{');
            ws();
            if (peek() == '}') {
                i++;
                return out;
            }
            while (true) {
                ws();
                String key = string();
                ws();
                expect(':');
                ws();
                out.put(key, value());
                ws();
                char c = next();
                if (c == '}') {
                    return out;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (i - 1));
                }
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '[') {
                i++;
                List<Object> list = new ArrayList<>();
                ws();
                if (peek() == ']') {
                    i++;
                    return list;
                }
                while (true) {
                    ws();
                    list.add(value());
                    ws();
                    char d = next();
                    if (d == ']') {
                        return list;
                    }
                    if (d != ',') {
                        throw new IllegalArgumentException("expected , or ] at " + (i - 1));
                    }
                }
            }
            if (c == '-' || Character.isDigit(c)) {
                int start = i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                try {
                    return Long.parseLong(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not an integer at " + start);
                }
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"', '\\', '/' -> b.append(e);
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw new IllegalArgumentException("bad escape");
                            }
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> throw new IllegalArgumentException("bad escape \\" + e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }
    }
}
