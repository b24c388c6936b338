package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.load.BallotLoad;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The short form of the casting load test (the long form and its figures: docs/performance.md): distinct residents
 * register, sign in and cast at once; every acknowledged ballot is stored exactly once, nothing else is stored, no
 * request fails, and the audit chain still verifies. The figures of the run are written to target/ for reading;
 * speed is judged by the long form, not here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BallotLoadIT {

    /**
     * Voters, each casting once through one of 16 clients: four rounds of 16 ballots at once. (It was 150; signing the
     * voters up through the pages, two password hashes each, took over 80 % of the class's time, and the casting
     * the test is about took 6 s of it.) {@code -Dit.load.voters=N} runs more.
     */
    private static final int VOTERS = Integer.getInteger("it.load.voters", 64);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static long count(String sql, Object... args) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void everyAcknowledgedBallotIsStoredExactlyOnceUnderConcurrentCasting() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Youth spaces fund");
        BallotLoad load = new BallotLoad(base.toString());
        // The lean socket client of the long form's measurements (CrashSafetyIT casts through the JDK's client).
        load.plainSockets = true;
        List<String> sessions = load.signUp("it" + ItSupport.db() + "load", VOTERS, 8);
        long ballotsBefore = count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", cycle);
        long registerBefore = count("SELECT COUNT(*) FROM voter_register WHERE cycle_id = ? AND channel = 'RESIDENTS'",
                cycle);
        long auditedBefore = count(VOTED_ENTRIES, "cycle=" + cycle + "; channel=RESIDENTS");

        BallotLoad.Report report = load.cast(cycle, sessions, 16, 42, null);
        Files.writeString(Path.of("target", "ballot-load-" + ItSupport.db() + ".json"), report.json());

        assertEquals(List.of(), report.errors(), "no submission is refused or fails");
        assertEquals(VOTERS, report.cast());
        assertEquals(VOTERS, new HashSet<>(report.receipts()).size(), "receipts are unique");
        assertEquals(ballotsBefore + VOTERS,
                count("SELECT COUNT(*) FROM ballot WHERE cycle_id = ? AND channel = 'RESIDENTS'", cycle));
        assertEquals(registerBefore + VOTERS,
                count("SELECT COUNT(*) FROM voter_register WHERE cycle_id = ? AND channel = 'RESIDENTS'", cycle));
        Set<String> stored = new HashSet<>();
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("SELECT receipt FROM ballot WHERE cycle_id = ?")) {
            ps.setLong(1, cycle);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
        }
        assertTrue(stored.containsAll(report.receipts()), "every acknowledged ballot is stored");
        jakarta.json.JsonObject verdict = ItSupport.awaitChained(base);
        assertEquals(0, verdict.getJsonNumber("queued").longValue(), "every queued audit entry is chained: " + verdict);
        assertTrue(verdict.getBoolean("valid"), verdict.toString());
        assertEquals(auditedBefore + VOTERS, count(VOTED_ENTRIES, "cycle=" + cycle + "; channel=RESIDENTS"),
                "every ballot has its entry in the chain");
    }

    private static final String VOTED_ENTRIES =
            "SELECT COUNT(*) FROM audit_entry WHERE action = 'voting.voted' AND entity_type = 'voter_register'"
                    + " AND detail = ?";
}
