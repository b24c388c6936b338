package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicloop.kernel.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may call what. Every REST operation of the live OpenAPI document and every Faces view in src/main/webapp is
 * tried as each demo person (anonymous, resident, juror, facilitator, officer, admin) and must answer as the
 * classification tables below say. An operation or a view missing from a table fails the test: whoever adds one
 * decides who may use it. State-changing calls carry a body the API refuses (or unknown ids), so an allowed
 * person is refused as bad input and a forbidden one by the access check: the database must not change at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /** The people of the matrix: the demo accounts (README) and their roles. */
    enum Who {
        ANONYMOUS(null, Set.of()),
        RESIDENT("resident", Set.of(Role.RESIDENT)),
        JUROR("juror", Set.of(Role.RESIDENT, Role.JUROR)),
        FACILITATOR("facilitator", Set.of(Role.FACILITATOR)),
        OFFICER("officer", Set.of(Role.OFFICER)),
        ADMIN("demo-admin", Set.of(Role.ADMIN));

        final String username;
        final Set<Role> roles;

        Who(String username, Set<Role> roles) {
            this.username = username;
            this.roles = roles;
        }
    }

    private static final Set<Role> ANYONE = null;
    private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    private static final Set<Role> PARTICIPANTS = EnumSet.of(Role.RESIDENT, Role.JUROR);
    private static final Set<Role> STAFF = EnumSet.of(Role.FACILITATOR, Role.OFFICER, Role.ADMIN);
    private static final Set<Role> OFFICERS = EnumSet.of(Role.OFFICER, Role.ADMIN);
    private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    /** Every REST operation and who may call it (null = anyone, also without signing in). */
    private static final Map<String, Set<Role>> API = new TreeMap<>();

    private static void api(Set<Role> who, String... operations) {
        for (String op : operations) {
            API.put(op, who);
        }
    }

    static {
        String c = "/api/v1/cycles";
        String cy = c + "/{id}";
        api(ANYONE, "GET " + c, "GET " + cy, "GET " + cy + "/options", "GET " + cy + "/jury",
                "GET " + cy + "/jury/quotas.csv", "GET " + cy + "/jury/pool.csv", "GET " + cy + "/results", "GET " + cy + "/recount",
                "GET " + cy + "/ballots.pb", "GET " + cy + "/ballots-residents.pb", "GET " + cy + "/ballots",
                "GET " + cy + "/ballots.csv", "GET " + cy + "/ballot-box", "GET " + cy + "/ballots/{receipt}/proof");
        api(OFFICERS, "POST " + c, "PUT " + cy + "/mandate", "POST " + cy + "/amendments",
                "POST " + cy + "/decision-items", "POST " + cy + "/success-criteria",
                "POST " + cy + "/criteria-override", "POST " + cy + "/jury/test-panel");
        // jury: imported people are personal data (officers only), and so are the draw's controls
        api(OFFICERS, "PUT " + cy + "/jury/quotas", "POST " + cy + "/jury/people", "GET " + cy + "/jury/people.csv",
                "PUT " + cy + "/jury/household", "POST " + cy + "/jury/commitment", "POST " + cy + "/jury/draw",
                "GET " + cy + "/jury/draw", "POST " + cy + "/jury/retention");
        // letter rounds: the address list, the letters and their codes are personal data (officers only)
        api(OFFICERS, "PUT " + cy + "/jury/volunteering", "POST " + cy + "/jury/letters/addresses",
                "POST " + cy + "/jury/letters/commitment", "POST " + cy + "/jury/letters/draw",
                "GET " + cy + "/jury/letters.csv");
        api(PARTICIPANTS, "POST " + cy + "/jury/volunteers");
        api(STAFF, "POST " + cy + "/advance");
        api(PARTICIPANTS, "POST " + cy + "/ballots");
        // paper ballots
        String pb = cy + "/paper-batches";
        api(OFFICERS, "GET " + pb, "GET " + pb + "/{batch}", "POST " + pb, "PUT " + pb + "/{batch}/sheets/{sheet}",
                "POST " + pb + "/{batch}/resolutions/{sheet}", "POST " + pb + "/{batch}/acceptance",
                "POST " + pb + "/issued", "POST " + pb + "/scans");
        // evidence
        String ev = cy + "/evidence";
        api(ANYONE, "GET " + ev, "GET " + ev + "/search", "GET " + ev + "/items/{itemId}/versions",
                "GET " + ev + "/items/{itemId}/diff", "GET " + ev + "/attachments/{attachmentId}",
                "GET " + ev + "/questions");
        api(OFFICERS, "POST " + ev + "/items", "PUT " + ev + "/items/{itemId}", "POST " + ev + "/items/{itemId}/withdraw",
                "POST " + ev + "/attachments", "GET " + ev + "/packs", "POST " + ev + "/review",
                "POST " + ev + "/review/approve", "POST " + ev + "/review/reject");
        api(STAFF, "GET " + ev + "/questions/queue", "POST " + ev + "/questions/{questionId}/accept",
                "POST " + ev + "/questions/{questionId}/merge", "POST " + ev + "/questions/{questionId}/reject",
                "POST " + ev + "/questions/{questionId}/answer", "GET " + ev + "/progress");
        api(PARTICIPANTS, "GET " + ev + "/questions/mine", "POST " + ev + "/items/{itemId}/questions",
                "POST " + ev + "/items/{itemId}/read");
        // deliberation: preference shift and jury day
        String sh = cy + "/shift";
        api(ANYONE, "GET " + sh, "GET " + sh + "/questions", "GET " + sh + "/residents");
        api(PARTICIPANTS, "POST " + sh + "/answers");
        String live = "/api/v1/live";
        api(STAFF, "POST " + live + "/sessions", "POST " + live + "/sessions/{id}/rounds",
                "POST " + live + "/sessions/{id}/end", "GET " + live + "/sessions/{id}/console",
                "POST " + live + "/rounds/{roundId}/control", "POST " + live + "/questions/{questionId}/decision",
                "POST " + live + "/hands/{handId}/lower");
        api(ANYONE, "GET " + live + "/screens/{key}");
        api(PARTICIPANTS, "POST " + live + "/join", "GET " + live + "/sessions/{id}/me",
                "POST " + live + "/rounds/{roundId}/answers", "POST " + live + "/sessions/{id}/questions",
                "POST " + live + "/sessions/{id}/hand");
        // feedback
        String rec = cy + "/recommendations";
        api(STAFF, "GET " + rec, "POST " + rec);
        api(OFFICERS, "PUT " + rec + "/{rid}/response", "POST " + rec + "/{rid}/signoff");
        String rep = cy + "/report";
        api(ANYONE, "GET " + rep, "GET " + rep + "/versions", "GET " + rep + "/versions/{version}", "GET " + rep + "/pdf",
                "GET " + rep + "/responses.csv");
        api(OFFICERS, "POST " + rep, "POST " + rep + "/corrections");
        api(OFFICERS, "GET /api/v1/feedback/overdue", "GET /api/v1/feedback/dashboard",
                "GET /api/v1/feedback/deliveries");
        api(SIGNED_IN, "GET /api/v1/notifications", "GET /api/v1/notifications/preferences",
                "PUT /api/v1/notifications/preferences", "POST /api/v1/notifications/{nid}/read");
        // measure
        String out = cy + "/outcomes";
        api(ANYONE, "GET " + out, "GET " + out + "/readings.csv", "GET " + out + "/metrics");
        api(OFFICERS, "POST " + out + "/objectives", "POST " + out + "/objectives/{objectiveId}/indicators",
                "POST " + out + "/objectives/{objectiveId}/publish", "POST " + out + "/readings");
        api(SIGNED_IN, "POST " + out + "/trust");
        // residents' proposals
        String pp = cy + "/proposals";
        api(ANYONE, "GET " + pp, "GET " + pp + "/settings");
        api(PARTICIPANTS, "POST " + pp, "POST " + pp + "/{pid}/support", "DELETE " + pp + "/{pid}/support");
        api(SIGNED_IN, "POST " + pp + "/{pid}/reports", "GET " + pp + "/{pid}/mail", "PUT " + pp + "/{pid}/mail");
        api(OFFICERS, "PUT " + pp + "/settings", "POST " + pp + "/{pid}/merge", "POST " + pp + "/{pid}/assessment",
                "POST " + pp + "/{pid}/selection", "POST " + pp + "/{pid}/hide");
        api(ANYONE, "GET " + pp + "/{pid}/photo", "GET " + pp + "/{pid}/photo/thumbnail");
        api(PARTICIPANTS, "PUT " + pp + "/{pid}/photo");
        api(OFFICERS, "POST " + pp + "/{pid}/photo/hide");
        String comments = pp + "/{pid}/comments";
        api(ANYONE, "GET " + comments);
        api(PARTICIPANTS, "POST " + comments);
        api(SIGNED_IN, "POST " + comments + "/{cid}/reports");
        api(OFFICERS, "POST " + comments + "/{cid}/hide");
        // eligibility: the electorate is public, the census, codes and in-person checks officers' only
        String el = cy + "/electorate";
        api(ANYONE, "GET " + el);
        api(SIGNED_IN, "GET " + el + "/verification");
        api(PARTICIPANTS, "POST " + el + "/verification");
        api(OFFICERS, "PUT " + el, "PUT " + el + "/census", "POST " + el + "/codes", "POST " + el + "/in-person");
        // district budgets: the list is public; defining budgets and their options is officers' work
        api(ANYONE, "GET " + cy + "/budgets");
        api(OFFICERS, "POST " + cy + "/budgets", "POST " + cy + "/budgets/{code}/options");
        // audit
        api(ANYONE, "GET /api/v1/audit/verify", "GET /api/v1/audit/entries", "GET /api/v1/audit/key",
                "GET /api/v1/audit/checkpoints", "GET /api/v1/audit/checkpoints/latest");
    }

    /** Every Faces view (path under src/main/webapp) and who may open it (null = anyone). */
    private static final Map<String, Set<Role>> VIEWS = new TreeMap<>();

    /**
     * What a view is opened with, so that an allowed person sees the page itself (200) rather than "not found":
     * {greener} = the closed demo cycle, {youth} = the one voting, {item} = a published evidence item of the closed
     * cycle, {session} = the voting cycle's jury session.
     */
    private static final Map<String, String> VIEW_QUERY = Map.ofEntries(
            Map.entry("/outcomes.xhtml", "?cycle={greener}"), Map.entry("/report.xhtml", "?cycle={greener}"),
            Map.entry("/evidence-history.xhtml", "?item={item}"), Map.entry("/cycle.xhtml", "?id={greener}"),
            Map.entry("/evidence.xhtml", "?id={greener}"), Map.entry("/discuss.xhtml", "?id={youth}"),
            Map.entry("/account/vote.xhtml", "?id={youth}"), Map.entry("/account/opinions.xhtml", "?id={youth}"),
            Map.entry("/facilitator/session.xhtml", "?id={session}"),
            Map.entry("/facilitator/console.xhtml", "?id={youth}"),
            Map.entry("/facilitator/evidence.xhtml", "?id={youth}"),
            Map.entry("/officer/cycle.xhtml", "?id={youth}"), Map.entry("/officer/evidence.xhtml", "?id={youth}"),
            Map.entry("/officer/measure.xhtml", "?id={greener}"), Map.entry("/proposals.xhtml", "?id={greener}"),
            Map.entry("/officer/proposals.xhtml", "?id={youth}"), Map.entry("/account/verify.xhtml", "?id={greener}"),
            Map.entry("/officer/electorate.xhtml", "?id={youth}"));

    static {
        for (String v : List.of("/index.xhtml", "/login.xhtml", "/register.xhtml", "/cycle.xhtml", "/audit.xhtml",
                "/discuss.xhtml", "/engagement.xhtml", "/error.xhtml", "/expired.xhtml", "/evidence.xhtml",
                "/evidence-history.xhtml", "/outcomes.xhtml", "/receipt.xhtml", "/report.xhtml",
                "/live/screen.xhtml", "/proposals.xhtml", "/proposal.xhtml")) {
            VIEWS.put(v, ANYONE);
        }
        for (String v : List.of("/account/live.xhtml", "/account/notifications.xhtml", "/account/opinions.xhtml",
                "/account/vote.xhtml", "/account/verify.xhtml")) {
            VIEWS.put(v, SIGNED_IN);
        }
        for (String v : List.of("/facilitator/index.xhtml", "/facilitator/console.xhtml", "/facilitator/evidence.xhtml",
                "/facilitator/session.xhtml")) {
            VIEWS.put(v, STAFF);
        }
        for (String v : List.of("/officer/cycles.xhtml", "/officer/cycle.xhtml", "/officer/evidence.xhtml",
                "/officer/feedback.xhtml", "/officer/measure.xhtml", "/officer/proposals.xhtml",
                "/officer/electorate.xhtml")) {
            VIEWS.put(v, OFFICERS);
        }
        VIEWS.put("/admin/accounts.xhtml", ADMINS);
    }

    private static final String FORGED = "987654321";

    /** Who may call an operation ("METHOD /api/v1/..."): null = anyone. */
    static Set<Role> accessOf(String operation) {
        return API.get(operation);
    }

    private static boolean allowed(Set<Role> rule, Who who) {
        return rule == null || who.roles.stream().anyMatch(rule::contains);
    }

    record Operation(String method, String path, String consumes) {
        String key() {
            return method + " " + path;
        }
    }

    private List<Operation> operations() throws Exception {
        ItSupport.Reply r = ItSupport.get(base, "/openapi?format=JSON", "Accept", "application/json");
        assertEquals(200, r.status(), "the OpenAPI document");
        JsonObject doc;
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            doc = reader.readObject();
        }
        String context = base.getPath().endsWith("/") ? base.getPath().substring(0, base.getPath().length() - 1)
                : base.getPath();
        List<Operation> ops = new ArrayList<>();
        for (Map.Entry<String, JsonValue> p : doc.getJsonObject("paths").entrySet()) {
            String path = p.getKey();
            if (!context.isEmpty() && path.startsWith(context + "/")) {
                path = path.substring(context.length());
            }
            for (Map.Entry<String, JsonValue> m : p.getValue().asJsonObject().entrySet()) {
                String method = m.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonObject op = m.getValue().asJsonObject();
                String consumes = null;
                if (op.containsKey("requestBody")) {
                    consumes = op.getJsonObject("requestBody").getJsonObject("content").keySet().iterator().next();
                }
                ops.add(new Operation(method, path, consumes));
            }
        }
        return ops;
    }

    private static String cycleOf(String title) throws Exception {
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM cycle WHERE title = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Long.toString(rs.getLong(1));
            }
        }
    }

    private static String single(String sql) throws Exception {
        try (Connection c = ItSupport.connect(); java.sql.Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return Long.toString(rs.getLong(1));
        }
    }

    /** The URL to try: GETs on the closed demo cycle (everything is published there), changes on unknown ids. */
    private static String concrete(Operation op, String readCycle) {
        String cycleId = op.method().equals("GET") ? readCycle : FORGED;
        String path = op.path().startsWith("/api/v1/cycles/{id}") ? op.path().replace("/api/v1/cycles/{id}",
                "/api/v1/cycles/" + cycleId) : op.path();
        return path.replaceAll("\\{[^}]+}", FORGED);
    }

    private HttpRequest request(Operation op, String url, Who who) {
        HttpRequest.Builder b = HttpRequest.newBuilder(ItSupportUri.of(base, url)).timeout(Duration.ofSeconds(60));
        if (who.username != null) {
            b.header("Authorization", ItSupport.basic(who.username, ItSupport.DEMO_PASSWORD));
        }
        if (op.method().equals("GET")) {
            return b.GET().build();
        }
        // The CSRF header too, so that a refusal comes from the access check, not from the CSRF guard.
        b.header("X-CivicLoop-Request", "1");
        String type = op.consumes() == null ? "application/json" : op.consumes();
        // A body no allowed caller could get accepted: JSON of the wrong shape, an empty file or CSV.
        String body = type.contains("json") ? "[]" : "";
        return b.header("Content-Type", type).method(op.method(), HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void everyRestOperationAnswersEachRoleAsClassified() throws Exception {
        List<Operation> ops = operations();
        Set<String> found = ops.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unclassified = new TreeSet<>(found);
        unclassified.removeAll(API.keySet());
        assertEquals(Set.of(), unclassified, "REST operations without an expected access in this test's table");
        Set<String> gone = new TreeSet<>(API.keySet());
        gone.removeAll(found);
        assertEquals(Set.of(), gone, "classified operations the OpenAPI document no longer lists");

        String readCycle = cycleOf("Greener streets 2026");
        Map<String, String> before = DbDigest.of();
        List<String> wrong = new ArrayList<>();
        int checks = 0;
        WebSession client = new WebSession(base, false);
        for (Operation op : ops) {
            String url = concrete(op, readCycle);
            for (Who who : Who.values()) {
                HttpResponse<String> r = client.send(request(op, url, who));
                checks++;
                int s = r.statusCode();
                boolean expected = allowed(API.get(op.key()), who);
                String line = op.key() + " as " + who + " -> " + s + " " + abbreviate(r.body());
                if (s >= 500) {
                    wrong.add("5xx: " + line);
                } else if (expected && (s == 401 || s == 403)) {
                    wrong.add("should be allowed: " + line);
                } else if (!expected && who == Who.ANONYMOUS && s != 401 && s != 403) {
                    wrong.add("should ask to sign in: " + line);
                } else if (!expected && who != Who.ANONYMOUS && s != 403) {
                    wrong.add("should be forbidden: " + line);
                } else if (s >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    wrong.add("not problem details: " + line);
                }
            }
        }
        Files.writeString(Path.of("target", "authorization-matrix-api-" + ItSupport.db() + ".txt"),
                ops.size() + " operations x " + Who.values().length + " people = " + checks + " checks\n");
        assertEquals(List.of(), wrong, wrong.size() + " of " + checks + " answers are wrong");
        assertEquals(Map.of(), DbDigest.changes(before, DbDigest.of()), "refused calls changed the database");
    }

    @Test
    void everyFacesViewAnswersEachRoleAsClassified() throws Exception {
        Path root = Path.of("src", "main", "webapp");
        Set<String> views;
        try (Stream<Path> files = Files.walk(root)) {
            views = files.filter(p -> p.toString().endsWith(".xhtml"))
                    .map(p -> "/" + root.relativize(p).toString().replace('\\', '/'))
                    .filter(v -> !v.startsWith("/WEB-INF/") && !v.startsWith("/resources/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> unclassified = new TreeSet<>(views);
        unclassified.removeAll(VIEWS.keySet());
        assertEquals(Set.of(), unclassified, "views without an expected access in this test's table");
        Set<String> gone = new TreeSet<>(VIEWS.keySet());
        gone.removeAll(views);
        assertEquals(Set.of(), gone, "classified views that no longer exist");

        String greener = cycleOf("Greener streets 2026");
        String youth = cycleOf("Youth spaces fund");
        String item = single("SELECT MIN(v.item_id) FROM evidence_pack_entry e JOIN evidence_pack p ON p.id = e.pack_id"
                + " JOIN evidence_item_version v ON v.id = e.version_id WHERE p.cycle_id = " + greener
                + " AND p.status = 'PUBLISHED'");
        String session = single("SELECT MIN(id) FROM jury_session WHERE cycle_id = " + youth);
        Map<Who, WebSession> sessions = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            WebSession s = new WebSession(base);
            sessions.put(who, who.username == null ? s : s.signedIn(who.username, ItSupport.DEMO_PASSWORD));
        }
        List<String> wrong = new ArrayList<>();
        int checks = 0;
        for (String view : views) {
            for (Who who : Who.values()) {
                String query = VIEW_QUERY.getOrDefault(view, "").replace("{greener}", greener)
                        .replace("{youth}", youth).replace("{item}", item).replace("{session}", session);
                HttpResponse<String> r = sessions.get(who).get(view + query);
                checks++;
                int s = r.statusCode();
                String location = r.headers().firstValue("Location").orElse("");
                boolean expected = allowed(VIEWS.get(view), who);
                String line = view + " as " + who + " -> " + s + " " + location;
                if (s >= 500) {
                    wrong.add("5xx: " + line);
                } else if (expected && s != 200) {
                    wrong.add("should be shown: " + line);
                } else if (expected && !r.body().strip().endsWith("</html>")) {
                    // an exception while rendering leaves a 200 with half a page
                    wrong.add("broken off while rendering: " + line);
                } else if (!expected && who == Who.ANONYMOUS && !(s == 302 && location.contains("/login.xhtml"))) {
                    wrong.add("should send to sign-in: " + line);
                } else if (!expected && who != Who.ANONYMOUS && s != 403) {
                    wrong.add("should be forbidden: " + line);
                }
            }
        }
        Files.writeString(Path.of("target", "authorization-matrix-views-" + ItSupport.db() + ".txt"),
                views.size() + " views x " + Who.values().length + " people = " + checks + " checks\n");
        assertEquals(List.of(), wrong, wrong.size() + " of " + checks + " answers are wrong");
    }

    /** A juror of one cycle's jury on another cycle: refused, and nothing is stored. */
    @Test
    void aJurorOfOneCycleCannotActInAnother() throws Exception {
        String youth = cycleOf("Youth spaces fund");
        String greener = cycleOf("Greener streets 2026");
        String outsider;
        long session;
        try (Connection c = ItSupport.connect()) {
            // someone on the Greener streets jury who is not on the Youth spaces jury
            try (PreparedStatement ps = c.prepareStatement("SELECT a.username FROM volunteer v JOIN account a"
                    + " ON a.id = v.account_id WHERE v.cycle_id = ? AND v.status = 'SELECTED'"
                    + " AND NOT EXISTS (SELECT 1 FROM volunteer w WHERE w.account_id = v.account_id"
                    + " AND w.cycle_id = ?) ORDER BY a.username")) {
                ps.setLong(1, Long.parseLong(greener));
                ps.setLong(2, Long.parseLong(youth));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), "the demo has a Greener streets juror who is not on the Youth spaces jury");
                    outsider = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(id) FROM jury_session WHERE cycle_id = ?")) {
                ps.setLong(1, Long.parseLong(youth));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    session = rs.getLong(1);
                }
            }
        }
        Map<String, String> before = DbDigest.of();
        String auth = ItSupport.basic(outsider, ItSupport.DEMO_PASSWORD);
        ItSupport.Reply ballot = ItSupport.postJson(base, "/api/v1/cycles/" + youth + "/ballots",
                "{\"channel\":\"JURY\",\"ranking\":[\"Y1\",\"Y2\"]}", "Authorization", auth);
        assertEquals(403, ballot.status(), "a jury ballot in a cycle whose jury this juror is not on: " + ballot.body());
        assertTrue(ballot.contentType().startsWith("application/problem+json"), ballot.contentType());
        if (session > 0) {
            ItSupport.Reply me = ItSupport.get(base, "/api/v1/live/sessions/" + session + "/me",
                    "Authorization", auth);
            assertEquals(403, me.status(), "another cycle's jury session: " + me.body());
        }
        assertEquals(Map.of(), DbDigest.changes(before, DbDigest.of()), "the refused calls stored nothing");
        try (Connection c = ItSupport.connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM voter_register r JOIN account a"
                     + " ON a.id = r.account_id WHERE r.cycle_id = ? AND a.username = ?")) {
            ps.setLong(1, Long.parseLong(youth));
            ps.setString(2, outsider);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), outsider + " is in no register of Youth spaces fund");
            }
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 160 ? one.substring(0, 160) + "…" : one;
    }

    /** URIs relative to the deployment. */
    static final class ItSupportUri {
        static java.net.URI of(URL base, String path) {
            String b = base.toString();
            return java.net.URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
        }
    }
}
