package org.civicloop.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A second Liberty server running the built WAR on the same PostgreSQL database as the Arquillian PostgreSQL server
 * (node A), with node A's sign-in secret, as two nodes behind a load balancer would be. Named and
 * ported by it.node2.server / it.node2.http.port / it.node2.https.port.
 */
final class SecondNode implements AutoCloseable {

    private static final Path WLP = Path.of("target", "liberty", "wlp");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name = System.getProperty("it.node2.server", "civicloop-node2");
    private final int port = Integer.getInteger("it.node2.http.port", 9184);
    private final int httpsPort = Integer.getInteger("it.node2.https.port", 9547);
    private final Path log = Path.of("target", "node2-server.log");

    String base() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    /** Creates the server from node A's configuration and secrets, starts it and waits until it answers. */
    static SecondNode start() throws Exception {
        SecondNode node = new SecondNode();
        node.create();
        node.boot();
        return node;
    }

    private void create() throws Exception {
        Path nodeA = WLP.resolve("usr/servers/" + System.getProperty("it.pg.server", "civicloop-it-pg"));
        Path dir = WLP.resolve("usr/servers/" + name);
        run("stop");
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir.resolve("dropins"));
        Files.copy(Path.of("liberty/server.xml"), dir.resolve("server.xml"));
        ItSupport.writeJvmOptions(dir);
        Files.copy(Path.of("target/civicloop.war"), dir.resolve("dropins/civicloop.war"),
                StandardCopyOption.REPLACE_EXISTING);
        // Node A's sign-in secret (node A gets it from arquillian.xml) and Liberty's passwords. Not its LTPA keys:
        // Liberty's token is honoured only by the server that issued it however the keys are shared, so each server
        // has its own keys and its own token cookie name, and the signed CIVICLOOPAUTH cookie carries sign-ins across.
        Files.writeString(dir.resolve("server.env"), Files.readString(nodeA.resolve("server.env")).strip()
                + "\nCIVICLOOP_AUTH_SECRET=" + System.getProperty("it.auth.secret") + "\n");
        Map<String, String> props = new LinkedHashMap<>();
        props.put("http.port", Integer.toString(port));
        props.put("https.port", Integer.toString(httpsPort));
        props.put("civicloop.jdbc.dir", Path.of("target/jdbc").toAbsolutePath().toString());
        props.put("civicloop.db.url", System.getProperty("it.pg.url"));
        props.put("civicloop.db.datasource", "org.postgresql.ds.PGSimpleDataSource");
        props.put("civicloop.db.user", System.getProperty("it.pg.user", "postgres"));
        props.put("civicloop.db.password", "unused");
        props.put("civicloop.sso.cookie", "LtpaTokenNode2");
        props.put("civicloop.password.iterations", System.getProperty("it.password.iterations", "1024"));
        StringBuilder bootstrap = new StringBuilder();
        props.forEach((k, v) -> bootstrap.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Files.writeString(dir.resolve("bootstrap.properties"), bootstrap);
    }

    private void boot() throws Exception {
        if (run("start") != 0) {
            throw new AssertionError("the second node did not start; see " + log);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the second node did not become ready; see " + log);
    }

    /** The second node's messages.log (to show why something failed). */
    String messages() {
        try {
            return Files.readString(WLP.resolve("usr/servers/" + name + "/logs/messages.log"));
        } catch (IOException e) {
            return "(no messages.log: " + e + ")";
        }
    }

    @Override
    public void close() throws Exception {
        run("stop");
    }

    private int run(String action) throws Exception {
        Process p = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return p.waitFor();
    }
}
