package org.civicloop.it;

import static org.civicloop.it.ItSupport.basic;
import static org.civicloop.it.ItSupport.get;
import static org.civicloop.it.ItSupport.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.civicloop.kernel.Messages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The public REST API, the cycle's phase rules and the operational endpoints, against the real server and
 * database (run once on H2 and once on PostgreSQL).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    private static final String OFFICER = basic("officer", ItSupport.DEMO_PASSWORD);
    private static final String CSRF = "X-CivicLoop-Request";

    /**
     * The server's civicloop.password.iterations (set by bootstrap.properties, as an operator would) is what new
     * password hashes use: the demo accounts, made at the first start, name that count in their stored hash.
     */
    @Test
    void passwordHashesUseTheConfiguredIterations() throws Exception {
        try (java.sql.Connection c = ItSupport.connect();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM account WHERE username = ?")) {
            ps.setString(1, "resident01");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the demo resident exists");
                assertTrue(rs.getString(1).startsWith("PBKDF2WithHmacSHA256:"
                        + System.getProperty("it.password.iterations") + ":"), rs.getString(1));
            }
        }
    }

    @Test
    void listsPublishedCyclesOnlyWithIdTitleAndPhase() throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/cycles");
        assertEquals(200, r.status());
        JsonArray cycles = r.array();
        List<String> titles = cycles.getValuesAs(JsonObject.class).stream().map(c -> c.getString("title")).toList();
        assertTrue(titles.contains("Greener streets 2026"), titles.toString());
        assertTrue(titles.contains("Youth spaces fund"), titles.toString());
        assertFalse(titles.contains("Community safety pot"), "an unpublished draft must not be listed: " + titles);
        JsonObject greener = cycles.getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("title").equals("Greener streets 2026")).findFirst().orElseThrow();
        assertEquals("CLOSED", greener.getString("phase"));
        assertTrue(greener.getJsonNumber("id").longValue() > 0);
    }

    @Test
    void aPublishedCycleShowsItsMandateAndTimeline() throws Exception {
        long id = idOf("Greener streets 2026");
        JsonObject c = get(base, "/api/v1/cycles/" + id).json();
        assertEquals("GBP", c.getJsonObject("mandate").getString("currency"));
        assertEquals(120_000, c.getJsonObject("mandate").getJsonNumber("budgetAmount").longValue());
        assertEquals(9, c.getJsonArray("timeline").size(), "one step per phase");
        assertTrue(c.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
                .noneMatch(t -> t.isNull("startedAt")), "a closed cycle has started every phase");
        assertEquals("EMPOWER", c.getJsonObject("mandate").getString("ladderLevel"));
        assertTrue(c.getJsonArray("decisionItems").getValuesAs(JsonObject.class).stream()
                .anyMatch(i -> i.getString("status").equals("FIXED") && !i.getString("reason").isBlank()));
    }

    @Test
    void unknownThingsAnswerProblemDetails() throws Exception {
        ItSupport.Reply r = get(base, "/api/v1/cycles/987654321");
        assertEquals(404, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(404, r.json().getInt("status"));
        assertTrue(r.json().containsKey("title"));
        assertTrue(r.json().containsKey("detail"));
    }

    @Test
    void problemDetailsSpeakTheReadersLanguageAndNameTheRefusal() throws Exception {
        java.util.Locale es = java.util.Locale.forLanguageTag("es");
        ItSupport.Reply unknown = get(base, "/api/v1/cycles/987654321", "Accept-Language", "es-ES,es;q=0.9");
        assertEquals(404, unknown.status());
        assertEquals("No encontrado", unknown.json().getString("title"), unknown.body());

        ItSupport.Reply csrf = postJson(base, "/api/v1/cycles/1/advance", "{\"from\":\"AUTHORISE\"}",
                "Accept-Language", "es");
        assertEquals(403, csrf.status());
        assertEquals("Prohibido", csrf.json().getString("title"));
        assertEquals(Messages.format(es, "problem.detail.csrf", CSRF), csrf.json().getString("detail"));

        ItSupport.Reply invalid = postJson(base, "/api/v1/cycles?lang=es",
                "{\"council\":\"C\",\"mandate\":{\"title\":\"\",\"currency\":\"GBP\"}}", "Authorization", OFFICER,
                "Accept-Language", "en");
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("Datos no válidos", invalid.json().getString("title"), "?lang wins over Accept-Language");
        assertTrue(invalid.json().getString("detail").startsWith("title: ") && invalid.json().getString("detail")
                .contains("no debe"), "the constraint's own message in Spanish: " + invalid.body());

        long recruiting = idOf("Library opening hours");
        ItSupport.Reply noJury = postJson(base, "/api/v1/cycles/" + recruiting + "/advance", "{\"from\":\"RECRUIT\"}",
                "Authorization", OFFICER, "Accept-Language", "es");
        assertEquals(409, noJury.status(), noJury.body());
        String code = noJury.json().getString("code");
        assertTrue(code.startsWith("refused."), noJury.body());
        assertEquals("Conflicto", noJury.json().getString("title"));
        assertTrue(noJury.json().getString("detail").contains("jurado"), noJury.body());
        ItSupport.Reply sameInEnglish = postJson(base, "/api/v1/cycles/" + recruiting + "/advance",
                "{\"from\":\"RECRUIT\"}", "Authorization", OFFICER);
        assertEquals(code, sameInEnglish.json().getString("code"), "the code does not change with the language");
        assertTrue(sameInEnglish.json().getString("detail").contains("jury"), sameInEnglish.body());

        ItSupport.Reply anonymous = postJson(base, "/api/v1/cycles", "{}", CSRF, "1", "Accept-Language", "es");
        assertEquals(401, anonymous.status(), anonymous.body());
        assertEquals("No autenticado", anonymous.json().getString("title"), anonymous.body());
        assertEquals(Messages.format(es, "problem.detail.401"), anonymous.json().getString("detail"));
    }

    @Test
    void openingACycleNeedsAnOfficerAndTheCsrfHeader() throws Exception {
        String body = "{\"council\":\"Test Council\",\"mandate\":{\"title\":\"API test cycle\",\"currency\":\"GBP\"}}";
        assertEquals(401, postJson(base, "/api/v1/cycles", body, CSRF, "1").status(), "anonymous");
        assertEquals(403, postJson(base, "/api/v1/cycles", body,
                "Authorization", basic("resident", ItSupport.DEMO_PASSWORD)).status(), "a resident");
        assertEquals(401, postJson(base, "/api/v1/cycles", body,
                "Authorization", basic("officer", "wrong-password!")).status(), "a wrong password");
        ItSupport.Reply created = postJson(base, "/api/v1/cycles", body, "Authorization", OFFICER);
        assertEquals(201, created.status(), created.body());
        assertEquals("AUTHORISE", created.json().getString("phase"));
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndChangesNothing() throws Exception {
        int before = get(base, "/api/v1/audit/verify").json().getInt("entries");
        ItSupport.Reply malformed = postJson(base, "/api/v1/cycles", "{\"title\": ", "Authorization", OFFICER);
        assertEquals(400, malformed.status(), malformed.body());
        ItSupport.Reply invalid = postJson(base, "/api/v1/cycles",
                "{\"council\":\"C\",\"mandate\":{\"title\":\"\",\"currency\":\"GBP\"}}", "Authorization", OFFICER);
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.json().getString("detail").contains("title"), invalid.body());
        ItSupport.Reply currency = postJson(base, "/api/v1/cycles",
                "{\"council\":\"C\",\"mandate\":{\"title\":\"T\",\"currency\":\"XXY\"}}", "Authorization", OFFICER);
        assertEquals(400, currency.status(), currency.body());
        assertEquals(before, get(base, "/api/v1/audit/verify").json().getInt("entries"));
    }

    @Test
    void facilitatorsMoveOnOnlyThePhasesTheyRun() throws Exception {
        long recruiting = idOf("Library opening hours");
        ItSupport.Reply facilitator = postJson(base, "/api/v1/cycles/" + recruiting + "/advance",
                "{\"from\":\"RECRUIT\"}", "Authorization", basic("facilitator", ItSupport.DEMO_PASSWORD));
        assertEquals(403, facilitator.status(), facilitator.body());
        ItSupport.Reply resident = postJson(base, "/api/v1/cycles/" + recruiting + "/advance",
                "{\"from\":\"RECRUIT\"}", "Authorization", basic("resident", ItSupport.DEMO_PASSWORD));
        assertEquals(403, resident.status(), resident.body());
        ItSupport.Reply noJury = postJson(base, "/api/v1/cycles/" + recruiting + "/advance",
                "{\"from\":\"RECRUIT\"}", "Authorization", OFFICER);
        assertEquals(409, noJury.status(), "no jury drawn yet: " + noJury.body());
        assertTrue(noJury.json().getString("detail").contains("jury"), noJury.body());
        assertEquals("RECRUIT", get(base, "/api/v1/cycles/" + recruiting).json().getString("phase"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        // An account of its own: a demo resident locked here would stay locked for the tests after this one.
        String user = ItSupport.registerResident(base, "locked", "lockout-test-password");
        String wrong = basic(user, "not-the-password");
        String right = basic(user, "lockout-test-password");
        String body = "{\"channel\":\"RESIDENTS\",\"ranking\":[\"nothing\"]}";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, postJson(base, "/api/v1/cycles/1/ballots", body, "Authorization", wrong).status());
        }
        ItSupport.Reply locked = postJson(base, "/api/v1/cycles/1/ballots", body, "Authorization", right);
        assertEquals(401, locked.status(), "locked even with the right password: " + locked.body());
        assertTrue(locked.json().getString("detail").contains("locked"), locked.body());
    }

    @Test
    void stateChangingCallsWithoutCredentialsOrCsrfHeaderAreRefused() throws Exception {
        ItSupport.Reply r = postJson(base, "/api/v1/cycles/1/advance", "{\"from\":\"AUTHORISE\"}");
        assertEquals(403, r.status(), r.body());
        assertTrue(r.json().getString("detail").contains("CSRF"), r.body());
    }

    @Test
    void healthOpenApiAndMetricsAreServed() throws Exception {
        ItSupport.Reply ready = get(base, "/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertEquals("UP", ready.json().getString("status"));
        ItSupport.Reply openapi = get(base, "/openapi");
        assertEquals(200, openapi.status());
        for (String path : List.of("/api/v1/cycles:", "/api/v1/cycles/{id}:", "/api/v1/cycles/{id}/advance:",
                "/api/v1/cycles/{id}/mandate:", "/api/v1/cycles/{id}/amendments:", "/api/v1/cycles/{id}/decision-items:",
                "/api/v1/cycles/{id}/success-criteria:", "/api/v1/cycles/{id}/criteria-override:",
                "/api/v1/audit/verify:", "/api/v1/audit/entries:")) {
            assertTrue(openapi.body().contains(path), "OpenAPI documents " + path);
        }
        assertEquals(200, get(base, "/metrics").status());
    }

    @Test
    void pagesCarrySecurityHeaders() throws Exception {
        ItSupport.Reply r = get(base, "/login.xhtml");
        assertEquals(200, r.status());
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CIVICLOOPSESSION"))
                .findFirst().orElse("");
        // the login page keeps its form's state in the session: the cookie is always there to check
        assertTrue(cookie.contains("HttpOnly"), "the session cookie is sent and HttpOnly: " + cookie);
        assertTrue(cookie.contains("SameSite=Lax"), "the session cookie is SameSite=Lax: " + cookie);
    }

    /** Every cookie a sign-in sets (session, LTPA token, CIVICLOOPAUTH, Faces flash) is HttpOnly and SameSite. */
    @Test
    void signInCookiesAreHttpOnlyAndSameSite() throws Exception {
        WebSession web = new WebSession(base);
        java.net.http.HttpResponse<String> r = web.signIn("officer", ItSupport.DEMO_PASSWORD);
        assertEquals(302, r.statusCode());
        List<String> cookies = r.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("CIVICLOOPAUTH=")), "sign-in cookie set: " + cookies);
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("LtpaToken2=")), "LTPA cookie set: " + cookies);
        for (String c : cookies) {
            assertTrue(c.contains("HttpOnly"), "HttpOnly: " + c);
            // ours are Lax; MyFaces' flash cookie is Strict, which is stricter still
            assertTrue(c.contains("SameSite=Lax") || c.contains("SameSite=Strict"), "SameSite: " + c);
        }
        assertTrue(cookies.stream().filter(c -> c.startsWith("LtpaToken2=") || c.startsWith("CIVICLOOPAUTH="))
                .allMatch(c -> c.contains("SameSite=Lax")), "the sign-in cookies are SameSite=Lax: " + cookies);
    }

    /**
     * Over HTTPS every cookie of a visit and a sign-in is HttpOnly and SameSite, and every cookie set through the
     * application's response is Secure ({@code SecureCookies}): CIVICLOOPAUTH, Faces' flash cookie, and Liberty's
     * LtpaToken2, which a sign-in on the page adds to the page's response.
     * Liberty adds the session cookie to its own response, beyond any filter's reach, and makes it Secure only by
     * configuration (civicloop.cookie.secure, off on the test servers): it is Secure exactly when that says so. Over
     * plain HTTP (the local default) no cookie is Secure, or a browser would not send it back there. What came out is
     * written to target/https-cookies-{h2,pg}.txt (docs/security.md).
     */
    @Test
    void overHttpsEveryCookieTheApplicationSetsIsSecure() throws Exception {
        WebSession web = WebSession.overHttps(base);
        List<String> cookies = new java.util.ArrayList<>();
        java.net.http.HttpResponse<String> page = web.get("/login.xhtml");
        assertEquals(200, page.statusCode());
        cookies.addAll(page.headers().allValues("Set-Cookie"));
        java.net.http.HttpResponse<String> r = web.signIn("officer", ItSupport.DEMO_PASSWORD);
        assertEquals(302, r.statusCode(), "signed in over HTTPS");
        cookies.addAll(r.headers().allValues("Set-Cookie"));
        WebSession plain = new WebSession(base);
        List<String> overHttp = new java.util.ArrayList<>(plain.get("/login.xhtml").headers().allValues("Set-Cookie"));
        overHttp.addAll(plain.signIn("officer", ItSupport.DEMO_PASSWORD).headers().allValues("Set-Cookie"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "https-cookies-" + ItSupport.db() + ".txt"),
                "HTTPS:\n" + String.join("\n", cookies) + "\nHTTP:\n" + String.join("\n", overHttp) + "\n");

        for (String name : List.of("CIVICLOOPSESSION=", "LtpaToken2=", "CIVICLOOPAUTH=")) {
            assertTrue(cookies.stream().anyMatch(c -> c.startsWith(name)), name + " set over HTTPS: " + cookies);
        }
        for (String c : cookies) {
            assertTrue(c.contains("HttpOnly"), "HttpOnly: " + c);
            assertTrue(c.contains("SameSite=Lax") || c.contains("SameSite=Strict"), "SameSite: " + c);
            boolean secure = c.contains("; Secure");
            if (c.startsWith("CIVICLOOPSESSION=")) {
                assertFalse(secure, "the session cookie is Secure only when civicloop.cookie.secure is on: " + c);
            } else {
                assertTrue(secure, "Secure over HTTPS: " + c);
            }
        }
        assertTrue(cookies.stream().filter(c -> c.startsWith("CIVICLOOPAUTH=")).allMatch(c -> c.contains("; Secure")),
                "the sign-in cookie is Secure over HTTPS: " + cookies);
        assertTrue(overHttp.stream().anyMatch(c -> c.startsWith("LtpaToken2=")), "LTPA over HTTP: " + overHttp);
        assertTrue(overHttp.stream().noneMatch(c -> c.contains("; Secure")), "nothing Secure over HTTP: " + overHttp);
    }

    @Test
    void protectedPagesSendVisitorsToSignIn() throws Exception {
        ItSupport.Reply officerPage = get(base, "/officer/cycles.xhtml");
        assertEquals(302, officerPage.status());
        ItSupport.Reply home = get(base, "/");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Greener streets 2026"));
    }

    private long idOf(String title) throws Exception {
        return get(base, "/api/v1/cycles").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("title").equals(title)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }
}
