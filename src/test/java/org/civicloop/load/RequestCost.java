package org.civicloop.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What one signed-in request costs the server, apart from any use case: residents sign in through the real pages,
 * then read their notifications ({@code GET /api/v1/notifications}, a small query) over and over, and the script
 * prints the server's CPU time per request, read from {@code /proc} (so the server must run on this machine).
 * It is the figure to watch when changing how a signed-in caller is recognised on each request; see
 * docs/performance.md.
 *
 * <pre>
 * java -cp target/test-classes org.civicloop.load.RequestCost --base http://localhost:9080 --server-pid PID \
 *      [--requests 4000] [--clients 4]
 * </pre>
 */
public final class RequestCost {

    private RequestCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = o.getOrDefault("base", "http://localhost:9080");
        long pid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        if (pid <= 0) {
            throw new IllegalArgumentException("--server-pid PID is required: the server's process on this machine");
        }
        int requests = Integer.parseInt(o.getOrDefault("requests", "4000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "4"));
        List<String> sessions = new BallotLoad(base).signUp(
                "cost" + Long.toString(System.currentTimeMillis() % 1_000_000, 36), clients, clients);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        read(http, base, sessions, Math.max(clients, requests / 4)); // warm-up: the JIT compiles the request path
        long before = BallotLoad.cpuTicks(pid);
        long started = System.nanoTime();
        int refused = read(http, base, sessions, requests);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "{\"requests\": %d, \"clients\": %d, \"notOk\": %d, \"seconds\": %.1f,"
                        + " \"serverCpuMillisPerRequest\": %.2f}%n", requests, clients, refused, seconds,
                (BallotLoad.cpuTicks(pid) - before) * 10.0 / requests);
    }

    /** Each session reads its notifications {@code requests / sessions} times; answers how many were not 200. */
    private static int read(HttpClient http, String base, List<String> sessions, int requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (String session : sessions) {
                done.add(pool.submit(() -> {
                    int notOk = 0;
                    for (int i = 0; i < requests / sessions.size(); i++) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base
                                        + "/api/v1/notifications")).header("Cookie", session)
                                .header("Accept", "application/json").GET().build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            notOk++;
                        }
                    }
                    return notOk;
                }));
            }
            int notOk = 0;
            for (Future<Integer> f : done) {
                notOk += f.get();
            }
            return notOk;
        } finally {
            pool.shutdown();
        }
    }
}
