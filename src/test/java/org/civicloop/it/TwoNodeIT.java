package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.load.BallotLoad;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two application servers on one PostgreSQL database (docs/operations.md, "Several servers"): node A is the
 * Arquillian PostgreSQL server, node B a second server started here from the built WAR with node A's sign-in secret.
 * A sign-in on A is honoured by B without A's HTTP session, a ballot cast on B counts on A, and a change made on A
 * reaches a projector connected to B over its WebSocket within seconds (PostgreSQL LISTEN/NOTIFY). Runs in the
 * PostgreSQL run only: with H2 there is only ever one server.
 */
@EnabledIfSystemProperty(named = "it.db", matches = "pg", disabledReason = "two servers need PostgreSQL")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TwoNodeIT {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private static SecondNode nodeB;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void startSecondNode() throws Exception {
        nodeB = SecondNode.start();
    }

    @AfterAll
    static void stopSecondNode() throws Exception {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private String a() {
        String b = base.toString();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    @Test
    void aChangeOnOneNodeReachesScreensOnTheOther() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Youth spaces fund");
        String facilitator = ItSupport.basic("facilitator", ItSupport.DEMO_PASSWORD);
        ItSupport.Reply created = ItSupport.postJson(base, "/api/v1/live/sessions",
                "{\"cycleId\":" + cycle + ",\"title\":\"Two nodes\"}", "Authorization", facilitator);
        assertEquals(200, created.status(), created.body());
        long session = created.json().getJsonNumber("sessionId").longValue();
        String key = created.json().getString("screenKey");

        Screen onB = Screen.open(nodeB.base(), key);
        Screen onA = Screen.open(a(), key);
        try {
            assertTrue(onB.next(10).contains("\"sessionId\":" + session), "node B sends the state on connect");
            onA.next(10);
            String title = "Round added on node A " + UUID.randomUUID();
            long t0 = System.nanoTime();
            ItSupport.Reply round = ItSupport.postJson(base, "/api/v1/live/sessions/" + session + "/rounds",
                    "{\"kind\":\"EVIDENCE\",\"title\":\"" + title + "\",\"minutes\":5}", "Authorization", facilitator);
            assertEquals(200, round.status(), round.body());

            String seenOnB = onB.awaitContaining(title, 5);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertNotNull(seenOnB, "a projector on node B shows the round added on node A within 5 s; node B log:\n"
                    + tail(nodeB.messages()));
            assertNotNull(onA.awaitContaining(title, 5), "and a projector on node A too");
            System.out.println("Two nodes: a change on A reached a screen on B in " + millis + " ms");
        } finally {
            onB.close();
            onA.close();
        }
    }

    @Test
    void aJuryDrawStartedOnOneNodeIsFollowedOnTheOther() throws Exception {
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        long id = ItSupport.recruitingCycle(base, officer, "Two-node draw " + System.nanoTime(), "Which paths get lit?",
                "Safer walks home", 10000, "Which paths", "More people walk after dark");
        String cy = "/api/v1/cycles/" + id + "/jury";
        java.net.URL b = URI.create(nodeB.base() + "/").toURL();
        assertEquals(200, ItSupport.putAs(base, cy + "/quotas", "text/csv",
                "feature,value,min,max\nage,young,1,2\nage,old,1,2\n", "Authorization", officer).status());
        StringBuilder people = new StringBuilder("id,name,age\n");
        for (int i = 1; i <= 8; i++) {
            people.append(i).append(",Person ").append(i).append(',').append(i % 2 == 0 ? "young" : "old").append('\n');
        }
        assertEquals(200, ItSupport.post(base, cy + "/people", "text/csv", people.toString(), "Authorization", officer)
                .status());
        assertEquals(201, ItSupport.postJson(base, cy + "/commitment", "{\"size\":3,\"seed\":\"two\"}",
                "Authorization", officer).status());
        assertEquals(404, ItSupport.get(b, cy + "/draw", "Authorization", officer).status(), "no draw yet");
        assertEquals(202, ItSupport.post(base, cy + "/draw", "application/json", "", "Authorization", officer)
                .status());
        ItSupport.Reply onB;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        do {
            onB = ItSupport.get(b, cy + "/draw", "Authorization", officer);
            assertEquals(200, onB.status(), "node B knows the draw node A started: " + onB.body());
        } while ("RUNNING".equals(onB.json().getString("state")) && System.nanoTime() < until);
        assertEquals("DONE", onB.json().getString("state"), onB.body());
        assertEquals(3, onB.json().getInt("drawn"));
        assertEquals(409, ItSupport.post(b, cy + "/draw", "application/json", "", "Authorization", officer).status(),
                "node B refuses a second draw");
    }

    @Test
    void aSignInOnOneNodeIsHonouredByTheOtherAndABallotCastThereCountsEverywhere() throws Exception {
        long cycle = ItSupport.cycleTitled(base, "Youth spaces fund");
        String name = "twonode" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String cookies = new BallotLoad(a()).signUp(name, 1, 1).get(0);
        String token = Arrays.stream(cookies.split("; ")).filter(c -> c.startsWith("CIVICLOOPAUTH="))
                .findFirst().orElseThrow(() -> new AssertionError("signing in set no CIVICLOOPAUTH cookie: " + cookies));

        assertEquals(401, get(nodeB.base(), "/api/v1/notifications", null).statusCode(),
                "without a cookie node B does not know the resident");
        String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertEquals(401, get(nodeB.base(), "/api/v1/notifications", forged).statusCode(),
                "a cookie whose signature does not match is not honoured");
        assertEquals(200, get(nodeB.base(), "/api/v1/notifications", token).statusCode(),
                "node B honours the signed sign-in cookie alone: no HTTP session of node A is needed, so the"
                        + " resident stays signed in when node A stops");
        assertEquals(200, get(nodeB.base(), "/api/v1/notifications", cookies).statusCode(),
                "and with every cookie node A set, as a browser behind a load balancer sends them");

        List<String> options = ItSupport.get(base, "/api/v1/cycles/" + cycle + "/options").array()
                .getValuesAs(JsonObject.class).stream().map(o -> o.getString("code")).toList();
        String ballot = "{\"channel\":\"RESIDENTS\",\"ranking\":[\"" + options.get(0) + "\"]}";
        HttpResponse<String> cast = post(nodeB.base(), "/api/v1/cycles/" + cycle + "/ballots", cookies, ballot);
        assertEquals(201, cast.statusCode(), cast.body());
        Matcher m = RECEIPT.matcher(cast.body());
        assertTrue(m.find(), cast.body());
        String receipt = m.group(1);

        HttpResponse<String> again = post(a(), "/api/v1/cycles/" + cycle + "/ballots", cookies, ballot);
        assertEquals(409, again.statusCode(), "node A knows the resident voted on node B: " + again.body());
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM ballot WHERE receipt = ?")) {
            ps.setString(1, receipt);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getLong(1), "the ballot cast on node B is stored once");
            }
        }
        JsonObject verdict = ItSupport.awaitChained(base);
        assertTrue(verdict.getBoolean("valid"), "the audit chain written by both nodes verifies: " + verdict);
        assertFalse(nodeB.messages().contains("CWWKS3005E"),
                "node B never tried to rebuild a sign-in from node A's Liberty token (own token cookie name)");

        // Signing out (on the server that rendered the page) expires the cookie every server honours.
        HttpResponse<String> home = get(a(), "/", cookies);
        Matcher form = Pattern.compile("<form[^>]*id=\"logoutForm\"[^>]*>").matcher(home.body());
        assertTrue(form.find(), "the signed-in page has a sign-out button");
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(form.group());
        Matcher state = VIEW_STATE.matcher(home.body().substring(form.start()));
        assertTrue(action.find() && state.find());
        HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(URI.create(a() + action.group(1)
                        .replace("&amp;", "&"))).header("Cookie", cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("logoutForm_SUBMIT=1&logoutForm%3Alogout=x"
                        + "&jakarta.faces.ViewState=" + URLEncoder.encode(state.group(1).replace("&#58;", ":")
                        .replace("&amp;", "&"), StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        // (Liberty writes Max-Age=0 as an Expires date in the past)
        assertTrue(out.headers().allValues("Set-Cookie").stream().anyMatch(h -> h.matches(
                        "(?i)CIVICLOOPAUTH=(\"\")?;.*(max-age=0|expires=thu, 01 dec 1994).*")),
                "signing out expires CIVICLOOPAUTH: HTTP " + out.statusCode() + " " + out.headers().map());
    }

    /**
     * The limit of the configuration (documented in docs/operations.md): Faces keeps each page's view state in the
     * server's memory, so a form rendered by node A and posted to node B is not processed; the visitor gets the
     * "page expired" page (not an error, nothing changed) and must reload. A load balancer needs sticky sessions for
     * the pages; the REST API and sign-in tokens need none.
     */
    @Test
    void aFormRenderedOnOneNodeAndPostedToTheOtherAsksForAReloadAndChangesNothing() throws Exception {
        HttpResponse<String> page = get(a(), "/register.xhtml", null);
        Matcher m = VIEW_STATE.matcher(page.body());
        assertTrue(m.find(), "the register page has a view state");
        String session = page.headers().allValues("Set-Cookie").stream().map(h -> h.split(";", 2)[0])
                .reduce((x, y) -> x + "; " + y).orElse(null);
        String username = "crossnode" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String form = "register_SUBMIT=1&register%3Ausername=" + username
                + "&register%3AdisplayName=Cross+node&register%3Aemail=&register%3Apassword="
                + URLEncoder.encode(BallotLoad.PASSWORD, StandardCharsets.UTF_8)
                + "&register%3Asubmit=Register&jakarta.faces.ViewState="
                + URLEncoder.encode(m.group(1).replace("&#58;", ":").replace("&amp;", "&"), StandardCharsets.UTF_8);
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(nodeB.base() + "/register.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            post.header("Cookie", session);
        }
        HttpResponse<String> posted = HTTP.send(post.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        System.out.println("Form from node A posted to node B: HTTP " + posted.statusCode());
        assertTrue(posted.body().contains("expired") || posted.body().contains("Expired"),
                "node B shows the page-expired page: HTTP " + posted.statusCode() + " " + tail(posted.body()));
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "nothing was registered");
            }
        }
    }

    private static HttpResponse<String> get(String base, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String base, String path, String cookie, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/json").header("X-CivicLoop-Request", "1")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String tail(String s) {
        return s.length() <= 3000 ? s : s.substring(s.length() - 3000);
    }

    /** A projector: a real WebSocket client on a server's /live/socket/{key}, keeping every message it receives. */
    private static final class Screen implements WebSocket.Listener {
        private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Screen open(String base, String key) throws Exception {
            Screen s = new Screen();
            s.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/live/socket/" + key), s)
                    .get(15, TimeUnit.SECONDS);
            return s;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        String next(int seconds) throws InterruptedException {
            String m = messages.poll(seconds, TimeUnit.SECONDS);
            assertNotNull(m, "a state arrives");
            assertFalse(m.isBlank());
            return m;
        }

        /** The first message within the time that contains the text, or null. */
        String awaitContaining(String text, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String m = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (m != null && m.contains(text)) {
                    return m;
                }
            }
            return null;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
