package org.civicloop.audit.chain;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * {@code verify-audit --jdbc URL [--user U] [--password P]}: recomputes the audit chain straight from a CivicLoop
 * database (H2 or PostgreSQL) and prints the verdict as JSON; exit code 0 when valid, 1 when not, 2 on bad usage.
 */
public final class VerifyAuditCommand {

    private VerifyAuditCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = "";
        String password = "";
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
                default -> {
                    err.println("Unknown option " + a);
                    return 2;
                }
            }
        }
        if (url == null) {
            err.println("Usage: verify-audit --jdbc URL [--user U] [--password P]");
            return 2;
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setReadOnly(true);
            ChainVerifier.Verdict v = ChainVerifier.verify(c);
            StringBuilder json = new StringBuilder();
            json.append("{\"valid\": ").append(v.valid())
                    .append(", \"entries\": ").append(v.entries())
                    .append(", \"head\": \"").append(v.head()).append('"')
                    .append(", \"firstBrokenEntry\": ").append(v.firstBrokenEntry())
                    .append(", \"problems\": [");
            for (int i = 0; i < v.problems().size(); i++) {
                json.append(i == 0 ? "" : ", ").append('"').append(escape(v.problems().get(i))).append('"');
            }
            out.println(json.append("]}"));
            return v.valid() ? 0 : 1;
        } catch (SQLException e) {
            err.println("Cannot read the audit log at " + url + ": " + e.getMessage());
            return 2;
        }
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
