package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits with their default settings (docs/security.md): 120 casting attempts a minute per account, ten failed
 * sign-ins per account and fifty per client address in fifteen minutes; then 429 with Retry-After. The limits live
 * in the deployed application, so this class has a deployment of its own (the other classes share one): it starts
 * with full buckets, and the address test, which runs last, blocks sign-ins from this machine for the rest of this
 * class's deployment only.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@OwnDeployment("counts sign-in failures from full buckets, then spends this machine's sign-in budget")
class RateLimitIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String PASSWORD = "rate-limit-test-password";

    /** A new resident account, registered through the page. */
    private String register(String prefix) throws Exception {
        return ItSupport.registerResident(base, prefix, PASSWORD);
    }

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

    private static void assertTooManyRequests(ItSupport.Reply r) {
        assertEquals(429, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(429, r.json().getInt("status"));
        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retry >= 1, "Retry-After " + retry);
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CIVICLOOPSESSION="))
                .findFirst().orElse(null);
    }

    /** Secure-by-default sessions: a fresh session id on sign-in, HttpOnly and SameSite cookies, and a CSP. */
    @Test
    @Order(0)
    void signingInChangesTheSessionIdAndCookiesAndHeadersAreStrict() throws Exception {
        WebSession web = new WebSession(base);
        HttpResponse<String> page = web.get("/login.xhtml");
        String before = sessionCookie(page);
        assertTrue(before != null, "the login page starts a session (its form state lives on the server)");
        assertTrue(before.contains("HttpOnly"), before);
        assertTrue(before.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), before);
        String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
        for (String directive : new String[]{"default-src 'self'", "object-src 'none'", "frame-ancestors 'none'",
                "base-uri 'self'", "form-action 'self'"}) {
            assertTrue(csp.contains(directive), "CSP has " + directive + ": " + csp);
        }
        assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElse(null));
        HttpResponse<String> signedIn = web.signIn("resident", ItSupport.DEMO_PASSWORD);
        assertEquals(302, signedIn.statusCode());
        String after = sessionCookie(signedIn);
        assertTrue(after != null, "signing in sets a new session cookie");
        assertTrue(!after.split(";")[0].equals(before.split(";")[0]), "the session id changes on sign-in (fixation)");
        assertTrue(after.contains("HttpOnly"), after);
    }

    @Test
    @Order(1)
    void castingIsLimitedPerAccount() throws Exception {
        String voter = register("rlvote");
        long cycle = ItSupport.cycleTitled(base, "Youth spaces fund");
        String auth = ItSupport.basic(voter, PASSWORD);
        // Attempts the vote refuses (an option that does not exist) still count: the first 120 are answered, then
        // 429. The bucket refills at 2 a second meanwhile, so a slow machine gets a few more answers before it.
        long start = System.nanoTime();
        int answered = 0;
        ItSupport.Reply limited = null;
        while (answered < 400) {
            ItSupport.Reply r = ItSupport.postJson(base, "/api/v1/cycles/" + cycle + "/ballots",
                    "{\"channel\":\"RESIDENTS\",\"ranking\":[\"NO-SUCH-OPTION\"]}", "Authorization", auth);
            if (r.status() == 429) {
                limited = r;
                break;
            }
            assertEquals(400, r.status(), "attempt " + (answered + 1) + ": " + r.body());
            answered++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(limited != null, "no 429 after " + answered + " attempts");
        assertTooManyRequests(limited);
        assertTrue(answered >= 120 && answered <= 120 + 2 * Math.ceil(seconds) + 1,
                answered + " attempts answered in " + seconds + " s");
        assertEquals(0, count("SELECT COUNT(*) FROM voter_register r JOIN account a ON a.id = r.account_id"
                + " WHERE a.username = ?", voter), "a limited ballot is not stored");
        // another voter from the same address is not held up by this one
        String other = register("rlother");
        ItSupport.Reply fine = ItSupport.postJson(base, "/api/v1/cycles/" + cycle + "/ballots",
                "{\"channel\":\"RESIDENTS\",\"ranking\":[\"NO-SUCH-OPTION\"]}", "Authorization",
                ItSupport.basic(other, PASSWORD));
        assertEquals(400, fine.status(), fine.body());
    }

    @Test
    @Order(2)
    void failedSignInsAreLimitedPerAccountEvenForTheRightPassword() throws Exception {
        String user = register("rlsign");
        String wrong = ItSupport.basic(user, "not-the-password-at-all");
        for (int i = 1; i <= 10; i++) {
            ItSupport.Reply r = ItSupport.get(base, "/api/v1/notifications", "Authorization", wrong);
            assertEquals(401, r.status(), "attempt " + i + " (wrong, then locked): " + r.body());
        }
        assertTooManyRequests(ItSupport.get(base, "/api/v1/notifications", "Authorization", wrong));
        assertTooManyRequests(ItSupport.get(base, "/api/v1/notifications", "Authorization",
                ItSupport.basic(user, PASSWORD)));
        // other accounts still sign in
        assertEquals(200, ItSupport.get(base, "/api/v1/notifications", "Authorization",
                ItSupport.basic("resident", ItSupport.DEMO_PASSWORD)).status());
    }

    @Test
    @Order(3)
    void failedSignInsAreLimitedPerAddressOnTheApiAndTheLoginPage() throws Exception {
        // 10 failures were counted against this address by the test before (JUnit runs them in order; the refused
        // attempts there were not failures: a limited sign-in does not check the password)
        int failures = 10;
        int answered = 0;
        ItSupport.Reply r = null;
        while (failures < 60) {
            r = ItSupport.get(base, "/api/v1/notifications", "Authorization",
                    ItSupport.basic("nobody-" + failures, "wrong-password-" + failures));
            failures++;
            if (r.status() == 429) {
                break;
            }
            assertEquals(401, r.status(), r.body());
            answered++;
        }
        assertTooManyRequests(r);
        assertEquals(40, answered, "40 more failures are answered, then the address has had its 50");
        assertEquals(51, failures, "the 51st attempt is refused");
        // now even a right password from this address waits
        assertTooManyRequests(ItSupport.get(base, "/api/v1/notifications", "Authorization",
                ItSupport.basic("resident", ItSupport.DEMO_PASSWORD)));
        // and the login page says so, in the visitor's language
        for (String[] lang : new String[][]{{"en", "Too many failed sign-ins"}, {"es", "Demasiados intentos"}}) {
            HttpResponse<String> page = new WebSession(base).language(lang[0]).signIn("resident",
                    ItSupport.DEMO_PASSWORD);
            assertEquals(429, page.statusCode());
            assertTrue(page.headers().firstValue("Retry-After").isPresent());
            assertTrue(page.body().contains(lang[1]), lang[0] + ": " + page.body());
        }
    }
}
