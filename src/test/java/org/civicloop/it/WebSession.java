package org.civicloop.it;

import java.net.CookieManager;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like client without a browser: keeps cookies, reads view state, posts Faces forms. */
final class WebSession {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final URL base;
    private final HttpClient http;
    private String language = "en";

    /** The Accept-Language of every later request. */
    WebSession language(String tag) {
        this.language = tag;
        return this;
    }

    WebSession(URL base) {
        this(base, true);
    }

    /** Without cookies every request stands alone (e.g. HTTP Basic as a different person each time). */
    WebSession(URL base, boolean cookies) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            b.cookieHandler(new CookieManager());
        }
        this.http = b.build();
    }

    /**
     * The same server over HTTPS (the test servers' https port, it.https.port), trusting its self-signed certificate.
     */
    static WebSession overHttps(URL base) throws Exception {
        String port = System.getProperty("it.https.port");
        if (port == null) {
            throw new IllegalStateException("it.https.port is not set (the pom passes each test server's https port)");
        }
        URL https = new URL("https", base.getHost(), Integer.parseInt(port), base.getPath());
        javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
        ssl.init(null, new javax.net.ssl.TrustManager[] {new TrustingManager()}, new java.security.SecureRandom());
        return new WebSession(https, HttpClient.newBuilder().sslContext(ssl));
    }

    private WebSession(URL base, HttpClient.Builder b) {
        this.base = base;
        this.http = b.version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).cookieHandler(new CookieManager()).build();
    }

    /** Trusts the test server's self-signed certificate (and skips the host name check, done by the manager). */
    private static final class TrustingManager extends javax.net.ssl.X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth, java.net.Socket s) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth, java.net.Socket s) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth,
                                       javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth,
                                       javax.net.ssl.SSLEngine e) {
        }

        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {
        }

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth) {
        }

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }

    URI uri(String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                        .header("Accept-Language", language).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String viewState(String html) {
        Matcher m = VIEW_STATE.matcher(html);
        return m.find() ? m.group(1).replace("&#58;", ":").replace("&amp;", "&") : null;
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                        .header("Accept-Language", language)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the login page; answers the response to the form post. */
    HttpResponse<String> signIn(String username, String password) throws Exception {
        HttpResponse<String> page = get("/login.xhtml");
        String state = viewState(page.body());
        if (state == null) {
            throw new IllegalStateException("the login page has no view state: " + page.statusCode());
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("login_SUBMIT", "1");
        f.put("login:username", username);
        f.put("login:password", password);
        f.put("login:submit", "Sign in");
        f.put("jakarta.faces.ViewState", state);
        return postForm("/login.xhtml", f);
    }

    /** Signs in and fails unless the sign-in worked (a redirect away from the login page). */
    WebSession signedIn(String username, String password) throws Exception {
        HttpResponse<String> r = signIn(username, password);
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("login")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r.statusCode());
        }
        return this;
    }
}
