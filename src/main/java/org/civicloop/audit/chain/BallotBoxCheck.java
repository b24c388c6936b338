package org.civicloop.audit.chain;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ballot part of the audit check (plain JDBC, run by {@link ChainVerifier} for the application and the offline
 * tool). The chain's row check already catches a ballot or register row edited or deleted after its entry; this adds:
 * <ol>
 *   <li>every {@code ballot} and {@code voter_register} row has an entry (in the chain, or committed into the queue
 *       with the row's digest): a row inserted outside the application has none;</li>
 *   <li>every sealed ballot box ({@code voting.ballotBoxSealed}) is recomputed: the Merkle root and number of the
 *       channel's counted ballots as stored now, and the number of its register rows, must be what was sealed.</li>
 * </ol>
 * Boxes sealed before ballots had entries of their own (a seal with {@code sha256=} instead of {@code root=}) are
 * held to their seal's digest instead of entry by entry.
 */
public final class BallotBoxCheck {

    /** A problem, with the entry it breaks (null: none names it; the caller then names the head). */
    public record Finding(String problem, Long entry) {
    }

    private record Seal(long seq, Map<String, String> fields, String cycle) {
    }

    /** A ballot or register row; {@code box}: the box it belongs to ({@link #box}). */
    private record Row(String id, String cycle, String channel, String receipt, String ranking, boolean counted,
                       String box) {
    }

    /**
     * A box's key: a cycle's channel (its city-wide budget), or a district budget's residents' box by the budget's id
     * (its seal names it as {@code budgetId}).
     */
    private static String box(String cycle, String channel, String budgetId) {
        return budgetId == null ? cycle + "#" + channel : "budget#" + budgetId;
    }

    private BallotBoxCheck() {
    }

    public static List<Finding> check(Connection c) throws SQLException {
        // Rows first, then the queue, then the chain: a row committed meanwhile is found in one of the two.
        List<Row> ballots = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, cycle_id, channel, receipt, ranking, superseded, budget_id FROM ballot")) {
            while (rs.next()) {
                ballots.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), !rs.getBoolean(6), box(rs.getString(2), rs.getString(3), rs.getString(7))));
            }
        }
        List<Row> register = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, cycle_id, channel, account_id FROM voter_register")) {
            while (rs.next()) {
                register.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), null, null, true,
                        box(rs.getString(2), rs.getString(3), null)));
            }
        }
        List<Row> budgetRegister = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, budget_id FROM budget_register")) {
            while (rs.next()) {
                budgetRegister.add(new Row(rs.getString(1), null, "RESIDENTS", null, null, true,
                        box(null, "RESIDENTS", rs.getString(2))));
            }
        }
        Map<String, String> queued = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT entity_type, entity_id,"
                + " after_digest FROM audit_queue WHERE entity_type IN ('ballot', 'voter_register', 'budget_register')")) {
            while (rs.next()) {
                queued.put(rs.getString(1) + "#" + rs.getString(2), rs.getString(3));
            }
        }
        Set<String> chained = new HashSet<>();
        Map<String, Seal> seals = new TreeMap<>();
        long last = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, action, entity_type,"
                + " entity_id, detail FROM audit_entry WHERE entity_type IN ('ballot', 'voter_register', 'budget_register')"
                + " OR action = 'voting.ballotBoxSealed' ORDER BY seq")) {
            while (rs.next()) {
                last = Math.max(last, rs.getLong(1));
                if ("voting.ballotBoxSealed".equals(rs.getString(2))) {
                    Map<String, String> fields = fields(rs.getString(5));
                    seals.put(box(rs.getString(4), fields.get("channel"), fields.get("budgetId")),
                            new Seal(rs.getLong(1), fields, rs.getString(4)));
                } else {
                    chained.add(rs.getString(3) + "#" + rs.getString(4));
                }
            }
        }
        Set<String> legacy = seals.values().stream().filter(seal -> !seal.fields().containsKey("root"))
                .map(Seal::cycle).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        uncovered(c, "ballot", ballots, chained, queued, legacy, seals, findings);
        uncovered(c, "voter_register", register, chained, queued, legacy, seals, findings);
        uncovered(c, "budget_register", budgetRegister, chained, queued, legacy, seals, findings);
        for (Map.Entry<String, Seal> e : seals.entrySet()) {
            Seal seal = e.getValue();
            String cycle = seal.cycle();
            String channel = seal.fields().get("channel");
            boolean district = seal.fields().containsKey("budgetId");
            String budget = district ? " (budget " + seal.fields().get("budget") + ")" : "";
            List<Row> box = ballots.stream().filter(b -> b.counted() && b.box().equals(e.getKey())).toList();
            String where = "the " + channel.toLowerCase(java.util.Locale.ROOT) + " ballot box" + budget + " of cycle "
                    + cycle + " no longer matches its seal (audit entry " + seal.seq() + "): ";
            String sealedCount = seal.fields().get("ballots");
            if (sealedCount != null && !sealedCount.equals(Integer.toString(box.size()))) {
                findings.add(new Finding(where + sealedCount + " ballots were sealed, " + box.size()
                        + " are stored", seal.seq()));
                continue;
            }
            String root = seal.fields().get("root");
            if (root != null) {
                String now;
                try {
                    now = BallotLeaf.tree(box.stream().map(b -> new BallotLeaf.Entry(b.receipt(), b.channel(),
                            b.ranking())).toList()).rootHex();
                } catch (IllegalArgumentException ex) {
                    now = "(unreadable: " + ex.getMessage() + ")";
                }
                if (!root.equals(now)) {
                    findings.add(new Finding(where + "its Merkle root is now " + now + ", not " + root, seal.seq()));
                }
            } else if (seal.fields().containsKey("sha256")) {
                String now = AuditChain.sha256Hex(box.stream().map(b -> b.receipt() + ":" + b.ranking()).sorted()
                        .collect(Collectors.joining("\n")));
                if (!now.equals(seal.fields().get("sha256"))) {
                    findings.add(new Finding(where + "a ranking or receipt was changed", seal.seq()));
                }
            }
            String sealedRegister = seal.fields().get("register");
            if (sealedRegister != null) {
                long rows = (district ? budgetRegister : register).stream()
                        .filter(r -> r.box().equals(e.getKey())).count();
                if (!sealedRegister.equals(Long.toString(rows))) {
                    findings.add(new Finding("the " + channel.toLowerCase(java.util.Locale.ROOT) + " voter register"
                            + budget + " of cycle " + cycle + " holds " + rows + " people, but " + sealedRegister
                            + " were sealed (audit entry " + seal.seq() + ")", seal.seq()));
                }
            }
        }
        return findings;
    }

    private static void uncovered(Connection c, String table, List<Row> rows, Set<String> chained,
                                  Map<String, String> queued, Set<String> legacy, Map<String, Seal> seals,
                                  List<Finding> findings) throws SQLException {
        for (Row r : rows) {
            String key = table + "#" + r.id();
            if (r.id() != null && chained.contains(key)) {
                continue;
            }
            if (r.id() != null && queued.containsKey(key)) {
                String digest = queued.get(key);
                if (digest != null && !digest.equals(RowDigest.of(c, table, r.id()))) {
                    findings.add(new Finding(table + " " + r.id() + " was changed outside the application while its"
                            + " audit entry waited in the queue", null));
                }
                continue;
            }
            if (legacy.contains(r.cycle())) {
                continue; // held to its box's seal
            }
            Seal seal = seals.get(r.box());
            findings.add(new Finding(table + " " + (r.id() == null ? "without id" : r.id()) + " ("
                    + (r.cycle() == null ? "district " + r.box() : "cycle " + r.cycle()) + ", " + r.channel().toLowerCase(java.util.Locale.ROOT) + ") has no audit entry: it was inserted"
                    + " outside the application", seal == null ? null : seal.seq()));
        }
    }

    /** "channel=JURY; ballots=3; root=ab.." as a map. */
    static Map<String, String> fields(String detail) {
        Map<String, String> out = new HashMap<>();
        if (detail != null) {
            for (String part : detail.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }
}
