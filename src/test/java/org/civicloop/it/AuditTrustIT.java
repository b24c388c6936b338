package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.audit.chain.Checkpoint;
import org.civicloop.audit.chain.VerifyAuditCommand;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 18, the audit log half: signed checkpoints prove a rewind (API and offline), the public log is complete,
 * replayable offline and anonymous, the public check is rate-limited and the full check is for officers. Each test
 * puts the database back as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrustIT {

    private static final String OFFICER = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private record Run(int code, String out) {
    }

    private static Run tool(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private static List<String> with(List<String> a, String... more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void theLatestCheckpointIsSignedByThePublishedKeyAndAPhaseChangeSignsOne() throws Exception {
        long id = ItSupport.recruitingCycle(base, OFFICER, "Checkpointed " + ItSupport.db() + System.nanoTime(),
                "Which?", "A checkpoint at every phase change", 1000, "The panel", "A check");
        JsonObject key = get(base, "/api/v1/audit/key").json();
        assertEquals("Ed25519", key.getString("algorithm"));
        byte[] raw = Base64.getDecoder().decode(key.getString("publicKey"));
        List<JsonObject> cps = get(base, "/api/v1/audit/checkpoints?max=50").array().getValuesAs(JsonObject.class);
        JsonObject opened = cps.stream().filter(c -> c.getString("reason").equals("cycle.opened cycle=" + id))
                .findFirst().orElseThrow(() -> new AssertionError("a checkpoint when the cycle opened: " + cps));
        Checkpoint c = Checkpoint.verify(opened.getString("note"), raw);
        assertEquals(opened.getJsonNumber("size").longValue(), c.size());
        String atThatEntry = get(base, "/api/v1/audit/entries?after=" + (c.size() - 1) + "&max=1").array()
                .getJsonObject(0).getString("hash");
        assertEquals(atThatEntry, c.headHash(), "the checkpoint signs the entry that opened the cycle");
        Checkpoint.verify(get(base, "/api/v1/audit/checkpoints/latest").body(), raw);
        assertTrue(cps.get(0).getJsonNumber("size").longValue() >= c.size(), "newest first");
    }

    @Test
    void aRewindWithTheHeadSetBackIsFoundByTheApiAndByAKeptCheckpoint() throws Exception {
        ItSupport.recruitingCycle(base, OFFICER, "Rewound " + ItSupport.db() + System.nanoTime(), "Which?",
                "Entries after a checkpoint", 1000, "The panel", "A check");
        ItSupport.awaitChained(base);
        Path kept = AuditSupport.latestCheckpoint(base);
        String key = AuditSupport.key(base);
        long size = Long.parseLong(Files.readAllLines(kept).get(1));
        assertTrue(get(base, "/api/v1/audit/verify").json().getBoolean("valid"));
        Run before = tool(with(AuditSupport.jdbc(), "--checkpoint", kept.toString(), "--key", key));
        assertEquals(0, before.code(), before.out());

        try (Connection c = ItSupport.connect()) {
            List<Object[]> removed = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, recorded_at, actor,"
                    + " action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash"
                    + " FROM audit_entry WHERE seq >= " + size + " ORDER BY seq")) {
                while (rs.next()) {
                    Object[] row = new Object[11];
                    for (int i = 0; i < 11; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    removed.add(row);
                }
            }
            Object[] head = new Object[2];
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT seq, hash FROM audit_head WHERE id = 1")) {
                rs.next();
                head[0] = rs.getLong(1);
                head[1] = rs.getString(2);
            }
            String previous = (String) removed.get(0)[9];
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit_entry WHERE seq >= " + size);
                st.executeUpdate("UPDATE audit_head SET seq = " + (size - 1) + ", hash = '" + previous + "' WHERE id = 1");
            }
            try {
                JsonObject v = get(base, "/api/v1/audit/verify").json();
                assertFalse(v.getBoolean("valid"), "the public check sees the stored checkpoint beyond the head: " + v);
                assertTrue(v.getJsonNumber("firstBrokenEntry").longValue() <= size, v.toString());
                assertTrue(v.getJsonArray("problems").toString().contains("rewound"), v.toString());

                Run db = tool(with(AuditSupport.jdbc(), "--checkpoint", kept.toString(), "--key", key));
                assertEquals(1, db.code(), db.out());
                assertTrue(db.out().contains("rewound"), db.out());
                Run file = tool(List.of("--entries", AuditSupport.save(AuditSupport.allEntries(base)).toString(),
                        "--checkpoint", kept.toString(), "--key", key));
                assertEquals(1, file.code(), file.out());
                assertTrue(file.out().contains("rewound"), file.out());
            } finally {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, actor,"
                        + " action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (Object[] row : removed) {
                        for (int i = 0; i < 11; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1")) {
                    ps.setLong(1, (Long) head[0]);
                    ps.setString(2, (String) head[1]);
                    ps.executeUpdate();
                }
            }
        }
        assertTrue(get(base, "/api/v1/audit/verify").json().getBoolean("valid"), "restored");
        assertTrue(ItSupport.fullVerify(base).getBoolean("valid"), "restored");
        Run after = tool(with(AuditSupport.jdbc(), "--checkpoint", kept.toString(), "--key", key));
        assertEquals(0, after.code(), after.out());
    }

    @Test
    void everyEntryIsPagedAndReplaysOfflineAndAnEditedEntryIsNamed() throws Exception {
        long entries = ItSupport.awaitChained(base).getJsonNumber("entries").longValue();
        List<JsonObject> all = AuditSupport.allEntries(base, 100);
        assertTrue(all.size() >= entries, all.size() + " paged, " + entries + " chained before");
        assertTrue(all.size() > 300, "several pages of 100: " + all.size());
        assertEquals(all, AuditSupport.allEntries(base, 1000).subList(0, all.size()), "pages of any size agree");
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i + 1, all.get(i).getJsonNumber("seq").longValue(), "every entry, in order");
        }
        Run valid = tool(List.of("--entries", AuditSupport.save(all).toString()));
        assertEquals(0, valid.code(), valid.out());
        assertTrue(valid.out().contains("\"recomputed\": " + all.size()), "100 % recomputed: " + valid.out());

        // A copy of the log edited after publication.
        int k = all.size() / 2;
        List<JsonObject> edited = new ArrayList<>(all);
        edited.set(k, jakarta.json.Json.createObjectBuilder(all.get(k)).add("detail", "edited").build());
        Run bad = tool(List.of("--entries", AuditSupport.save(edited).toString()));
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("entry " + (k + 1) + " does not recompute"), bad.out());
        assertTrue(bad.out().contains("\"firstBrokenEntry\": " + (k + 1)), bad.out());

        // An entry edited in the database shows in the pages published afterwards.
        try (Connection c = ItSupport.connect()) {
            String original;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT detail FROM audit_entry WHERE seq = 9")) {
                rs.next();
                original = rs.getString(1);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_entry SET detail = ? WHERE seq = 9")) {
                ps.setString(1, "tampered");
                ps.executeUpdate();
                try {
                    Run db = tool(List.of("--entries", AuditSupport.save(AuditSupport.allEntries(base)).toString()));
                    assertEquals(1, db.code(), db.out());
                    assertTrue(db.out().contains("\"firstBrokenEntry\": 9"), db.out());
                } finally {
                    ps.setString(1, original);
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * A resident as the public log must not give away: id, user name and e-mail, with what the entry loop matches
     * them by (made once per resident, not once per entry: the log of a whole run holds thousands of entries and
     * hundreds of residents).
     */
    private record Resident(String id, String username, String email, String emailLower, Pattern name,
                            Pattern account, String unkeyedHash) {
        Resident(String id, String username, String email) {
            this(id, username, email, email == null ? null : email.toLowerCase(Locale.ROOT), token(username),
                    Pattern.compile("(^|[^0-9])(account|user|by)[=: ]" + id + "([^0-9]|$)"),
                    AuditChain.sha256Hex(username).substring(0, 16));
        }
    }

    @Test
    void noDemoResidentCanBeReadOrRecoveredFromThePublicLog() throws Exception {
        ItSupport.awaitChained(base);
        List<Resident> residents = new ArrayList<>();
        try (Connection c = ItSupport.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, username, email, roles FROM account")) {
            while (rs.next()) {
                String roles = rs.getString(4);
                if (!roles.contains("OFFICER") && !roles.contains("ADMIN") && !roles.contains("FACILITATOR")) {
                    residents.add(new Resident(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3)));
                }
            }
        }
        assertTrue(residents.size() >= 10, "the demo has residents: " + residents.size());
        List<JsonObject> all = AuditSupport.allEntries(base);
        java.util.concurrent.atomic.AtomicLong pseudonymous = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong withheld = new java.util.concurrent.atomic.AtomicLong();
        String[] fields = {"recordedAt", "actor", "action", "entityType", "entityId", "beforeDigest", "afterDigest",
                "detail"};
        // Entries are independent of each other: checked on every core (a failed assertion ends the test as before).
        all.parallelStream().forEach(e -> {
            if (e.getBoolean("withheld")) {
                withheld.incrementAndGet();
                return;
            }
            String actor = e.getString("actor");
            if (actor.startsWith("resident:")) {
                pseudonymous.incrementAndGet();
            }
            String[] values = new String[fields.length];
            String[] lower = new String[fields.length];
            for (int i = 0; i < fields.length; i++) {
                String v = s(e, fields[i]);
                if (v != null && fields[i].equals("actor") && v.startsWith("resident:")) {
                    v = v.substring("resident:".length());
                }
                values[i] = v;
                lower[i] = v == null ? null : v.toLowerCase(Locale.ROOT);
            }
            String prevHash = e.getString("prevHash");
            long seq = e.getJsonNumber("seq").longValue();
            String hash = e.getString("hash");
            String recordedAt = s(e, "recordedAt");
            String action = s(e, "action");
            String entityType = s(e, "entityType");
            String entityId = s(e, "entityId");
            String beforeDigest = s(e, "beforeDigest");
            String afterDigest = s(e, "afterDigest");
            String detail = s(e, "detail");
            for (Resident r : residents) {
                for (String candidate : new String[]{r.username(), r.email(), r.id()}) {
                    if (candidate == null) {
                        continue;
                    }
                    // Hashing the public fields with a candidate for the actor must not give the entry's hash.
                    assertFalse(AuditChain.hash(prevHash, seq, recordedAt, candidate, action, entityType, entityId,
                            beforeDigest, afterDigest, detail).equals(hash), () -> "entry " + e + " gives away "
                            + candidate);
                }
                for (int i = 0; i < fields.length; i++) {
                    String f = fields[i];
                    String v = values[i];
                    if (v == null) {
                        continue;
                    }
                    if (r.name().matcher(v).find()) {
                        fail("entry " + e.getJsonNumber("seq") + " field " + f + " = " + v + " names " + r.username());
                    }
                    if (r.emailLower() != null && lower[i].contains(r.emailLower())) {
                        fail("entry " + e.getJsonNumber("seq") + " field " + f + " = " + v + " holds " + r.email());
                    }
                    if (f.equals("entityId")) {
                        if ("account".equals(entityType) && v.equals(r.id())) {
                            fail("entry " + e.getJsonNumber("seq") + " field " + f + " = " + v
                                    + " is resident account " + r.id() + " by its id");
                        }
                    } else if (r.account().matcher(v).find()) {
                        fail("entry " + e.getJsonNumber("seq") + " field " + f + " = " + v + " holds account "
                                + r.id());
                    }
                }
                assertFalse(actor.equals(r.id()), () -> "entry " + e + " names account " + r.id() + " as its actor");
                assertFalse(actor.contains(r.unkeyedHash()), () -> "an unkeyed hash of " + r.username());
            }
        });
        assertEquals(0, withheld.get(), "a log begun with this version withholds nothing");
        assertTrue(pseudonymous.get() > 50, "residents' actions are in the log, as pseudonyms: " + pseudonymous);
        assertTrue(all.stream().anyMatch(e -> "voting.voted".equals(s(e, "action"))), "the demo has votes");
        assertTrue(all.stream().anyMatch(e -> "jury.volunteered".equals(s(e, "action"))
                && s(e, "actor").startsWith("resident:")), "and volunteers, as pseudonyms");
        assertTrue(all.stream().anyMatch(e -> "officer".equals(s(e, "actor"))), "staff stay named");
    }

    private static Pattern token(String name) {
        // User names are lower case; case-sensitive so that a channel named RESIDENT is not taken for "resident".
        return Pattern.compile("(?<![A-Za-z0-9_.\\-])" + Pattern.quote(name) + "(?![A-Za-z0-9_\\-])");
    }

    private static String s(JsonObject e, String field) {
        JsonValue v = e.get(field);
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : e.getString(field);
    }

    /**
     * A hundred public checks in a row each answer with a valid, incremental verdict over a log that does not shrink.
     * How fast they answer is a speed target, measured by the audit-chain benchmark of docs/performance.md on a
     * 100,000-entry log, not asserted here: on a machine shared with other builds a timing assertion fails by chance.
     * The figures are printed for the record.
     */
    @Test
    void thePublicCheckAnswersEveryCallIncrementally() throws Exception {
        ItSupport.awaitChained(base);
        double[] ms = new double[100];
        long entries = 0;
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            ItSupport.Reply r = get(base, "/api/v1/audit/verify");
            ms[i] = (System.nanoTime() - start) / 1e6;
            assertEquals(200, r.status(), r.body());
            JsonObject verdict = r.json();
            assertTrue(verdict.getBoolean("valid"), verdict.toString());
            assertEquals("incremental", verdict.getString("scope"));
            assertTrue(verdict.getJsonNumber("entries").longValue() >= entries, verdict.toString());
            entries = verdict.getJsonNumber("entries").longValue();
        }
        java.util.Arrays.sort(ms);
        System.out.printf("GET /api/v1/audit/verify, 100 calls: p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", ms[50],
                ms[95], ms[99]);
    }

    @Test
    void theFullCheckIsForOfficersAndAdministrators() throws Exception {
        assertEquals(401, get(base, "/api/v1/audit/verify?full=true").status());
        assertEquals(403, get(base, "/api/v1/audit/verify?full=true", "Authorization",
                ItSupport.basic("resident01", ItSupport.DEMO_PASSWORD)).status());
        JsonObject full = ItSupport.fullVerify(base);
        assertTrue(full.getBoolean("valid"), full.toString());
        assertEquals("full", full.getString("scope"));
        assertEquals("incremental", get(base, "/api/v1/audit/verify").json().getString("scope"));
    }

    @Test
    void thePublicCheckIsRateLimitedPerAddress() throws Exception {
        // From a loopback address of its own (127.0.0.2), so that the other tests' address keeps its tokens.
        int status = 0;
        String reply = "";
        int sent = 0;
        while (sent < 2000 && status != 429) {
            reply = rawGet("/api/v1/audit/verify");
            status = Integer.parseInt(reply.substring(9, 12));
            sent++;
        }
        assertEquals(429, status, "limited after " + sent + " requests");
        assertTrue(sent > 100, "not before the configured burst: " + sent);
        String lower = reply.toLowerCase(Locale.ROOT);
        assertTrue(lower.contains("retry-after:"), reply);
        assertTrue(lower.contains("application/problem+json"), reply);
        assertTrue(reply.contains("\"status\":429"), reply);
        assertEquals(200, get(base, "/api/v1/audit/verify").status(), "another address is not limited");
    }

    private String rawGet(String path) throws Exception {
        String context = base.getPath().endsWith("/") ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress("127.0.0.2", 0));
            s.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            s.setSoTimeout(30000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + context + path + " HTTP/1.1\r\nHost: localhost:" + base.getPort()
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertNotNull(text);
            return text;
        }
    }
}
