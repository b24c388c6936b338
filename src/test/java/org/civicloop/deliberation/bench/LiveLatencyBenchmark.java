package org.civicloop.deliberation.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of a live jury session with real clients: {@code jurors} signed-in jurors answer polls over the REST API
 * (each with its own session cookie, as a phone does) while {@code jurors} phone screens and {@code screens}
 * projectors follow the session over real WebSockets. For each answer it measures the time from sending it to the
 * moment EVERY screen has received a state that counts it (input to every screen).
 *
 * <p>Paced rounds send one answer at a time (each answered before the next, ~{@code paceMs} apart), so the k-th
 * answer is exactly the state with k respondents: these give the per-input percentiles. Burst rounds send all answers
 * at once and report when every screen shows all of them.
 *
 * <p>Needs a server started with {@code civicloop.demo.rehearsalJurors=N} on an empty database (the demo then makes
 * a cycle on jury day with N jurors, rehearsal001..). See docs/performance.md for the exact commands.
 *
 * <pre>java ... LiveLatencyBenchmark http://localhost:9581 60 3 6 100</pre>
 */
public final class LiveLatencyBenchmark {

    private static final String PASSWORD = "civicloop-demo";
    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern ATTR = Pattern.compile("(name|value|type)=\"([^\"]*)\"");

