package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.audit.chain.MerkleTree;
import org.civicloop.audit.chain.VerifyAuditCommand;
import org.civicloop.load.BallotLoad;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ballots and the voter register are inside the tamper evidence: a ballot edited, inserted or deleted, or a register
 * row deleted or inserted, straight in the database, in an open and in a closed vote, is reported by
 * {@code GET /api/v1/audit/verify} and by the offline {@code verify-audit --jdbc}, naming the row; each test puts the
 * database back and sees the chain valid again. Also: only the caster changes a ballot, and a receipt proves its
 * ballot is in the sealed box.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BallotTamperIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static String jdbc() {
        return "pg".equals(ItSupport.db()) ? System.getProperty("it.pg.url") : System.getProperty("it.h2.url");
    }

    private static String[] offlineArgs() {
        return "pg".equals(ItSupport.db())
                ? new String[]{"--jdbc", jdbc(), "--user", System.getProperty("it.pg.user")}
                : new String[]{"--jdbc", jdbc(), "--user", "civicloop", "--password", "civicloop"};
    }

    /**
     * Both checks say the log is broken and name what: the API's full check (an officer's {@code ?full=true}; the
     * public check looks only at what was appended since its last run) and the offline tool.
     */
    private void broken(String says) throws Exception {
        JsonObject v = ItSupport.fullVerify(base);
        assertFalse(v.getBoolean("valid"), "the API sees it: " + v);
        assertFalse(v.isNull("firstBrokenEntry"), v.toString());
        assertTrue(v.getJsonArray("problems").toString().contains(says), "the API says " + says + ": " + v);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyAuditCommand.run(offlineArgs(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, "the offline tool sees it: " + said);
        assertTrue(said.contains(says), "the offline tool says " + says + ": " + said);
    }

    private void valid(String why) throws Exception {
        ItSupport.awaitChained(base);
        JsonObject v = ItSupport.fullVerify(base);
        assertTrue(v.getBoolean("valid"), why + ": " + v);
    }

    private static Map<String, Object> row(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                ResultSetMetaData md = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private static void insert(Connection c, String table, Map<String, Object> row) throws Exception {
        List<String> cols = new ArrayList<>(row.keySet());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", cols)
                + ") VALUES (" + "?, ".repeat(cols.size() - 1) + "?)")) {
            for (int i = 0; i < cols.size(); i++) {
                ps.setObject(i + 1, row.get(cols.get(i)));
            }
            ps.executeUpdate();
        }
    }

    private static int exec(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Every kind of tampering with one vote's ballot and register rows, each detected and then undone. */
    private void tamperWith(long cycle, String receipt, String unregisteredUser) throws Exception {
        try (Connection c = ItSupport.connect()) {
            Map<String, Object> ballot = row(c, "SELECT * FROM ballot WHERE receipt = ?", receipt);
            Object ballotId = ballot.get("id");
            String ranking = (String) ballot.get("ranking");
            String other = ranking.contains(",") ? ranking.substring(ranking.indexOf(',') + 1) : ranking + "X";

            exec(c, "UPDATE ballot SET ranking = ? WHERE id = ?", other, ballotId);
            try {
                broken("ballot " + ballotId);
            } finally {
                exec(c, "UPDATE ballot SET ranking = ? WHERE id = ?", ranking, ballotId);
            }
            valid("a ballot edit undone");

            exec(c, "DELETE FROM ballot WHERE id = ?", ballotId);
            try {
                broken("ballot " + ballotId);
            } finally {
                insert(c, "ballot", ballot);
            }
            valid("a ballot deletion undone");

            Map<String, Object> forged = new LinkedHashMap<>(ballot);
            forged.put("id", 4_242_424_242L + cycle);
            forged.put("receipt", "R-FORGED" + cycle);
            insert(c, "ballot", forged);
            try {
                broken("ballot " + forged.get("id"));
            } finally {
                exec(c, "DELETE FROM ballot WHERE id = ?", forged.get("id"));
            }
            valid("a forged ballot removed");

            Map<String, Object> registered = row(c, "SELECT * FROM voter_register WHERE cycle_id = ? AND id IS NOT NULL"
                    + " ORDER BY id", cycle);
            exec(c, "DELETE FROM voter_register WHERE id = ?", registered.get("id"));
            try {
                broken("voter_register " + registered.get("id"));
            } finally {
                insert(c, "voter_register", registered);
            }
            valid("a register deletion undone");

            Map<String, Object> account = row(c, "SELECT id FROM account WHERE username = ?", unregisteredUser);
            exec(c, "INSERT INTO voter_register (cycle_id, channel, account_id) VALUES (?, ?, ?)", cycle,
                    ballot.get("channel"), account.get("id"));
            try {
                broken("voter_register without id (cycle " + cycle);
            } finally {
                exec(c, "DELETE FROM voter_register WHERE cycle_id = ? AND account_id = ?", cycle, account.get("id"));
            }
            valid("a forged register row removed");
        }
    }

    private List<String> voters(String prefix, int n) throws Exception {
        new BallotLoad(base.toString()).signUp(prefix + ItSupport.db(), n, 1);
        List<String> auths = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            auths.add(ItSupport.basic(prefix + ItSupport.db() + "-" + i, BallotLoad.PASSWORD));
        }
        return auths;
    }

    private String cast(long cycle, String auth, String ranking, String previous) throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/" + cycle + "/ballots", "{\"channel\":\"RESIDENTS\","
                + "\"ranking\":[" + ranking + "]" + (previous == null ? "" : ",\"previousReceipt\":\"" + previous + "\"")
                + "}", "Authorization", auth);
        return r.status() == 201 ? r.json().getString("receipt") : "refused " + r.status();
    }

    @Test
    void inAnOpenVoteEveryTamperingIsDetected() throws Exception {
        long cycle = ItSupport.cycleInPhase(base, "VOTE");
        List<String> auths = voters("tamperopen", 2);
        String receipt = cast(cycle, auths.get(0), "\"Y2\",\"Y1\"", null);
        assertTrue(receipt.startsWith("R-"), receipt);
        valid("the vote as cast");
        tamperWith(cycle, receipt, "tamperopen" + ItSupport.db() + "-1");
    }

    @Test
    void inAClosedVoteEveryTamperingIsDetectedAndTheSealNamed() throws Exception {
        long cycle = ItSupport.cycleInPhase(base, "CLOSED");
        String receipt = get(base, "/api/v1/cycles/" + cycle + "/ballots").array().getJsonObject(0).getString("receipt");
        valid("the demo as made");
        voters("tamperclosed", 1);
        tamperWith(cycle, receipt, "tamperclosed" + ItSupport.db() + "-0");
        try (Connection c = ItSupport.connect()) {
            Map<String, Object> ballot = row(c, "SELECT * FROM ballot WHERE receipt = ?", receipt);
            exec(c, "UPDATE ballot SET ranking = ? WHERE id = ?", "X", ballot.get("id"));
            try {
                broken("ballot box of cycle " + cycle + " no longer matches its seal");
            } finally {
                exec(c, "UPDATE ballot SET ranking = ? WHERE id = ?", ballot.get("ranking"), ballot.get("id"));
            }
        }
        valid("restored");
    }

    @Test
    void onlyTheAccountThatCastABallotCanChangeIt() throws Exception {
        long cycle = ItSupport.cycleInPhase(base, "VOTE");
        List<String> auths = voters("owner", 2);
        try (Connection c = ItSupport.connect()) {
            exec(c, "UPDATE cycle SET ballot_changeable = TRUE WHERE id = ?", cycle);
            try {
                String mine = cast(cycle, auths.get(0), "\"Y1\",\"Y2\"", null);
                String theirs = cast(cycle, auths.get(1), "\"Y3\"", null);
                assertTrue(mine.startsWith("R-") && theirs.startsWith("R-"), mine + " " + theirs);

                // The second voter learnt the first one's receipt: they may not replace that ballot.
                assertEquals("refused 400", cast(cycle, auths.get(1), "\"Y4\"", mine));
                assertEquals("Y1,Y2", row(c, "SELECT ranking FROM ballot WHERE receipt = ?", mine).get("ranking"));
                assertEquals(Boolean.FALSE, row(c, "SELECT superseded FROM ballot WHERE receipt = ?", mine)
                        .get("superseded"), "nothing changed");
                assertEquals(Boolean.FALSE, row(c, "SELECT superseded FROM ballot WHERE receipt = ?", theirs)
                        .get("superseded"), "nothing changed");
                assertEquals(2L, ((Number) row(c, "SELECT COUNT(*) AS n FROM ballot WHERE receipt IN (?, ?)", mine,
                        theirs).get("n")).longValue());

                // The one who cast it can, with its receipt; and again with the new receipt, not the old one.
                String changed = cast(cycle, auths.get(0), "\"Y4\",\"Y1\"", mine);
                assertTrue(changed.startsWith("R-"), changed);
                assertEquals(Boolean.TRUE, row(c, "SELECT superseded FROM ballot WHERE receipt = ?", mine)
                        .get("superseded"));
                assertEquals("refused 400", cast(cycle, auths.get(0), "\"Y2\"", mine), "the old receipt is spent");
                assertTrue(cast(cycle, auths.get(0), "\"Y2\"", changed).startsWith("R-"));
            } finally {
                exec(c, "UPDATE cycle SET ballot_changeable = FALSE WHERE id = ?", cycle);
            }
        }
        valid("changing ballots is audited, and the mandate put back as it was");
    }

    @Test
    void aReceiptProvesItsBallotIsInTheSealedBox() throws Exception {
        long cycle = ItSupport.cycleInPhase(base, "CLOSED");
        JsonObject box = get(base, "/api/v1/cycles/" + cycle + "/ballot-box").json();
        JsonObject ballot = get(base, "/api/v1/cycles/" + cycle + "/ballots").array().getJsonObject(0);
        ItSupport.Reply r = get(base, "/api/v1/cycles/" + cycle + "/ballots/" + ballot.getString("receipt") + "/proof");
        assertEquals(200, r.status(), r.body());
        JsonObject proof = r.json();
        assertTrue(proof.getBoolean("verifiesAgainstPublishedRoot"), r.body());
        JsonObject channel = box.getJsonArray("channels").getValuesAs(JsonObject.class).stream()
                .filter(ch -> ch.getString("channel").equals(ballot.getString("channel"))).findFirst().orElseThrow();
        assertEquals(channel.getString("root"), proof.getString("root"));
        assertEquals(channel.getJsonNumber("size").longValue(), proof.getJsonNumber("treeSize").longValue());
        assertFalse(channel.isNull("sealedInAuditEntry"), "the root is the one sealed in the chain: " + box);
        byte[] leaf = HexFormat.of().parseHex(proof.getString("leaf"));
        assertEquals("civicloop-ballot-v1;" + ballot.getString("receipt") + ";" + ballot.getString("channel") + ";"
                + String.join(",", ballot.getJsonArray("ranking").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList()), new String(leaf, StandardCharsets.UTF_8));
        List<byte[]> path = proof.getJsonArray("path").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(s -> HexFormat.of().parseHex(s.getString())).toList();
        assertTrue(MerkleTree.verifyInclusion(proof.getJsonNumber("leafIndex").longValue(),
                proof.getJsonNumber("treeSize").longValue(), MerkleTree.leafHash(leaf), path,
                HexFormat.of().parseHex(channel.getString("root"))), "the proof checks out independently");

        assertEquals(404, get(base, "/api/v1/cycles/" + cycle + "/ballots/R-NOSUCHRECEIPT/proof").status());
        long open = ItSupport.cycleInPhase(base, "VOTE");
        assertEquals(409, get(base, "/api/v1/cycles/" + open + "/ballot-box").status(), "not while the vote is open");
    }
}
