package org.civicloop.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ballot-casting load script: thousands of distinct residents register and sign in through the real pages
 * (not measured), then all cast one ballot each through the REST API as fast as {@code concurrency} clients can
 * (measured): sustained ballots per second and the latency percentiles, plus every receipt, so that a caller can
 * check that no acknowledged ballot was lost or doubled.
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.civicloop.load.BallotLoad \
 *     -Dexec.args="--base http://localhost:9080 --cycle-title 'Youth spaces fund' --voters 3000 --concurrency 32"
 * </pre>
 * Several servers of one database: repeat {@code --base} (or separate the addresses with commas). Voter i then
 * registers, signs in and casts on server i mod n (round-robin per voter, as a load balancer with sticky sessions
 * would spread them).
 */
public final class BallotLoad {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern OPTION_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CYCLE = Pattern.compile("\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)[^{}]*?\"title\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([^\"]+)\"");
    public static final String PASSWORD = "load-test-password-2026";

    /** The outcome of one run. */
    public record Report(int voters, int concurrency, int cast, int refused, int failed, double seconds,
                         double ballotsPerSecond, double p50Millis, double p95Millis, double p99Millis,
                         double maxMillis, double setupSeconds, List<String> receipts, List<String> errors) {

        public String json() {
            return String.format(Locale.ROOT, "{\"voters\": %d, \"concurrency\": %d, \"cast\": %d, \"refused\": %d,"
                            + " \"failed\": %d, \"seconds\": %.3f, \"ballotsPerSecond\": %.1f, \"p50Millis\": %.1f,"
                            + " \"p95Millis\": %.1f, \"p99Millis\": %.1f, \"maxMillis\": %.1f, \"setupSeconds\": %.1f}",
                    voters, concurrency, cast, refused, failed, seconds, ballotsPerSecond, p50Millis, p95Millis,
                    p99Millis, maxMillis, setupSeconds);
        }
    }

    /** Whether the casting phase uses {@link PlainHttp} (option {@code --client sockets}). */
    public boolean plainSockets;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final List<String> bases;

    public BallotLoad(String base) {
        this(List.of(base));
    }