    private final String base;
    private final HttpClient facilitatorHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String facilitatorAuth = "Basic " + Base64.getEncoder()
            .encodeToString(("facilitator:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** arrival[screen] -> round id -> (respondents k -> first nanoTime a state with >= k arrived). */
    private final List<Map<Long, Map<Integer, Long>>> arrivals = new ArrayList<>();
    /** messages[screen] -> round id -> (serverTime ms, respondents, arrival nanoTime) in arrival order. */
    private final List<Map<Long, List<long[]>>> messages = new ArrayList<>();

    private LiveLatencyBenchmark(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:9581";
        int jurors = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int screens = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 6;
        long paceMs = args.length > 4 ? Long.parseLong(args[4]) : 100;
        new LiveLatencyBenchmark(base).run(jurors, screens, rounds, paceMs);
    }

    private static JsonObject json(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private HttpResponse<String> facilitator(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", facilitatorAuth).header("Accept", "application/json");
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = facilitatorHttp.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /** A juror's phone: its own cookie jar, signed in through the login form like a browser. */
    private final class Phone {
        final String user;
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();

        Phone(String user) {
            this.user = user;
        }

        void signIn() throws Exception {
            String page = http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String form = page.substring(page.indexOf("id=\"login\""), page.indexOf("</form>", page.indexOf("id=\"login\"")));
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher m = INPUT.matcher(form);
            while (m.find()) {
                Map<String, String> a = new java.util.HashMap<>();
                Matcher am = ATTR.matcher(m.group(1));
                while (am.find()) {
                    a.put(am.group(1), am.group(2).replace("&amp;", "&"));
                }
                if (a.containsKey("name") && ("hidden".equals(a.get("type")) || "login:submit".equals(a.get("name")))) {
                    fields.put(a.get("name"), a.getOrDefault("value", ""));
                }
            }
            fields.put("login:username", user);
            fields.put("login:password", PASSWORD);
            StringBuilder sb = new StringBuilder();
            fields.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            http.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(sb.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-CivicLoop-Request", "1")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A screen: a real WebSocket that records when each respondent count of each round first arrived. */
    private WebSocket screen(HttpClient http, String key, int index) {
        Map<Long, Map<Integer, Long>> mine = new ConcurrentHashMap<>();
        arrivals.add(mine);
        Map<Long, List<long[]>> log = new ConcurrentHashMap<>();
        messages.add(log);
        StringBuilder buffer = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                long now = System.nanoTime();
                buffer.append(data);
                if (last) {
                    String text = buffer.toString();
                    buffer.setLength(0);
                    if (text.startsWith("{")) {
                        JsonObject state = json(text);
                        if (state.containsKey("round") && !state.isNull("round") && state.containsKey("poll")
                                && !state.isNull("poll")) {
                            long round = state.getJsonObject("round").getJsonNumber("id").longValue();
                            int respondents = state.getJsonObject("poll").getInt("respondents");
                            Map<Integer, Long> seen = mine.computeIfAbsent(round, r -> new ConcurrentHashMap<>());
                            for (int k = 0; k <= respondents; k++) {
                                seen.putIfAbsent(k, now);
                            }
                            log.computeIfAbsent(round, x -> Collections.synchronizedList(new ArrayList<>()))
                                    .add(new long[] {state.getJsonNumber("serverTime").longValue(), respondents, now});
                        }
                    }
                }
                ws.request(1);
                return null;
            }
        };
        return http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/live/socket/" + key), listener).join();
    }

    private boolean everyScreenHas(long round, int k) {
        for (Map<Long, Map<Integer, Long>> s : arrivals) {
            Map<Integer, Long> seen = s.get(round);
            if (seen == null || !seen.containsKey(k)) {
                return false;
            }
        }
        return true;
    }

    private long lastArrival(long round, int k) {
        long max = 0;
        for (Map<Long, Map<Integer, Long>> s : arrivals) {
            max = Math.max(max, s.get(round).get(k));
        }
        return max;
    }

    private void awaitEveryScreen(long round, int k, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!everyScreenHas(round, k)) {
            if (System.currentTimeMillis() > end) {
                throw new IllegalStateException("Not every screen showed " + k + " answers in round " + round);
            }
            Thread.sleep(2);
        }
    }

    private void run(int jurorCount, int projectors, int rounds, long paceMs) throws Exception {
        long cycle = -1;
        HttpResponse<String> list = facilitatorHttp.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cycles"))
                .build(), HttpResponse.BodyHandlers.ofString());
        try (JsonReader r = Json.createReader(new StringReader(list.body()))) {
            for (JsonObject c : r.readArray().getValuesAs(JsonObject.class)) {
                if (c.getString("title").equals("Jury day rehearsal (load test)")) {
                    cycle = c.getJsonNumber("id").longValue();
                }
            }
        }
        if (cycle < 0) {
            throw new IllegalStateException("No rehearsal cycle: start the server with civicloop.demo.rehearsalJurors");
        }
        JsonObject session = json(facilitator("POST", "/api/v1/live/sessions",
                "{\"cycleId\":" + cycle + ",\"title\":\"Load test " + System.currentTimeMillis() + "\"}").body());
        long sessionId = session.getJsonNumber("sessionId").longValue();
        String code = session.getString("joinCode");
        String key = session.getString("screenKey");
        long statement = json(facilitator("GET", "/api/v1/cycles/" + cycle + "/shift/questions", null).body())
                .getJsonArray("statements").getJsonObject(0).getJsonNumber("id").longValue();
        List<Long> roundIds = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            roundIds.add(json(facilitator("POST", "/api/v1/live/sessions/" + sessionId + "/rounds",
                    "{\"kind\":\"POLL_STATEMENT\",\"title\":\"Poll " + (i + 1) + "\",\"minutes\":30,"
                            + "\"stage\":\"DURING\",\"statementId\":" + statement + "}").body())
                    .getJsonNumber("roundId").longValue());
        }

        System.out.printf("Signing in %d jurors...%n", jurorCount);
        List<Phone> phones = new ArrayList<>();
        for (int i = 1; i <= jurorCount; i++) {
            phones.add(new Phone(String.format("rehearsal%03d", i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(4, jurorCount));
        List<Future<?>> joins = new ArrayList<>();
        for (Phone p : phones) {
            joins.add(pool.submit(() -> {
                p.signIn();
                HttpResponse<String> j = p.post("/api/v1/live/join", "{\"code\":\"" + code + "\"}");
                if (j.statusCode() != 200) {
                    throw new IllegalStateException(p.user + " could not join: " + j.statusCode() + " " + j.body());
                }
                return null;
            }));
        }
        for (Future<?> f : joins) {
            f.get();
        }

        HttpClient wsHttp = HttpClient.newHttpClient();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < jurorCount + projectors; i++) {
            sockets.add(screen(wsHttp, key, i));
        }
        System.out.printf("%d screens connected (%d phones + %d projectors)%n", sockets.size(), jurorCount, projectors);

        Random random = new Random(11);
        List<Double> latencies = new ArrayList<>();
        List<Double> bursts = new ArrayList<>();
        List<Double> burstInputs = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long round = roundIds.get(r);
            facilitator("POST", "/api/v1/live/rounds/" + round + "/control", "{\"control\":\"START\",\"minutes\":0}");
            awaitEveryScreen(round, 0, 10_000);
            boolean paced = r % 2 == 0;
            if (paced) {
                for (int k = 1; k <= jurorCount; k++) {
                    Phone p = phones.get(k - 1);
                    long sent = System.nanoTime();
                    HttpResponse<String> a = p.post("/api/v1/live/rounds/" + round + "/answers",
                            "{\"score\":" + (1 + random.nextInt(5)) + "}");
                    if (a.statusCode() != 200) {
                        throw new IllegalStateException("answer refused: " + a.body());
                    }
                    awaitEveryScreen(round, k, 10_000);
                    latencies.add((lastArrival(round, k) - sent) / 1e6);
                    Thread.sleep(paceMs);
                }
            } else {
                long start = System.nanoTime();
                List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                long[] sentAt = new long[phones.size()];
                long[] doneAt = new long[phones.size()];
                for (int i = 0; i < phones.size(); i++) {
                    Phone p = phones.get(i);
                    final int idx = i;
                    sentAt[i] = System.nanoTime();
                    all.add(p.http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/live/rounds/" + round
                                    + "/answers")).header("Content-Type", "application/json")
                            .header("X-CivicLoop-Request", "1").timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"score\":" + (1 + random.nextInt(5)) + "}"))
                            .build(), HttpResponse.BodyHandlers.ofString())
                            .whenComplete((resp, err) -> doneAt[idx] = System.currentTimeMillis()));
                }
                for (CompletableFuture<HttpResponse<String>> f : all) {
                    if (f.get().statusCode() != 200) {
                        throw new IllegalStateException("answer refused: " + f.get().body());
                    }
                }
                awaitEveryScreen(round, jurorCount, 20_000);
                bursts.add((lastArrival(round, jurorCount) - start) / 1e6);
                // Each answer: the first state on each screen rendered after its reply arrived (so after its commit)
                // or showing all answers; an upper bound of its input-to-screen time.
                for (int i = 0; i < phones.size(); i++) {
                    long worst = 0;
                    for (Map<Long, List<long[]>> screen : messages) {
                        List<long[]> got = screen.get(round);
                        long arrival = -1;
                        synchronized (got) {
                            for (long[] m : got) {
                                if (m[0] > doneAt[i] || m[1] >= jurorCount) {
                                    arrival = m[2];
                                    break;
                                }
                            }
                        }
                        worst = Math.max(worst, arrival - sentAt[i]);
                    }
                    burstInputs.add(worst / 1e6);
                }
            }
            System.out.printf("round %d (%s) done%n", r + 1, paced ? "paced" : "burst");
        }
        facilitator("POST", "/api/v1/live/sessions/" + sessionId + "/end", null);
        sockets.forEach(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        pool.shutdownNow();

        Collections.sort(latencies);
        System.out.printf("%nInput -> every screen (%d screens), paced answers: n=%d p50=%.1f ms p95=%.1f ms"
                        + " p99=%.1f ms max=%.1f ms%n", sockets.size(), latencies.size(), pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1));
        Collections.sort(burstInputs);
        System.out.printf("Input -> every screen, burst answers (upper bound per answer): n=%d p50=%.1f ms p95=%.1f ms"
                        + " max=%.1f ms%n", burstInputs.size(), pct(burstInputs, 50), pct(burstInputs, 95),
                burstInputs.get(burstInputs.size() - 1));
        for (double b : bursts) {
            System.out.printf("Burst: all %d answers sent at once, every screen showed all of them after %.1f ms%n",
                    jurorCount, b);
        }
        System.exit(0);
    }

    private static double pct(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
