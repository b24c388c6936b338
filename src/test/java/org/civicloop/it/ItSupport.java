package org.civicloop.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What every integration test needs: the packaged WAR, an HTTP client, and a direct line to the database. */
public final class ItSupport {

    public static final String DEMO_PASSWORD = "civicloop-demo";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ItSupport() {
    }

    /** The application exactly as `mvn package` built it. */
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/civicloop.war"));
    }

    public static String db() {
        return System.getProperty("it.db", "h2");
    }

    /** A JDBC connection to the database the server under test uses (H2 is opened in AUTO_SERVER mode). */
    public static Connection connect() throws SQLException {
        if ("pg".equals(db())) {
            return DriverManager.getConnection(System.getProperty("it.pg.url"), System.getProperty("it.pg.user"), "");
        }
        return DriverManager.getConnection(System.getProperty("it.h2.url"), "civicloop", "civicloop");
    }

    public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }
    }

    /**
     * The id of the newest published demo cycle in this phase (the demo has one CLOSED, one VOTE, one RECRUIT); cycles
     * that tests open and move on (OfficerJourneyIT closes one) are not demo cycles.
     */
    public static long cycleInPhase(URL base, String phase) throws Exception {
        for (jakarta.json.JsonObject c : get(base, "/api/v1/cycles").array().getValuesAs(jakarta.json.JsonObject.class)) {
            long id = c.getJsonNumber("id").longValue();
            if (c.getString("phase").equals(phase) && get(base, "/api/v1/cycles/" + id).json().getBoolean("demo")) {
                return id;
            }
        }
        throw new java.util.NoSuchElementException("no demo cycle in " + phase);
    }

    public static long cycleTitled(URL base, String title) throws Exception {
        return cycleWhere(base, "title", title);
    }

    private static long cycleWhere(URL base, String field, String value) throws Exception {
        return get(base, "/api/v1/cycles").array().getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(c -> c.getString(field).equals(value)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    /**
     * Writes the jvm.options of a test server of our own (CrashSafetyIT's, SecondNode's): the application's, plus the
     * quick compiler only, as for the Arquillian servers (arquillian.xml): a server that lives minutes never earns
     * back the optimising compiler's work (it was half such a server's CPU time).
     */
    static void writeJvmOptions(Path serverDir) throws IOException {
        Files.writeString(serverDir.resolve("jvm.options"), Files.readString(Path.of("liberty/jvm.options")).strip()
                + "\n-XX:TieredStopAtLevel=1\n");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static Reply get(URL base, String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(uri(base, path)).GET(), headers);
    }

    /**
     * Opens a cycle as {@code officerAuth} (an Authorization header value) with a complete mandate (one OPEN decision
     * item, one outcome criterion) and moves it on to RECRUIT; answers its id. The texts name what the test is about.
     */
    public static long recruitingCycle(URL base, String officerAuth, String title, String question, String purpose,
                                       long budget, String decisionItem, String criterion) throws Exception {
        String mandate = "{\"title\":\"" + title + "\",\"currency\":\"GBP\",\"question\":\"" + question + "\","
                + "\"purpose\":\"" + purpose + "\",\"accountableOfficer\":\"Alex Officer\",\"budgetAmount\":" + budget
                + ",\"ladderLevel\":\"EMPOWER\",\"countingRule\":\"GREEDY\",\"valueCells\":[\"OUR_WELLBEING\"],"
                + "\"feedbackPromiseDate\":\"" + java.time.LocalDate.now().plusDays(45)
                + "\",\"feedbackPromiseHow\":\"A report on the website\"}";
        Reply r = postJson(base, "/api/v1/cycles", "{\"council\":\"Test Council\",\"mandate\":" + mandate + "}",
                "Authorization", officerAuth);
        org.junit.jupiter.api.Assertions.assertEquals(201, r.status(), r.body());
        long id = r.json().getJsonNumber("id").longValue();
        org.junit.jupiter.api.Assertions.assertEquals(200, postJson(base, "/api/v1/cycles/" + id + "/decision-items",
                "{\"title\":\"" + decisionItem + "\",\"status\":\"OPEN\"}", "Authorization", officerAuth).status());
        org.junit.jupiter.api.Assertions.assertEquals(200, postJson(base, "/api/v1/cycles/" + id + "/success-criteria",
                "{\"kind\":\"OUTCOME\",\"description\":\"" + criterion + "\"}", "Authorization", officerAuth).status());
        org.junit.jupiter.api.Assertions.assertEquals(200, postJson(base, "/api/v1/cycles/" + id + "/advance",
                "{\"from\":\"AUTHORISE\"}", "Authorization", officerAuth).status());
        return id;
    }

    public static Reply postJson(URL base, String path, String json, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(uri(base, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public static Reply post(URL base, String path, String contentType, String body, String... headers)
            throws Exception {
        return send(HttpRequest.newBuilder(uri(base, path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    public static Reply put(URL base, String path, String json, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(uri(base, path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    public static Reply putAs(URL base, String path, String contentType, String body, String... headers)
            throws Exception {
        return send(HttpRequest.newBuilder(uri(base, path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    /**
     * Waits (at most 20 s) until the audit queue is empty, i.e. every busy action's entry (ballots, live inputs) has
     * been chained, and answers the verifier's verdict then.
     */
    public static jakarta.json.JsonObject awaitChained(URL base) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            Reply r = get(base, "/api/v1/audit/verify");
            if (r.status() == 429) {
                Thread.sleep(1000);
                continue;
            }
            jakarta.json.JsonObject verdict = r.json();
            if (verdict.getJsonNumber("queued").longValue() == 0 || System.nanoTime() > until) {
                return verdict;
            }
            Thread.sleep(100);
        }
    }

    /**
     * The full verification of the audit chain (every entry and every audited row), which officers ask for; the
     * public GET /api/v1/audit/verify only checks what was appended since its last check (docs/audit.md).
     */
    public static jakarta.json.JsonObject fullVerify(URL base) throws Exception {
        // Full checks are rate-limited per account (10 a minute): the demo's three staff accounts that may ask take
        // turns, and a suite that asks for more than they have waits for a token.
        Reply r = null;
        for (int waited = 0; waited <= 60; waited++) {
            for (String staff : FULL_CHECKERS) {
                r = get(base, "/api/v1/audit/verify?full=true", "Authorization", basic(staff, DEMO_PASSWORD));
                if (r.status() != 429) {
                    break;
                }
            }
            if (r.status() != 429) {
                break;
            }
            Thread.sleep(1000);
        }
        if (r.status() != 200) {
            throw new AssertionError("full verification: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** The demo's accounts that may ask for the full audit check: an officer, the administrator, the reviewer. */
    private static final List<String> FULL_CHECKERS = List.of("officer", "demo-admin", "reviewer");

    private static URI uri(URL base, String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    private static Reply send(HttpRequest.Builder builder, String... headers) throws Exception {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(builder.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers());
    }

    /**
     * Sets the language kept on an account (null for none) straight in the database, and answers the one it had. A
     * kept language wins over the browser's, and earlier tests may have kept one: a test that reads pages in a given
     * language sets it aside and puts it back as it was, so the account row still matches its audit entry.
     */
    public static String keptLanguage(String username, String locale) throws Exception {
        try (Connection c = connect()) {
            String before;
            try (var ps = c.prepareStatement("SELECT locale FROM account WHERE username = ?")) {
                ps.setString(1, username);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    before = rs.getString(1);
                }
            }
            try (var ps = c.prepareStatement("UPDATE account SET locale = ? WHERE username = ?")) {
                ps.setString(1, locale);
                ps.setString(2, username);
                ps.executeUpdate();
            }
            return before;
        }
    }

    /**
     * Registers a new resident through the sign-up page and answers the user name (unique per run and database): for
     * tests that lock, rate-limit or otherwise use up an account, so that no shared demo account is left locked for
     * the tests after them.
     */
    static String registerResident(URL base, String prefix, String password) throws Exception {
        return registerResident(base, prefix, password, null);
    }

    /** As above, with an e-mail address ({@code @} and a domain appended to the user name; null: none). */
    static String registerResident(URL base, String prefix, String password, String emailDomain) throws Exception {
        String username = prefix + db() + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        WebSession web = new WebSession(base);
        String state = WebSession.viewState(web.get("/register.xhtml").body());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("register_SUBMIT", "1");
        f.put("register:username", username);
        f.put("register:displayName", "Test resident");
        f.put("register:email", emailDomain == null ? "" : username + "@" + emailDomain);
        f.put("register:password", password);
        f.put("register:submit", "Register");
        f.put("jakarta.faces.ViewState", state);
        HttpResponse<String> r = web.postForm("/register.xhtml", f);
        if (r.statusCode() != 302) {
            throw new AssertionError("could not register " + username + ": " + r.statusCode());
        }
        return username;
    }
}
