package org.civicloop.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proposals list load script: against a running server whose load-test cycle holds thousands of proposals and
 * their supports (start it with {@code CIVICLOOP_DEMO_PROPOSALLOAD=5000} on an empty database: 5,000 proposals,
 * 100,000 supports, see {@code ProposalLoadData}), it sends the requests a proposals page makes — the first page
 * most supported first, a deep page, the newest, a district, word searches in Spanish and English with and without
 * accents, a search within a district, and the public HTML page with a search — {@code rounds} times each from
 * {@code concurrency} clients, and prints the latency percentiles of each kind (after {@code warmup} unmeasured
 * rounds). Every answer must be 200 with at least one proposal (searches are for words the data holds).
 *
 * <pre>
 * mvn -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.civicloop.load.ProposalListLoad \
 *     -Dexec.args="--base http://localhost:9080 --rounds 200 --warmup 30 --concurrency 4"
 * </pre>
 */
public final class ProposalListLoad {

    private static final Pattern CYCLE = Pattern.compile("\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)[^{}]*?\"title\"\\s*:\\s*\"([^\"]*)\"");
    /** The load-test cycle's title ({@code ProposalDemo.LOAD_TITLE}). */
    public static final String TITLE = "Proposals at scale (load test)";

    /** One kind of request: its name and its path (with the cycle's id filled in). */
    public record Kind(String name, String path) {
    }

    /** The measured latencies of one kind, in milliseconds. */
    public record Figures(String name, int requests, int failed, double p50, double p95, double p99, double max,
                          long total) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %d |", name,
                    requests, failed, p50, p95, p99, max, total);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    public ProposalListLoad(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ProposalListLoad load = new ProposalListLoad(o.getOrDefault("base", "http://localhost:9080"));
        long cycle = load.cycle(o.getOrDefault("cycle-title", TITLE));
        List<Figures> figures = load.run(kinds(cycle), Integer.parseInt(o.getOrDefault("rounds", "200")),
                Integer.parseInt(o.getOrDefault("warmup", "30")), Integer.parseInt(o.getOrDefault("concurrency", "4")));
        System.out.println("| request | n | failed | p50 | p95 | p99 | max | matching |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        figures.forEach(f -> System.out.println(f.row()));
        if (figures.stream().anyMatch(f -> f.failed() > 0)) {
            System.exit(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The requests measured, on the cycle's proposals. */
    public static List<Kind> kinds(long cycle) {
        String api = "/api/v1/cycles/" + cycle + "/proposals";
        return List.of(
                new Kind("list, most supported, page 1", api),
                new Kind("list, most supported, page 100 of 250", api + "?page=100"),
                new Kind("list, newest first", api + "?sort=newest"),
                new Kind("district (Chamberí)", api + "?district=" + enc("Chamberí")),
                new Kind("search \"arbol\" (no accent)", api + "?q=arbol"),
                new Kind("search \"jardín botánico\"", api + "?q=" + enc("jardín botánico")),
                new Kind("search \"bike parking\"", api + "?q=" + enc("bike parking")),
                new Kind("search \"rio\" + district, newest",
                        api + "?q=rio&district=" + enc("Tetuán") + "&sort=newest"),
                new Kind("public page: search + district", "/proposals.xhtml?id=" + cycle + "&q=" + enc("sombra")
                        + "&district=Retiro"));
    }

    long cycle(String title) throws Exception {
        String body = get("/api/v1/cycles").body();
        Matcher m = CYCLE.matcher(body);
        while (m.find()) {
            if (m.group(2).equals(title)) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new IllegalStateException("No published cycle titled " + title + " at " + base
                + " (start the server with CIVICLOOP_DEMO_PROPOSALLOAD=5000 on an empty database)");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs each kind {@code warmup} then {@code rounds} times, kinds interleaved, from {@code concurrency} clients. */
    public List<Figures> run(List<Kind> kinds, int rounds, int warmup, int concurrency) throws Exception {
        List<ConcurrentLinkedQueue<Long>> times = new ArrayList<>();
        List<AtomicInteger> failed = new ArrayList<>();
        long[] totals = new long[kinds.size()];
        for (int k = 0; k < kinds.size(); k++) {
            times.add(new ConcurrentLinkedQueue<>());
            failed.add(new AtomicInteger());
            HttpResponse<String> r = get(kinds.get(k).path());
            totals[k] = Long.parseLong(r.headers().firstValue("X-Total-Count").orElse("-1"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            AtomicInteger next = new AtomicInteger();
            int all = (warmup + rounds) * kinds.size();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < all; i = next.getAndIncrement()) {
                        int k = i % kinds.size();
                        long t0 = System.nanoTime();
                        boolean ok;
                        try {
                            HttpResponse<String> r = get(kinds.get(k).path());
                            ok = r.statusCode() == 200 && (r.body().contains("\"id\"")
                                    || r.body().contains("class=\"card\""));
                        } catch (Exception e) {
                            ok = false;
                        }
                        long took = System.nanoTime() - t0;
                        if (!ok) {
                            failed.get(k).incrementAndGet();
                        } else if (i >= warmup * kinds.size()) {
                            times.get(k).add(took);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Figures> out = new ArrayList<>();
        for (int k = 0; k < kinds.size(); k++) {
            long[] sorted = times.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
            out.add(new Figures(kinds.get(k).name(), sorted.length, failed.get(k).get(), pct(sorted, 50),
                    pct(sorted, 95), pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    totals[k]));
        }
        return out;
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
