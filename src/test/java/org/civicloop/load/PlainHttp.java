package org.civicloop.load;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A lean HTTP/1.1 client for the casting phase of the load script: one kept-alive socket per server for the thread
 * that owns it, plain blocking reads. The JDK's HttpClient spent about 2 ms of CPU per ballot, which on a 2-core
 * machine shared with the server is CPU the server does not get; this one spends a fraction of that. Not thread-safe:
 * one instance per client thread.
 */
final class PlainHttp implements AutoCloseable {

    record Answer(int status, String body) {
    }

    private final Map<String, Connection> connections = new HashMap<>();

    private static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final String host;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
            host = base.getHost() + ":" + base.getPort();
        }
    }

    /** POSTs a JSON body with the session cookie; retries once on a fresh connection if a kept-alive one was closed. */
    Answer postJson(String base, String path, String cookie, String json) throws IOException {
        try {
            return exchange(connection(base), path, cookie, json);
        } catch (IOException stale) {
            drop(base);
            return exchange(connection(base), path, cookie, json);
        }
    }

    private Connection connection(String base) throws IOException {
        Connection c = connections.get(base);
        if (c == null) {
            c = new Connection(URI.create(base));
            connections.put(base, c);
        }
        return c;
    }

    private void drop(String base) {
        Connection c = connections.remove(base);
        if (c != null) {
            try {
                c.socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    private Answer exchange(Connection c, String path, String cookie, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + c.host + "\r\nContent-Type: application/json\r\n"
                + "X-CivicLoop-Request: load\r\nCookie: " + cookie + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        c.out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        c.out.write(body);
        c.out.flush();
        String status = line(c.in);
        if (status == null) {
            throw new IOException("connection closed before the answer");
        }
        int code = Integer.parseInt(status.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        String h;
        while ((h = line(c.in)) != null && !h.isEmpty()) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        if (chunked) {
            int size;
            while ((size = Integer.parseInt(line(c.in).split(";")[0].trim(), 16)) > 0) {
                answer.write(c.in.readNBytes(size));
                line(c.in);
            }
            while ((h = line(c.in)) != null && !h.isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            answer.write(c.in.readNBytes(length));
        } else {
            answer.write(c.in.readAllBytes());
            close = true;
        }
        if (close) {
            c.socket.close();
            connections.values().remove(c);
        }
        return new Answer(code, answer.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int ch;
        while ((ch = in.read()) != -1) {
            if (ch == '\n') {
                int n = b.length();
                return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
            }
            b.append((char) ch);
        }
        return b.length() == 0 ? null : b.toString();
    }

    @Override
    public void close() {
        for (String base : Map.copyOf(connections).keySet()) {
            drop(base);
        }
    }
}
