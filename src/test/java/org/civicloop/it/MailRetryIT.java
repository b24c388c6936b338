package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.civicloop.it.ItSupport.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A report e-mail whose SMTP server cannot be reached is retried, a bounded number of times
 * (civicloop.mail.maxAttempts, 3 on the test servers), and then marked FAILED, which officers see over the API and on
 * their feedback page. The test server's SMTP port has no server here (FeedbackIT starts one only for itself). The
 * waiting between attempts is not waited out: the test moves a queued delivery's next attempt into the past (as the
 * clock would) and lets the next publication's delivery pass pick it up.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailRetryIT {

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String RESIDENT = basic("resident01", ItSupport.DEMO_PASSWORD);
    private static final int MAX_ATTEMPTS = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void anUnreachableMailServerIsRetriedUntilTheDeliveryIsMarkedFailedAndOfficersSeeIt() throws Exception {
        int port = Integer.parseInt(System.getProperty("it.smtp.port", "3025"));
        assertFalse(listening(port), "nothing may listen on the test SMTP port " + port + " for this test");
        assertEquals(200, put(base, "/api/v1/notifications/preferences", "{\"reportUpdates\":true}",
                "Authorization", RESIDENT).status());
        String title = "Unreachable mail server " + ThreadLocalRandom.current().nextInt(1_000_000);
        long cycle = cycleInDecide(title, true);
        try {
            publish(cycle);
            long delivery = deliveryOf(cycle);
            for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
                Row row = awaitAttempts(delivery, attempt);
                assertEquals("PENDING", row.status(), "after attempt " + attempt + " the e-mail waits for a retry");
                assertTrue(row.nextAttemptAt().isAfter(row.updatedAt()),
                        "the retry is later, not at once: " + row);
                assertNotNull(row.lastError(), "the reason is kept");
                assertFalse(problems().stream().anyMatch(p -> p.getJsonNumber("id").longValue() == delivery),
                        "a delivery still being retried is not reported as a problem");
                // The time between attempts passes; the next delivery pass (after any publication) tries again.
                makeDue(delivery);
                publish(cycleInDecide(title + " trigger " + attempt, false));
            }
            Row last = awaitAttempts(delivery, MAX_ATTEMPTS);
            assertEquals("FAILED", last.status(), "after the last attempt the delivery gives up: " + last);

            JsonObject problem = problems().stream()
                    .filter(p -> p.getJsonNumber("id").longValue() == delivery).findFirst()
                    .orElseThrow(() -> new AssertionError("the failed delivery is reported to officers"));
            assertEquals("FAILED", problem.getString("status"));
            assertEquals(MAX_ATTEMPTS, problem.getInt("attempts"));
            assertEquals(title, problem.getString("cycleTitle"));
            assertEquals("resident01", problem.getString("username"));
            assertFalse(problem.getString("lastError").isBlank(), "officers see why");

            WebSession officer = new WebSession(base);
            assertEquals(302, officer.signIn("officer", ItSupport.DEMO_PASSWORD).statusCode());
            HttpResponse<String> page = officer.get("/officer/feedback.xhtml");
            assertEquals(200, page.statusCode());
            String body = page.body();
            int table = body.indexOf("id=\"deliveries\"");
            assertTrue(table > 0, "the page has the deliveries table");
            int at = body.indexOf(title, table);
            assertTrue(at > 0, "the officers' deliveries table lists the e-mail about " + title);
            String rowHtml = body.substring(at, Math.min(body.length(), body.indexOf("</tr>", at) + 5));
            assertTrue(rowHtml.contains("Gave up after retries"), "shown as failed after retries: " + rowHtml);
        } finally {
            // The voters were put straight into the database (no vote here): take them out again, or the audit
            // check (every register row has its audit entry) would rightly report them.
            try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM voter_register WHERE cycle_id = ?")) {
                ps.setLong(1, cycle);
                ps.executeUpdate();
            }
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 2_000_000_000_000L);
    }

    /** A published cycle in DECIDE whose vote is over, with one recommendation (and resident01 as its voter). */
    private static long cycleInDecide(String title, boolean withVoter) throws Exception {
        long id = newId();
        Timestamp tenDaysAgo = Timestamp.from(Instant.now().minusSeconds(86_400 * 10));
        try (Connection c = ItSupport.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO cycle (id, council, title, question, currency,"
                    + " phase, published, demo, created_at, created_by, version, feedback_promise_date,"
                    + " feedback_promise_how, mandate_published_at, budget_amount, decision_maker)"
                    + " VALUES (?, 'IT Council', ?, 'What should we fund?', 'GBP', 'DECIDE', TRUE, FALSE, ?, 'officer',"
                    + " 0, ?, 'A report on this site', ?, 50000, 'Cabinet')")) {
                ps.setLong(1, id);
                ps.setString(2, title);
                ps.setTimestamp(3, tenDaysAgo);
                ps.setDate(4, Date.valueOf(LocalDate.now(ZoneOffset.UTC).plusDays(30)));
                ps.setTimestamp(5, tenDaysAgo);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO phase_transition (id, cycle_id, from_phase,"
                    + " to_phase, moved_at, actor) VALUES (?, ?, 'VOTE', 'DECIDE', ?, 'officer')")) {
                ps.setLong(1, newId());
                ps.setLong(2, id);
                ps.setTimestamp(3, Timestamp.from(Instant.now().minusSeconds(86_400 * 2)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recommendation (id, cycle_id,"
                    + " rank_position, title, support, source, jury_ballots, ranked_by, first_choices)"
                    + " VALUES (?, ?, 1, 'Benches on the green', 'Ranked by 5 of 6 jurors', 'COUNT', 6, 5, 3)")) {
                ps.setLong(1, newId());
                ps.setLong(2, id);
                ps.executeUpdate();
            }
            if (withVoter) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO voter_register (cycle_id, channel,"
                        + " account_id) SELECT ?, 'RESIDENTS', id FROM account WHERE username = 'resident01'")) {
                    ps.setLong(1, id);
                    assertEquals(1, ps.executeUpdate());
                }
            }
        }
        return id;
    }

    /** Answers the cycle's recommendation, moves it to FEEDBACK and publishes its report (which sends the e-mails). */
    private void publish(long cycle) throws Exception {
        ItSupport.Reply recs = get(base, "/api/v1/cycles/" + cycle + "/recommendations", "Authorization", OFFICER);
        assertEquals(200, recs.status(), recs.body());
        long rec = recs.array().getJsonObject(0).getJsonNumber("id").longValue();
        ItSupport.Reply answered = put(base, "/api/v1/cycles/" + cycle + "/recommendations/" + rec + "/response",
                "{\"response\":\"ADOPTED\",\"rationale\":\"Funded.\",\"tradeOff\":\"Other works wait a year.\","
                        + "\"budgetLine\":\"NP-2026-09\",\"amountCommitted\":12000,\"whoLoses\":\"Nobody.\","
                        + "\"offered\":\"Nothing.\",\"decisionMaker\":\"Cabinet\",\"politicalDecision\":false}",
                "Authorization", OFFICER);
        assertEquals(200, answered.status(), answered.body());
        ItSupport.Reply advanced = postJson(base, "/api/v1/cycles/" + cycle + "/advance", "{\"from\":\"DECIDE\"}",
                "Authorization", OFFICER);
        assertEquals(200, advanced.status(), advanced.body());
        ItSupport.Reply published = postJson(base, "/api/v1/cycles/" + cycle + "/report",
                "{\"summary\":\"Because of you, the benches are built.\",\"nextSteps\":\"Works start in May.\","
                        + "\"nextDate\":\"2030-05-01\"}", "Authorization", OFFICER);
        assertEquals(201, published.status(), published.body());
    }

    /** The id of the one e-mail the cycle's first report version made. */
    private static long deliveryOf(long cycle) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT d.id FROM"
                + " mail_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.cycle_id = ?")) {
            ps.setLong(1, cycle);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "publishing made an e-mail for the opted-in voter");
                long id = rs.getLong(1);
                assertFalse(rs.next(), "one e-mail only");
                return id;
            }
        }
    }

    record Row(String status, int attempts, Instant nextAttemptAt, Instant updatedAt, String lastError) {
    }

    private static Row row(long delivery) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement("SELECT status, attempts,"
                + " next_attempt_at, updated_at, last_error FROM mail_delivery WHERE id = ?")) {
            ps.setLong(1, delivery);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                Timestamp next = rs.getTimestamp(3);
                return new Row(rs.getString(1), rs.getInt(2), next == null ? null : next.toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getString(5));
            }
        }
    }

    /** Waits (polling, at most 30 s) until the delivery's attempt number {@code attempts} has finished. */
    private static Row awaitAttempts(long delivery, int attempts) throws Exception {
        long until = System.currentTimeMillis() + 30_000;
        Row row = row(delivery);
        while (System.currentTimeMillis() < until) {
            row = row(delivery);
            if (row.attempts() == attempts && !row.status().equals("SENDING")) {
                return row;
            }
            if (row.attempts() > attempts) {
                fail("more attempts than expected: " + row);
            }
            Thread.sleep(200);
        }
        return fail("attempt " + attempts + " did not finish within 30 s: " + row);
    }

    private static void makeDue(long delivery) throws Exception {
        try (Connection c = ItSupport.connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE mail_delivery SET next_attempt_at = ? WHERE id = ? AND status = 'PENDING'")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(86_400 * 2)));
            ps.setLong(2, delivery);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** What officers are shown as undeliverable or failed e-mails. */
    private List<JsonObject> problems() throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/feedback/deliveries", "Authorization", OFFICER);
        assertEquals(200, r.status(), r.body());
        return r.array().getValuesAs(JsonObject.class);
    }
}
