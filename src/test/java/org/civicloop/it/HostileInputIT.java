package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civicloop.kernel.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A generated set of malformed and malicious requests against every REST operation of the live OpenAPI document
 * (and some Faces form posts), sent as a person the operation allows: broken JSON, wrong types in every field,
 * huge bodies, unicode edge cases and markup in every text field, traversal in attachment names, state changes
 * without the CSRF header, forged ids (unknown, negative, too large, not numbers, another cycle's). Every API answer
 * must be a 4xx with problem details, never a 5xx, and the database must be exactly as before.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@OwnDeployment("hundreds of refused requests count against this machine's rate limits (letter codes, sign-ins), and"
        + " the database must be exactly as before: the other classes' in-memory state must not meet it")
class HostileInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /** Text that must never do anything but be text. */
    static final List<String> HOSTILE_TEXT = List.of(
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "\"><svg onload=alert(1)>",
            "javascript:alert(1)",
            "'; DROP TABLE ballot; --",
            "' OR '1'='1",
            "#{facesContext.externalContext.sessionMap}",
            "${7*7}",
            "../../../../etc/passwd",
            "a\u0000b",
            "\ud800 lone high surrogate",
            "lone low \udc00",
            "\u202egnp.exe",
            "\uFEFF\u200B\u200D zero width",
            "x".repeat(100_000),
            "\u00e9\u0301 \ud83d\udc4d \u0645\u0631\u062d\u0628\u0627",
            "%00%2e%2e%2f",
            "\r\nSet-Cookie: evil=1");

    /** Bodies that are not JSON at all, or not of any operation's shape. */
    static final List<String> BROKEN_JSON = List.of("", "{", "}", "{\"a\":", "nul", "[1,2", "{\"title\" \"x\"}",
            "{'single':'quotes'}", "{\"a\":1}}", "\u0000", "\"just a string\"", "12345678901234567890123",
            "1e999999", "[]", "[{}]", "{\"a\":NaN}", "{\"a\":\"\\ud800\"}", "{\"a\":\"\\u0000\"}",
            "[".repeat(5000) + "]".repeat(5000), "{\"a\":" + "[".repeat(100_000),
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");

    /** Values of the wrong type for a field, whatever its type is. */
    static final List<String> WRONG_VALUES = List.of("{\"nested\":true}", "[1,2,3]", "true", "-1",
            "9223372036854775808", "1.5e308", "\"not-a-number-or-date\"", "\"2026-13-45\"", "null");

    /** Ids that name nothing: unknown, negative, zero, beyond a long, not a number, traversal. */
    static final List<String> FORGED_IDS = List.of("987654321", "-1", "0", "99999999999999999999", "abc",
            "1.5", "%2e%2e%2f%2e%2e%2fetc", "9223372036854775807");

    private static final Set<Role> OFFICERS = Set.of(Role.OFFICER, Role.ADMIN);

    record Op(String method, String path, String consumes, JsonObject schema) {
        String key() {
            return method + " " + path;
        }
    }

    private final List<String> wrong = new ArrayList<>();
    private int sent;
    private final Map<String, Integer> byKind = new TreeMap<>();
    private WebSession raw;
    private final Map<String, WebSession> sessions = new java.util.HashMap<>();

    private String who(Op op) {
        Set<Role> allowed = AuthorizationMatrixIT.accessOf(op.key());
        if (allowed == null) {
            return null;
        }
        if (allowed.contains(Role.RESIDENT)) {
            return "juror";
        }
        if (allowed.contains(Role.FACILITATOR)) {
            return "facilitator";
        }
        return allowed.equals(OFFICERS) || allowed.contains(Role.OFFICER) ? "officer" : "demo-admin";
    }

    private List<Op> operations() throws Exception {
        ItSupport.Reply r = ItSupport.get(base, "/openapi?format=JSON", "Accept", "application/json");
        assertEquals(200, r.status());
        JsonObject doc;
        try (var reader = Json.createReader(new StringReader(r.body()))) {
            doc = reader.readObject();
        }
        JsonObject schemas = doc.containsKey("components") && doc.getJsonObject("components").containsKey("schemas")
                ? doc.getJsonObject("components").getJsonObject("schemas") : JsonValue.EMPTY_JSON_OBJECT;
        String context = base.getPath().replaceAll("/$", "");
        List<Op> ops = new ArrayList<>();
        for (Map.Entry<String, JsonValue> p : doc.getJsonObject("paths").entrySet()) {
            String path = !context.isEmpty() && p.getKey().startsWith(context + "/")
                    ? p.getKey().substring(context.length()) : p.getKey();
            for (Map.Entry<String, JsonValue> m : p.getValue().asJsonObject().entrySet()) {
                String method = m.getKey().toUpperCase(Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonObject op = m.getValue().asJsonObject();
                String consumes = null;
                JsonObject schema = null;
                if (op.containsKey("requestBody")) {
                    var content = op.getJsonObject("requestBody").getJsonObject("content");
                    consumes = content.keySet().iterator().next();
                    JsonObject s = content.getJsonObject(consumes).getJsonObject("schema");
                    if (s != null && s.containsKey("$ref")) {
                        String ref = s.getString("$ref");
                        s = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
                    }
                    schema = s;
                }
                ops.add(new Op(method, path, consumes, schema));
            }
        }
        return ops;
    }

    /** The operation's fields and their JSON types (string, integer, number, boolean, array, object). */
    private static Map<String, String> fields(Op op) {
        Map<String, String> out = new LinkedHashMap<>();
        if (op.schema() == null || !op.schema().containsKey("properties")) {
            return out;
        }
        for (Map.Entry<String, JsonValue> f : op.schema().getJsonObject("properties").entrySet()) {
            JsonObject def = f.getValue().asJsonObject();
            String type = def.containsKey("type") ? def.get("type").toString().replaceAll("[\\[\\]\"]", "") : "object";
            out.put(f.getKey(), type.contains(",") ? type.substring(0, type.indexOf(',')) : type);
        }
        return out;
    }

    /** Whether a value is of the field's JSON type (null fits any field). */
    private static boolean rightType(String value, String type) {
        return switch (type) {
            case "boolean" -> value.equals("true") || value.equals("null");
            case "integer" -> value.equals("-1") || value.equals("null");
            case "number" -> value.equals("-1") || value.equals("1.5e308") || value.equals("null");
            case "string" -> value.startsWith("\"") || value.equals("null");
            case "array" -> value.startsWith("[") || value.equals("null");
            default -> value.startsWith("{") || value.equals("null");
        };
    }

    /** A value of the field's type; numbers are ids that exist nowhere. */
    private static String sample(String type) {
        return switch (type) {
            case "integer", "number" -> "987654321";
            case "boolean" -> "true";
            case "array" -> "[\"A\"]";
            case "string" -> "\"x\"";
            default -> "{}";
        };
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (ch < 0x20 || Character.isSurrogate(ch)) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String object(Map<String, String> fields, String field, String value) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append(jsonString(f.getKey())).append(':')
                    .append(f.getKey().equals(field) ? value : sample(f.getValue()));
        }
        return b.append('}').toString();
    }

    private String url(Op op, String cycleId, String subId) {
        String path = op.path().replace("/api/v1/cycles/{id}", "/api/v1/cycles/" + cycleId);
        return path.replaceAll("\\{[^}]+}", subId);
    }

    /** Sends one hostile request and checks the answer: 4xx, problem details, no 5xx. */
    private void send(String kind, String method, String url, String user, String contentType, byte[] body,
                      boolean csrfHeader) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(raw.uri(url)).timeout(Duration.ofSeconds(30));
        // signed in through the login page (a session cookie), as a browser would be: no password hashing per call
        WebSession client = user == null ? raw : sessions.computeIfAbsent(user, u -> {
            try {
                return new WebSession(base).signedIn(u, ItSupport.DEMO_PASSWORD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        if (csrfHeader) {
            b.header("X-CivicLoop-Request", "1");
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> r;
        try {
            r = client.send(b.build());
        } catch (java.net.http.HttpTimeoutException e) {
            sent++;
            wrong.add("no answer within 30 s: " + kind + ": " + method + " " + abbreviate(url) + " "
                    + abbreviate(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8)));
            return;
        }
        sent++;
        byKind.merge(kind, 1, Integer::sum);
        int s = r.statusCode();
        String type = r.headers().firstValue("Content-Type").orElse("");
        String line = kind + ": " + method + " " + abbreviate(url) + " -> " + s + " " + type + " " + abbreviate(r.body());
        if (s < 400 || s >= 500) {
            wrong.add(line);
        } else if (!type.startsWith("application/problem+json")) {
            wrong.add("not problem details: " + line);
        } else {
            try (var reader = Json.createReader(new StringReader(r.body()))) {
                JsonObject p = reader.readObject();
                if (p.getInt("status") != s || !p.containsKey("title") || !p.containsKey("detail")) {
                    wrong.add("incomplete problem details: " + line);
                }
            } catch (RuntimeException e) {
                wrong.add("problem details that are not JSON: " + line);
            }
        }
    }

    private void sendJson(String kind, Op op, String url, String user, String json) throws Exception {
        send(kind, op.method(), url, user, "application/json", json.getBytes(StandardCharsets.UTF_8), true);
    }

    @Test
    void malformedAndMaliciousRequestsAreRefusedWithProblemDetailsAndChangeNothing() throws Exception {
        raw = new WebSession(base, false);
        String youth = single("SELECT id FROM cycle WHERE title = 'Youth spaces fund'");
        String greener = single("SELECT id FROM cycle WHERE title = 'Greener streets 2026'");
        Map<String, String> before = DbDigest.of();
        List<Op> ops = operations();
        for (Op op : ops) {
            String user = who(op);
            boolean changes = !op.method().equals("GET");
            // forged ids everywhere (path ids of cycles and of everything below them)
            for (String id : FORGED_IDS) {
                String url = url(op, id, id);
                if (url.equals(op.path())) {
                    continue; // nothing to forge
                }
                if (changes) {
                    sendJson("forged id", op, url, user, op.consumes() != null && !op.consumes().contains("json")
                            ? "" : "{}");
                } else {
                    send("forged id", "GET", url, user, null, null, false);
                }
            }
            if (!changes) {
                continue;
            }
            // a real cycle with unknown things below it (broken bodies never get as far as the ids)
            String onOther = url(op, youth, "987654321");
            // CSRF: a state change from a signed-in browser session without the X-CivicLoop-Request header (what a
            // cross-site form or script can send), and one with neither credentials nor the header
            send("csrf", op.method(), url(op, greener, "1"), user == null ? "officer" : user, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8), false);
            send("csrf", op.method(), url(op, greener, "1"), null, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8), false);
            if (op.consumes() != null && !op.consumes().contains("json")) {
                continue; // files and CSV: below
            }
            for (String body : BROKEN_JSON) {
                sendJson("broken JSON", op, onOther, user, body);
            }
            Map<String, String> fields = fields(op);
            // Everything below goes to unknown ids, so that even a value of the right type cannot be stored; an
            // operation without ids in its path gets no right-typed values at all.
            String forged = url(op, "987654321", "987654321");
            boolean noIds = !op.path().contains("{");
            for (Map.Entry<String, String> f : fields.entrySet()) {
                for (String v : WRONG_VALUES) {
                    boolean rightType = rightType(v, f.getValue());
                    if (rightType && noIds) {
                        continue;
                    }
                    sendJson(rightType ? "odd value" : "wrong type", op, forged, user, object(fields, f.getKey(), v));
                }
                if (f.getValue().equals("string") || f.getValue().equals("array")) {
                    for (String text : HOSTILE_TEXT) {
                        String value = f.getValue().equals("array") ? "[" + jsonString(text) + "]" : jsonString(text);
                        sendJson("hostile text", op, forged, user, object(fields, f.getKey(), value));
                    }
                }
            }
            // a huge body
            sendJson("huge body", op, onOther, user, "{\"title\":" + jsonString("x".repeat(2_000_000)) + "}");
        }
        strictNumbers(ops, greener);
        attachmentsAndCsv(youth, greener);
        // NUL in a query (PostgreSQL cannot compare text with one) and non-numeric or reversed version numbers
        for (String q : List.of("?q=a%00b", "?q=%00", "?q=" + "%25".repeat(2000))) {
            if (!q.contains("%00")) {
                continue; // a long search term is a fine search: 200
            }
            send("query", "GET", "/api/v1/cycles/" + greener + "/evidence/search" + q, null, null, null, false);
        }
        send("query", "GET", "/api/v1/cycles/" + greener + "/evidence/items/987654321/diff?from=abc&to=-1", null, null,
                null, false);
        Map<String, String> after = DbDigest.of();
        Files.writeString(Path.of("target", "hostile-input-" + ItSupport.db() + ".txt"),
                sent + " requests " + byKind + "\n" + String.join("\n", wrong) + "\n");
        assertTrue(sent >= 1000, "at least 1,000 hostile requests, sent " + sent);
        assertEquals(List.of(), wrong, wrong.size() + " of " + sent + " answers are wrong");
        assertEquals(Map.of(), DbDigest.changes(before, after), "hostile requests changed the database");
    }

    /**
     * Numbers that the binding would bend (1e400 read as 0, 50000.7 as 50000, 10^12 wrapped around in an int, a
     * long overflow) and values that are no numbers at all, in every numeric field of every JSON operation: each is
     * refused with 400 problem details naming the field and stating the allowed range (the range the OpenAPI
     * document gives, when it gives one). The database digest compared at the end shows that nothing changed.
     */
    private void strictNumbers(List<Op> ops, String cycle) throws Exception {
        int checked = 0;
        for (Op op : ops) {
            if (op.method().equals("GET") || op.consumes() == null || !op.consumes().contains("json")
                    || op.schema() == null || !op.schema().containsKey("properties")) {
                continue;
            }
            Map<String, String> fields = fields(op);
            for (Map.Entry<String, JsonValue> f : op.schema().getJsonObject("properties").entrySet()) {
                String type = fields.get(f.getKey());
                if (!type.equals("integer") && !type.equals("number")) {
                    continue;
                }
                JsonObject def = f.getValue().asJsonObject();
                java.math.BigDecimal max = def.containsKey("maximum")
                        ? def.getJsonNumber("maximum").bigDecimalValue() : null;
                List<String> values = new ArrayList<>(List.of("1e400", "-1e400", "9223372036854775808",
                        "-9223372036854775809", "\"12\"", "true", "{\"n\":1}", "[1]"));
                values.add(type.equals("integer") ? "50000.7" : "1.23456");
                if (max != null && max.compareTo(new java.math.BigDecimal("1000000000000")) < 0) {
                    values.add("1000000000000");
                }
                for (String v : values) {
                    String url = url(op, cycle, "987654321");
                    String body = inRange(op, f.getKey(), v);
                    HttpResponse<String> r = sendFor(op, url, who(op), body);
                    checked++;
                    String detail = r.body();
                    String line = op.key() + " " + f.getKey() + "=" + v + " -> " + r.statusCode() + " "
                            + abbreviate(detail);
                    if (r.statusCode() != 400 || !detail.contains(f.getKey() + " must be")
                            || !detail.contains(" from ")) {
                        wrong.add("number not refused with its range: " + line);
                    } else if (max != null && !detail.contains(" to " + max.stripTrailingZeros().toPlainString())) {
                        wrong.add("refusal does not state the documented maximum " + max + ": " + line);
                    }
                }
            }
        }
        // query parameters: the audit page size and a report version
        for (String v : List.of("abc", "0", "1001", "1e400", "10.5", "-1", "99999999999999999999")) {
            HttpResponse<String> r = raw.send(HttpRequest.newBuilder(raw.uri("/api/v1/audit/entries?max=" + v))
                    .timeout(Duration.ofSeconds(30)).build());
            checked++;
            if (r.statusCode() != 400 || !r.body().contains("max must be a whole number from 1 to 1000")) {
                wrong.add("audit max=" + v + " -> " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
        // the checkpoints' page size (it used to be cut to 500 silently) and an evidence diff's version numbers
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        for (String v : List.of("abc", "0", "501", "5000", "1e400", "10.5", "-1", "99999999999999999999")) {
            for (String[] query : List.of(new String[] {"/api/v1/audit/checkpoints?max=" + v,
                            "max must be a whole number from 1 to 500"},
                    new String[] {"/api/v1/cycles/1/evidence/items/1/diff?to=2&from=" + v,
                            "from must be a whole number from 1 to 2147483647"})) {
                if (query[0].contains("diff") && List.of("501", "5000").contains(v)) {
                    continue; // valid version numbers
                }
                HttpResponse<String> r = raw.send(HttpRequest.newBuilder(raw.uri(query[0])).header("Authorization",
                        officer).timeout(Duration.ofSeconds(30)).build());
                checked++;
                if (r.statusCode() != 400 || !r.body().contains(query[1])) {
                    wrong.add(query[0] + " -> " + r.statusCode() + " " + abbreviate(r.body()));
                }
            }
        }
        HttpResponse<String> es = raw.send(HttpRequest.newBuilder(raw.uri("/api/v1/audit/entries?max=0"))
                .header("Accept-Language", "es").timeout(Duration.ofSeconds(30)).build());
        if (!es.body().contains("max debe ser un n\u00famero entero entre 1 y 1000")) {
            wrong.add("audit max=0 in Spanish -> " + abbreviate(es.body()));
        }
        assertTrue(checked >= 200, "numeric cases sent: " + checked);
        byKind.merge("strict number", checked, Integer::sum);
        sent += checked;
    }

    /**
     * A body with {@code value} in {@code field} and every other field a value of its type that its documented range
     * allows (numbers: the documented minimum, else 1), so that only the field under test can be refused.
     */
    private static String inRange(Op op, String field, String value) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, JsonValue> f : op.schema().getJsonObject("properties").entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            String type = fields(op).get(f.getKey());
            JsonObject def = f.getValue().asJsonObject();
            String v;
            if (f.getKey().equals(field)) {
                v = value;
            } else if (type.equals("integer") || type.equals("number")) {
                v = def.containsKey("minimum") ? def.getJsonNumber("minimum").bigDecimalValue().toPlainString() : "1";
            } else {
                v = sample(type);
            }
            b.append(jsonString(f.getKey())).append(':').append(v);
        }
        return b.append('}').toString();
    }

    private HttpResponse<String> sendFor(Op op, String url, String user, String json) throws Exception {
        WebSession client = user == null ? raw : sessions.computeIfAbsent(user, u -> {
            try {
                return new WebSession(base).signedIn(u, ItSupport.DEMO_PASSWORD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return client.send(HttpRequest.newBuilder(raw.uri(url)).timeout(Duration.ofSeconds(30))
                .header("X-CivicLoop-Request", "1").header("Content-Type", "application/json")
                .method(op.method(), HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Attachment uploads with traversal and hostile names (every one refused for its content) and bad scans. */
    private void attachmentsAndCsv(String youth, String greener) throws Exception {
        List<String> names = List.of("../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow",
                "evil.pdf\u0000.png", "<script>alert(1)</script>.pdf", "\u202efdp.exe", "CON", "a".repeat(5000) + ".pdf",
                "%2e%2e%2fevil.pdf", "file:///etc/passwd");
        List<byte[]> contents = List.of(new byte[0], "not a pdf at all".getBytes(StandardCharsets.UTF_8),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                "%PDF-1.4\n/JavaScript (app.alert(1))\n/OpenAction\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1),
                new byte[6 * 1024 * 1024]);
        for (String cycle : List.of(youth, greener, "987654321")) {
            for (String name : names) {
                for (byte[] content : contents) {
                    if (content.length > 1024 * 1024 && !name.startsWith("..")) {
                        continue; // one large file per cycle is enough
                    }
                    send("attachment", "POST", "/api/v1/cycles/" + cycle + "/evidence/attachments?name="
                                    + URLEncoder.encode(name, StandardCharsets.UTF_8), "officer", "application/pdf",
                            content, true);
                }
            }
        }
        List<String> scans = List.of("", "sheet,ranking\n1,<script>\n", "sheet,ranking\n-1,Y1\n", "\u0000\u0000",
                "sheet,ranking\n1,\"Y1\n", "x".repeat(100_000));
        for (String csv : scans) {
            for (String query : List.of("", "?label=%3Cscript%3E&where=..%2F&collectedOn=2026-13-45",
                    "?label=L&where=W&collectedOn=2026-01-01")) {
                send("scan", "POST", "/api/v1/cycles/" + greener + "/paper-batches/scans" + query, "officer",
                        "text/csv", csv.getBytes(StandardCharsets.UTF_8), true);
            }
        }
    }

    /** Faces forms: markup and bad input in the registration form, and posts without a valid view state. */
    /**
     * Every page with a numeric view parameter, given one that is no id at all, answers 404 with the not-found page
     * (not 200 with an empty page showing "null"), signed in as someone the page is for.
     */
    @Test
    void malformedIdsOnPagesAnswer404WithTheNotFoundPage() throws Exception {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/cycle.xhtml?id=", null);
        pages.put("/report.xhtml?cycle=", null);
        pages.put("/report.xhtml?cycle=1&v=", null);
        pages.put("/outcomes.xhtml?cycle=", null);
        pages.put("/evidence.xhtml?id=", null);
        pages.put("/evidence-history.xhtml?item=", null);
        pages.put("/evidence-history.xhtml?item=1&from=", null);
        pages.put("/discuss.xhtml?id=", null);
        pages.put("/account/vote.xhtml?id=", "juror");
        pages.put("/account/opinions.xhtml?id=", "juror");
        pages.put("/facilitator/session.xhtml?id=", "facilitator");
        pages.put("/facilitator/console.xhtml?id=", "facilitator");
        pages.put("/facilitator/evidence.xhtml?id=", "facilitator");
        pages.put("/officer/cycle.xhtml?id=", "officer");
        pages.put("/officer/evidence.xhtml?id=", "officer");
        pages.put("/officer/measure.xhtml?id=", "officer");
        Map<String, WebSession> as = new java.util.HashMap<>();
        List<String> bad = new ArrayList<>();
        Set<Path> ffdcBefore = ffdc();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            WebSession s = page.getValue() == null ? new WebSession(base)
                    : as.computeIfAbsent(page.getValue(), u -> {
                        try {
                            return new WebSession(base).signedIn(u, ItSupport.DEMO_PASSWORD);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
            for (String id : List.of("abc", "1.5", "99999999999999999999", "%3Cscript%3E")) {
                HttpResponse<String> r = s.get(page.getKey() + id);
                if (r.statusCode() != 404 || !r.body().contains("Something is not right")) {
                    bad.add(page.getKey() + id + " -> " + r.statusCode() + " " + abbreviate(r.body()));
                }
            }
        }
        assertEquals(List.of(), bad);
        Set<Path> ffdcAfter = ffdc();
        ffdcAfter.removeAll(ffdcBefore);
        assertEquals(Set.of(), ffdcAfter, "the server logged a failure (FFDC) while answering malformed ids");
    }

    /** The FFDC files (server-side failures) of this run's server. */
    private static Set<Path> ffdc() throws Exception {
        String server = System.getProperty(ItSupport.db().equals("pg") ? "it.pg.server" : "it.h2.server");
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "liberty", "wlp", "usr", "servers",
                server == null ? "none" : server, "logs", "ffdc");
        if (!Files.isDirectory(dir)) {
            return new java.util.HashSet<>();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("ffdc_"))
                    .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
        }
    }

    @Test
    void hostileFormPostsChangeNothingAndShowTheirTextAsText() throws Exception {
        Map<String, String> before = DbDigest.of();
        int posts = 0;
        List<String> problems = new ArrayList<>();
        for (String text : HOSTILE_TEXT) {
            WebSession web = new WebSession(base);
            HttpResponse<String> page = web.get("/register.xhtml");
            String state = WebSession.viewState(page.body());
            Map<String, String> f = new LinkedHashMap<>();
            f.put("register_SUBMIT", "1");
            f.put("register:username", text);
            f.put("register:displayName", text);
            f.put("register:email", text);
            f.put("register:password", "short"); // below the password policy: never registers
            f.put("register:submit", "Register");
            f.put("jakarta.faces.ViewState", state);
            HttpResponse<String> r = web.postForm("/register.xhtml", f);
            posts++;
            if (r.statusCode() >= 500) {
                problems.add("5xx for " + abbreviate(text));
            }
            if (text.startsWith("<") && r.body().contains(text)) {
                problems.add("markup echoed as markup: " + text);
            }
        }
        // without the view state (a cross-site form: Faces treats it as a first visit and runs no action) and with a
        // forged one (an expired view); the server logs no failure for them (it used to log a NullPointerException
        // from MyFaces' exception handler after the 400 page for every forged view state)
        Set<Path> ffdcBefore = ffdc();
        for (String state : List.of("", "forged-view-state", "-1:-1", "<script>")) {
            WebSession web = new WebSession(base).signedIn("officer", ItSupport.DEMO_PASSWORD);
            Map<String, String> f = new LinkedHashMap<>();
            // a complete, valid "open a cycle" form: only the view state stands between it and a new cycle
            f.put("newCycle_SUBMIT", "1");
            f.put("newCycle:council", "Riverside Borough Council (demo)");
            f.put("newCycle:title", "Cross-site cycle");
            f.put("newCycle:question", "Made by a forged form?");
            f.put("newCycle:budget", "1000");
            f.put("newCycle:currency", "GBP");
            f.put("newCycle:open", "Open");
            if (!state.isEmpty()) {
                f.put("jakarta.faces.ViewState", state);
            }
            HttpResponse<String> r = web.postForm("/officer/cycles.xhtml", f);
            posts++;
            if (state.isEmpty() ? r.statusCode() >= 500 : r.statusCode() != 400) {
                problems.add("a form post with view state '" + state + "' answered " + r.statusCode()
                        + " (a forged view state: 400 and the expired page)");
            }
        }
        Set<Path> ffdcAfter = ffdc();
        ffdcAfter.removeAll(ffdcBefore);
        if (!ffdcAfter.isEmpty()) {
            problems.add("the server logged a failure (FFDC) for a form post without or with a forged view state: "
                    + ffdcAfter);
        }
        // numbers the form would otherwise bend or wrap: refused next to the field, stating the range; no cycle opens.
        // The officer's pages follow the browser's language only while the account keeps none (earlier tests may have
        // kept one): it is set aside here and put back as it was.
        String kept = ItSupport.keptLanguage("officer", null);
        try {
            for (String budget : List.of("50000.7", "1e400", "1000000000001", "-1", "99999999999999999999", "abc", "NaN")) {
                for (String lang : List.of("en", "es")) {
                    WebSession web = new WebSession(base).language(lang).signedIn("officer", ItSupport.DEMO_PASSWORD);
                    HttpResponse<String> page = web.get("/officer/cycles.xhtml");
                    Map<String, String> f = new LinkedHashMap<>();
                    f.put("newCycle_SUBMIT", "1");
                    f.put("newCycle:council", "Riverside Borough Council (demo)");
                    f.put("newCycle:title", "Bent budget " + budget);
                    f.put("newCycle:question", "Is the budget taken as written?");
                    f.put("newCycle:budget", budget);
                    f.put("newCycle:currency", "GBP");
                    f.put("newCycle:open", "Open");
                    f.put("jakarta.faces.ViewState", WebSession.viewState(page.body()));
                    HttpResponse<String> r = web.postForm("/officer/cycles.xhtml", f);
                    posts++;
                    String expected = lang.equals("en") ? "must be a whole number from 0 to 1000000000000"
                            : "debe ser un n\u00famero entero entre 0 y 1000000000000";
                    if (r.statusCode() != 200 || !r.body().contains(expected)) {
                        problems.add("budget " + budget + " (" + lang + ") -> " + r.statusCode() + " without the range");
                    }
                }
            }
        } finally {
            ItSupport.keptLanguage("officer", kept);
        }
        Files.writeString(Path.of("target", "hostile-forms-" + ItSupport.db() + ".txt"), posts + " form posts\n");
        assertEquals(List.of(), problems);
        assertEquals(Map.of(), DbDigest.changes(before, DbDigest.of()), "hostile form posts changed the database");
    }

    /**
     * Stored markup stays text: a cycle whose question, decision item and success criterion, and a jury session
     * whose title carry script and an image with onerror, shown on the public cycle page and the projector screen.
     */
    @Test
    void storedMarkupIsShownAsTextOnThePublicPageAndTheProjector() throws Exception {
        String script = "<script>alert('cl')</script>";
        String image = "<img src=x onerror=alert('cl')>";
        String officer = ItSupport.basic("officer", ItSupport.DEMO_PASSWORD);
        String mandate = "{\"title\":" + jsonString("Markup " + script + " " + System.nanoTime())
                + ",\"currency\":\"GBP\",\"question\":" + jsonString("Which? " + image)
                + ",\"purpose\":\"To let residents choose\",\"accountableOfficer\":\"Alex Officer\","
                + "\"budgetAmount\":20000,\"ladderLevel\":\"EMPOWER\",\"countingRule\":\"GREEDY\","
                + "\"valueCells\":[\"OUR_WELLBEING\"],\"feedbackPromiseDate\":\""
                + java.time.LocalDate.now().plusDays(45) + "\",\"feedbackPromiseHow\":\"A report on the website\"}";
        ItSupport.Reply opened = ItSupport.postJson(base, "/api/v1/cycles", "{\"council\":\"Test Council\","
                + "\"mandate\":" + mandate + "}", "Authorization", officer);
        assertEquals(201, opened.status(), opened.body());
        long id = opened.json().getJsonNumber("id").longValue();
        for (String[] call : new String[][]{
                {"/decision-items", "{\"title\":" + jsonString("Item " + script) + ",\"status\":\"OPEN\"}"},
                {"/success-criteria", "{\"kind\":\"OUTCOME\",\"description\":" + jsonString("Felt " + image) + "}"},
                {"/advance", "{\"from\":\"AUTHORISE\"}"}}) {
            ItSupport.Reply r = ItSupport.postJson(base, "/api/v1/cycles/" + id + call[0], call[1],
                    "Authorization", officer);
            assertTrue(r.status() / 100 == 2, call[0] + ": " + r.status() + " " + r.body());
        }
        ItSupport.Reply session = ItSupport.postJson(base, "/api/v1/live/sessions", "{\"cycleId\":" + id
                + ",\"title\":" + jsonString("Day " + script + image) + "}", "Authorization",
                ItSupport.basic("facilitator", ItSupport.DEMO_PASSWORD));
        assertTrue(session.status() / 100 == 2, session.status() + " " + session.body());
        String key = session.json().getString("screenKey");

        WebSession web = new WebSession(base);
        for (String page : List.of("/cycle.xhtml?id=" + id, "/live/screen.xhtml?key=" + key)) {
            HttpResponse<String> r = web.get(page);
            assertEquals(200, r.statusCode(), page);
            String html = r.body();
            assertFalse(html.contains(script) || html.contains("<script>alert"), page + " runs the stored script");
            assertFalse(html.contains("<img src=x") || html.contains("<img src=\"x\""), page + " shows a live image");
            assertTrue(html.contains("&lt;script&gt;alert(") || html.contains("&lt;img src=x onerror="),
                    page + " shows the stored markup as text");
        }
        assertTrue(web.get("/cycle.xhtml?id=" + id).body().contains("&lt;img src=x onerror="),
                "the question is on the public page, as text");
    }

    private static String single(String sql) throws Exception {
        try (Connection c = ItSupport.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return Long.toString(rs.getLong(1));
        }
    }

    private static String abbreviate(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() > 200 ? one.substring(0, 200) + "…" : one;
    }
}