    /** Voters spread round-robin over these servers (all on the same database). */
    public BallotLoad(List<String> bases) {
        if (bases.isEmpty()) {
            throw new IllegalArgumentException("No server address");
        }
        this.bases = bases.stream().map(b -> b.endsWith("/") ? b.substring(0, b.length() - 1) : b).toList();
        this.base = this.bases.get(0);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> bases = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (key.equals("base")) {
                Arrays.stream(args[i + 1].split(",")).map(String::strip).filter(b -> !b.isEmpty()).forEach(bases::add);
            } else {
                o.put(key, args[i + 1]);
            }
        }
        BallotLoad load = new BallotLoad(bases.isEmpty() ? List.of("http://localhost:9080") : bases);
        System.err.println("servers: " + load.bases);
        long cycle = o.containsKey("cycle") ? Long.parseLong(o.get("cycle"))
                : load.cycleTitled(o.getOrDefault("cycle-title", "Youth spaces fund"));
        int voters = Integer.parseInt(o.getOrDefault("voters", "1000"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "32"));
        // --client sockets: cast through PlainHttp (lean kept-alive sockets) instead of the JDK's HttpClient.
        load.plainSockets = "sockets".equals(o.getOrDefault("client", "jdk"));
        String prefix = o.getOrDefault("prefix", "load" + Long.toString(System.currentTimeMillis() % 1_000_000, 36));
        List<String> sessions = load.signUp(prefix, voters, Integer.parseInt(o.getOrDefault("setup-concurrency", "8")));
        // With --server-pid (a server on this machine), also the server's CPU time per ballot while casting: a
        // figure that holds better than ballots/s when the machine is shared.
        long pid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        long cpuBefore = pid > 0 ? cpuTicks(pid) : 0;
        long clientBefore = cpuTicks(ProcessHandle.current().pid());
        Report report = load.cast(cycle, sessions, concurrency, 0, null);
        long clientTicks = cpuTicks(ProcessHandle.current().pid()) - clientBefore;
        System.out.println(report.json());
        if (pid > 0) {
            // The load client's own CPU time too: on a 2-core machine it competes with the server.
            System.out.printf(Locale.ROOT, "{\"serverCpuMillisPerBallot\": %.2f, \"clientCpuMillisPerBallot\": %.2f}%n",
                    (cpuTicks(pid) - cpuBefore) * 10.0 / Math.max(1, report.cast()),
                    clientTicks * 10.0 / Math.max(1, report.cast()));
        }
        if (o.containsKey("receipts")) {
            Files.write(Path.of(o.get("receipts")), report.receipts());
        }
        report.errors().stream().limit(10).forEach(e -> System.err.println("error: " + e));
    }

    /** User plus system CPU time of a process on this machine, in clock ticks (1/100 s), from /proc. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    public long cycleTitled(String title) throws IOException, InterruptedException {
        String body = send(HttpRequest.newBuilder(uri("/api/v1/cycles")).GET(), null).body();
        Matcher m = CYCLE.matcher(body);
        while (m.find()) {
            if (m.group(2).equals(title)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalArgumentException("No published cycle titled " + title);
    }

    /**
     * Registers {@code voters} residents named prefix-0..n-1 and signs each in through the pages, as a person would;
     * answers their session cookies. Spends one password hash per registration and per sign-in on the server.
     */
    public List<String> signUp(String prefix, int voters, int concurrency) throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<String>> futures = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            String username = prefix + "-" + i;
            String node = node(i);
            futures.add(pool.submit(() -> registerAndSignIn(node, username)));
        }
        List<String> sessions = new ArrayList<>();
        try {
            for (Future<String> f : futures) {
                sessions.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        lastSetupSeconds = (System.nanoTime() - start) / 1e9;
        return sessions;
    }

    private volatile double lastSetupSeconds;

    private String registerAndSignIn(String node, String username) throws IOException, InterruptedException {
        String[] page = page(node, "/register.xhtml", null);
        HttpResponse<String> registered = form(node, "/register.xhtml", page[1], Map.of("register_SUBMIT", "1",
                "register:username", username, "register:displayName", "Load " + username,
                "register:email", "", "register:password", PASSWORD, "register:submit", "Register",
                "jakarta.faces.ViewState", page[0]));
        if (registered.statusCode() != 302) {
            throw new IllegalStateException("Registering " + username + " answered " + registered.statusCode());
        }
        String[] login = page(node, "/login.xhtml", null);
        HttpResponse<String> signedIn = form(node, "/login.xhtml", login[1], Map.of("login_SUBMIT", "1",
                "login:username", username, "login:password", PASSWORD, "login:submit", "Sign in",
                "jakarta.faces.ViewState", login[0]));
        String session = cookie(signedIn, login[1]);
        if (signedIn.statusCode() != 302 || session == null) {
            throw new IllegalStateException("Signing in " + username + " answered " + signedIn.statusCode());
        }
        return session;
    }

    /**
     * Every session casts one residents' ballot (a random ranking of the cycle's options), {@code concurrency} at a
     * time; when {@code stopAfter} is above zero the run ends after that many submissions (the crash test kills the
     * server meanwhile). {@code seed} fixes the rankings.
     */
    public Report cast(long cycle, List<String> sessions, int concurrency, long seed, Runnable halfway)
            throws Exception {
        List<String> options = options(cycle);
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            List<String> ranking = new ArrayList<>(options);
            Collections.shuffle(ranking, random);
            ranking = ranking.subList(0, 1 + random.nextInt(ranking.size()));
            bodies.add("{\"channel\":\"RESIDENTS\",\"ranking\":[\"" + String.join("\",\"", ranking) + "\"]}");
        }
        ConcurrentLinkedQueue<String> receipts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long[] latencies = new long[sessions.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ThreadLocal<PlainHttp> plain = plainSockets ? ThreadLocal.withInitial(PlainHttp::new) : null;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < sessions.size()) {
                    if (halfway != null && i == sessions.size() / 2) {
                        halfway.run();
                    }
                    long t0 = System.nanoTime();
                    try {
                        int status;
                        String body;
                        if (plain != null) {
                            PlainHttp.Answer a = plain.get().postJson(node(i), "/api/v1/cycles/" + cycle + "/ballots",
                                    sessions.get(i), bodies.get(i));
                            status = a.status();
                            body = a.body();
                        } else {
                            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node(i) + "/api/v1/cycles/"
                                            + cycle + "/ballots"))
                                    .header("Content-Type", "application/json").header("X-CivicLoop-Request", "load")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))), sessions.get(i));
                            status = r.statusCode();
                            body = r.body();
                        }
                        latencies[i] = System.nanoTime() - t0;
                        Matcher m = RECEIPT.matcher(body);
                        if (status == 201 && m.find()) {
                            receipts.add(m.group(1));
                        } else if (status >= 400 && status < 500) {
                            refused.incrementAndGet();
                            errors.add(status + " " + body);
                        } else {
                            failed.incrementAndGet();
                            errors.add(status + " " + body);
                        }
                    } catch (IOException e) {
                        latencies[i] = System.nanoTime() - t0;
                        failed.incrementAndGet();
                        errors.add(e.toString());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        try {
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Report(sessions.size(), concurrency, receipts.size(), refused.get(), failed.get(), seconds,
                receipts.size() / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, lastSetupSeconds,
                List.copyOf(receipts), List.copyOf(errors));
    }

    /** One residents' ballot with this ranking from this session; answers the HTTP status. */
    public int castOne(long cycle, String session, List<String> ranking) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri("/api/v1/cycles/" + cycle + "/ballots"))
                .header("Content-Type", "application/json").header("X-CivicLoop-Request", "load")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"RESIDENTS\",\"ranking\":[\""
                        + String.join("\",\"", ranking) + "\"]}")), session).statusCode();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private List<String> options(long cycle) throws IOException, InterruptedException {
        String body = send(HttpRequest.newBuilder(uri("/api/v1/cycles/" + cycle + "/options")).GET(), null).body();
        List<String> codes = new ArrayList<>();
        Matcher m = OPTION_CODE.matcher(body);
        while (m.find()) {
            codes.add(m.group(1));
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException("Cycle " + cycle + " has no options: " + body);
        }
        return codes;
    }

    /** A page's view state and the session cookie it started. */
    private String[] page(String node, String path, String session) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(node + path)).GET(), session);
        Matcher m = VIEW_STATE.matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException(path + " has no view state (" + r.statusCode() + ")");
        }
        return new String[]{m.group(1).replace("&#58;", ":").replace("&amp;", "&"), cookie(r, session)};
    }

    private HttpResponse<String> form(String node, String path, String session, Map<String, String> fields)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(node + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())), session);
    }

    /** The cookies to send next: the previous ones, updated by the response's Set-Cookie headers. */
    private static String cookie(HttpResponse<?> r, String previous) {
        Map<String, String> jar = new LinkedHashMap<>();
        if (previous != null) {
            for (String pair : previous.split("; ")) {
                int eq = pair.indexOf('=');
                jar.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        for (String header : r.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                jar.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        if (jar.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        jar.forEach((k, v) -> out.append(out.length() == 0 ? "" : "; ").append(k).append('=').append(v));
        return out.toString();
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String session)
            throws IOException, InterruptedException {
        if (session != null) {
            request.header("Cookie", session);
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    /** The server of the i-th voter: round-robin over the servers given. */
    private String node(int voter) {
        return bases.get(voter % bases.size());
    }
}
