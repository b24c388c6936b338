package org.civicloop.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every cookie set while answering an HTTPS request is {@code Secure}, whatever set it: a {@code Cookie} added by the
 * application or a library (the language cookie, Faces' flash cookie, Liberty's sign-in token when a sign-in passes
 * through the page's response), or a {@code Set-Cookie} header written by hand. On plain HTTP (the local default)
 * cookies stay as they are, since a browser would not send a Secure cookie back there.
 *
 * <p>Liberty adds the session cookie (and the sign-in token when it signs a caller in before the application runs)
 * to its own response, out of reach of any filter, and makes them Secure only by configuration
 * ({@code civicloop.cookie.secure}: {@code httpSession cookieSecure}, {@code webAppSecurity ssoRequiresSSL}); the
 * first HTTPS request on a server where that is off logs a warning saying so (docs/security.md).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecureCookies extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SecureCookies.class.getName());
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!request.isSecure()) {
            chain.doFilter(request, response);
            return;
        }
        // The setting does not change while the server runs: read it on the first HTTPS request only.
        if (WARNED.compareAndSet(false, true) && !containerCookiesSecure()) {
            LOG.warning("This server answers HTTPS requests while civicloop.cookie.secure is false: the session cookie"
                    + " and Liberty's sign-in token are not marked Secure. Set civicloop.cookie.secure=true (e.g."
                    + " CIVICLOOP_COOKIE_SECURE=true) on every server that is reached over HTTPS (docs/security.md).");
        }
        chain.doFilter(request, new Secured(response));
    }

    private static boolean containerCookiesSecure() {
        return ConfigProvider.getConfig().getOptionalValue("civicloop.cookie.secure", Boolean.class).orElse(false);
    }

    /** A {@code Set-Cookie} header value with {@code Secure} added when it lacks it. */
    static String secured(String setCookie) {
        if (setCookie == null) {
            return null;
        }
        for (String part : setCookie.split(";")) {
            if (part.strip().toLowerCase(Locale.ROOT).equals("secure")) {
                return setCookie;
            }
        }
        return setCookie.stripTrailing() + "; Secure";
    }

    private static boolean isSetCookie(String name) {
        return "set-cookie".equalsIgnoreCase(name);
    }

    /** The response of an HTTPS request: whatever cookie is set through it is Secure. */
    static final class Secured extends HttpServletResponseWrapper {

        Secured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, isSetCookie(name) ? secured(value) : value);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, isSetCookie(name) ? secured(value) : value);
        }
    }
}
