package org.civicloop.audit.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * {@code verify-audit (--jdbc URL [--user U] [--password P] | --entries FILE.jsonl) [--checkpoint FILE --key KEY]...}:
 * recomputes the audit chain straight from a CivicLoop database (H2 or PostgreSQL), or from the public entries saved
 * as JSON lines with no database at all, and checks each given signed checkpoint (its signature with the server's
 * public key, and that the chain still holds its head at its position). Prints the verdict as JSON; exit code 0
 * when valid, 1 when not, 2 on bad usage or unreadable input.
 */
public final class VerifyAuditCommand {

    static final String USAGE = "Usage: verify-audit (--jdbc URL [--user U] [--password P] | --entries FILE.jsonl)"
            + " [--checkpoint FILE ... --key PUBLIC-KEY-BASE64]";

    private VerifyAuditCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = "";
        String password = "";
        String entries = null;
        String key = null;
        List<String> checkpointFiles = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                err.println("Missing value after " + a);
                return 2;
            }
            switch (a) {
                case "--jdbc" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--entries" -> entries = args[++i];
                case "--checkpoint" -> checkpointFiles.add(args[++i]);
                case "--key" -> key = args[++i];
                default -> {
                    err.println("Unknown option " + a);
                    return 2;
                }
            }
        }
        if ((url == null) == (entries == null) || (!checkpointFiles.isEmpty() && key == null)) {
            err.println(USAGE);
            return 2;
        }
        List<String> badCheckpoints = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        if (!checkpointFiles.isEmpty()) {
            byte[] raw;
            try {
                raw = Base64.getDecoder().decode(key.strip());
                Checkpoint.publicKey(raw);
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                err.println("--key must be the server's Ed25519 public key, 32 bytes in base64 (GET /api/v1/audit/key)");
                return 2;
            }
            for (String f : checkpointFiles) {
                String note;
                try {
                    note = Files.readString(Path.of(f), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    err.println("Cannot read the checkpoint " + f + ": " + e.getMessage());
                    return 2;
                }
                try {
                    checkpoints.add(Checkpoint.verify(note, raw));
                } catch (IllegalArgumentException e) {
                    badCheckpoints.add("checkpoint " + f + ": " + e.getMessage());
                }
            }
        }
        if (entries != null) {
            try (BufferedReader in = Files.newBufferedReader(Path.of(entries), StandardCharsets.UTF_8)) {
                EntriesFileVerifier.Verdict v = EntriesFileVerifier.verify(in, checkpoints);
                List<String> problems = new ArrayList<>(badCheckpoints);
                problems.addAll(v.problems());
                boolean valid = v.valid() && badCheckpoints.isEmpty();
                out.println(json(valid, v.entries(), v.head(), v.firstBrokenEntry(), problems,
                        ", \"recomputed\": " + v.recomputed() + ", \"withheld\": " + v.withheld()));
                return valid ? 0 : 1;
            } catch (IOException e) {
                err.println("Cannot read the entries " + entries + ": " + e.getMessage());
                return 2;
            }
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setReadOnly(true);
            ChainVerifier.Verdict v = ChainVerifier.verify(c);
            List<String> problems = new ArrayList<>(badCheckpoints);
            problems.addAll(v.problems());
            Long first = v.firstBrokenEntry();
            try {
                v = CheckpointVerifier.withStored(c, v);
                problems = new ArrayList<>(badCheckpoints);
                problems.addAll(v.problems());
                first = v.firstBrokenEntry();
            } catch (SQLException e) {
                // A database from before signed checkpoints (no audit_checkpoint table): nothing stored to check.
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
            }
            for (Checkpoint cp : checkpoints) {
                String p = CheckpointVerifier.againstDatabase(c, cp);
                if (p != null) {
                    problems.add(p);
                    first = first == null ? cp.size() : Math.min(first, cp.size());
                }
            }
            boolean valid = problems.isEmpty();
            out.println(json(valid, v.entries(), v.head(), first, problems, ""));
            return valid ? 0 : 1;
        } catch (SQLException e) {
            err.println("Cannot read the audit log at " + url + ": " + e.getMessage());
            return 2;
        }
    }

    private static String json(boolean valid, long entries, String head, Long first, List<String> problems,
                               String more) {
        StringBuilder json = new StringBuilder();
        json.append("{\"valid\": ").append(valid)
                .append(", \"entries\": ").append(entries)
                .append(more)
                .append(", \"head\": \"").append(head).append('"')
                .append(", \"firstBrokenEntry\": ").append(first)
                .append(", \"problems\": [");
        for (int i = 0; i < problems.size(); i++) {
            json.append(i == 0 ? "" : ", ").append('"').append(escape(problems.get(i))).append('"');
        }
        return json.append("]}").toString();
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.toString();
    }
}
