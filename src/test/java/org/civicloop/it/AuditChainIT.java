package org.civicloop.it;

import static org.civicloop.it.ItSupport.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The audit chain verifies, and any edit or deletion made straight in the database is detected with the first
 * broken entry. Each test puts the database back exactly as it was.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditChainIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private JsonObject verify() throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/audit/verify");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    /** The officers' full check: every entry and every audited row. */
    private JsonObject full() throws Exception {
        JsonObject v = ItSupport.fullVerify(base);
        assertEquals("full", v.getString("scope"), v.toString());
        return v;
    }

    @Test
    void rowsTheApplicationDeletesAreNotTakenForTampering() throws Exception {
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        long id = ItSupport.recruitingCycle(base, officer, "Audit of replaced quotas " + ItSupport.db(),
                "Which quotas?", "Check that replaced quotas keep the chain valid", 1000, "The panel", "A check");
        String cy = "/api/v1/cycles/" + id + "/jury";
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv",
                "feature,value,min,max\nage,young,1,2\nage,old,1,2\n", "Authorization", officer).status());
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv",
                "feature,value,min,max\nage,young,2,3\nage,old,0,3\n", "Authorization", officer).status());
        JsonObject v = ItSupport.awaitChained(base);
        assertTrue(v.getBoolean("valid"), "quotas replaced by an officer are recorded deletions, not tampering: " + v);
    }

    @Test
    void theDemoChainVerifies() throws Exception {
        JsonObject v = verify();
        assertTrue(v.getBoolean("valid"), v.toString());
        assertTrue(v.getInt("entries") > 50, "the demo council is made through audited use cases: " + v);
        assertTrue(v.isNull("firstBrokenEntry"), v.toString());
        assertTrue(v.getString("head").matches("[0-9a-f]{64}"), v.toString());
    }

    @Test
    void editingAnAuditEntryIsDetected() throws Exception {
        try (Connection c = ItSupport.connect()) {
            String original = string(c, "SELECT detail FROM audit_entry WHERE seq = 7");
            update(c, "UPDATE audit_entry SET detail = ? WHERE seq = 7", "tampered");
            try {
                JsonObject v = full();
                assertFalse(v.getBoolean("valid"));
                assertEquals(7, v.getInt("firstBrokenEntry"), v.toString());
            } finally {
                update(c, "UPDATE audit_entry SET detail = ? WHERE seq = 7", original);
            }
            assertTrue(full().getBoolean("valid"), "restored");
        }
    }

    @Test
    void deletingTheLastEntryIsDetected() throws Exception {
        try (Connection c = ItSupport.connect()) {
            long last;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(seq) FROM audit_entry")) {
                rs.next();
                last = rs.getLong(1);
            }
            Object[] row = new Object[11];
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, recorded_at, actor,"
                    + " action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash"
                    + " FROM audit_entry WHERE seq = " + last)) {
                rs.next();
                for (int i = 0; i < 11; i++) {
                    row[i] = rs.getObject(i + 1);
                }
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM audit_entry WHERE seq = " + last);
            }
            try {
                JsonObject v = verify();
                assertFalse(v.getBoolean("valid"));
                assertEquals(last, v.getJsonNumber("firstBrokenEntry").longValue(), v.toString());
            } finally {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (seq, recorded_at, actor,"
                        + " action, entity_type, entity_id, before_digest, after_digest, detail, prev_hash, hash)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                    for (int i = 0; i < 11; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.executeUpdate();
                }
            }
            assertTrue(verify().getBoolean("valid"), "restored");
        }
    }

    @Test
    void editingAnAuditedRowIsDetected() throws Exception {
        try (Connection c = ItSupport.connect()) {
            long id = minCycle(c);
            String title = string(c, "SELECT title FROM cycle WHERE id = " + id);
            update(c, "UPDATE cycle SET title = ? WHERE id = " + id, title + " (edited in the database)");
            try {
                JsonObject v = full();
                assertFalse(v.getBoolean("valid"));
                assertFalse(v.isNull("firstBrokenEntry"));
                assertTrue(v.getJsonArray("problems").toString().contains("cycle " + id), v.toString());
            } finally {
                update(c, "UPDATE cycle SET title = ? WHERE id = " + id, title);
            }
            assertTrue(full().getBoolean("valid"), "restored");
        }
    }

    private static long minCycle(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(id) FROM cycle")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String string(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static void update(Connection c, String sql, String value) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }
}
