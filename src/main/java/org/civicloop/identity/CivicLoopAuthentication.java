package org.civicloop.identity;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.RateLimiter;
import org.civicloop.platform.ApiLanguage;
import org.civicloop.platform.RateLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How people sign in: the login form (programmatic authentication from the login page, remembered in the
 * session, plus the signed {@link SignInToken} cookie that every server honours), or HTTP Basic on /api for scripts. A protected page sends the visitor to the login page; a protected
 * API call answers 401 with problem details.
 *
 * <p>The sign-in is remembered the way {@code @AutoApplySession} would (the container's "register session"), but
 * without that annotation: on a later request the container has already restored the signed-in caller from its
 * session token before asking this mechanism, and this mechanism answers SUCCESS without naming the caller again.
 * Naming the caller again (which {@code @AutoApplySession} does on every request) makes Open Liberty build a new
 * subject and sign a new token with RSA for its authentication cache, per request.
 */
@ApplicationScoped
@DeclareRoles({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
public class CivicLoopAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    RateLimits limits;
    @Inject
    SignInToken tokens;
    @Inject
    @ConfigProperty(name = "civicloop.cookie.secure", defaultValue = "false")
    boolean secureCookie;

    /** Set once this mechanism wrote a 401 or 429 answer to a request. */
    private static final String ANSWERED = "org.civicloop.signIn.answered";

    /** Set once a request's failed sign-in was counted: the container may ask this mechanism twice per request. */
    private static final String COUNTED = "org.civicloop.signIn.counted";

    /** Request attribute set when a form sign-in was refused by the rate limit: the wait as a Duration. */
    public static final String RATE_LIMITED = "org.civicloop.signIn.rateLimited";

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential == null && request.getUserPrincipal() != null) {
            // Restored from the registered session: keep it as it is (see the class comment).
            return AuthenticationStatus.SUCCESS;
        }
        String address = request.getRemoteAddr();
        if (credential != null) {
            String caller = credential instanceof UsernamePasswordCredential up ? up.getCaller() : null;
            Optional<Duration> wait = limits.signInBlocked(caller, address);
            if (wait.isPresent()) {
                // The login page answers 429 with its message (LoginBean); "not done" keeps the container from
                // turning this into a 401 of its own.
                request.setAttribute(RATE_LIMITED, wait.get());
                return context.doNothing();
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() != CredentialValidationResult.Status.VALID) {
                countFailure(request, caller, address);
            }
            return login(request, response, context, result);
        }
        if (request.getUserPrincipal() == null) {
            // Signed in on another server (or before this one restarted): the signed cookie every server honours.
            Optional<SignInToken.Caller> caller = tokens.verify(cookie(request, SignInToken.COOKIE));
            if (caller.isPresent()) {
                return registerSession(context,
                        context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups()));
            }
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (request.getAttribute(ANSWERED) != null) {
                return AuthenticationStatus.SEND_FAILURE; // asked again within the same request: answered already
            }
            UsernamePasswordCredential basic = decodeBasic(authorization.substring(6).trim());
            String caller = basic == null ? null : basic.getCaller();
            Optional<Duration> wait = limits.signInBlocked(caller, address);
            if (wait.isPresent()) {
                return tooManyRequests(request, response, wait.get());
            }
            CredentialValidationResult result = basic == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(basic);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            countFailure(request, caller, address);
            return unauthorized(response, context, "problem.detail.signInFailed");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return unauthorized(response, context, "problem.detail.401");
        }
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return context.redirect(request.getContextPath() + "/login.xhtml?next="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context, CredentialValidationResult result) {
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            // A browser-session cookie (no Max-Age): closing the browser signs out, as on a shared library computer
            // one expects; the token carries its own expiry besides.
            tokens.issue(result.getCallerPrincipal().getName()).ifPresent(t -> setCookie(request, response, t, -1));
            return registerSession(context, context.notifyContainerAboutLogin(result));
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Asks the container to remember this sign-in for the following requests (what {@code @AutoApplySession} does). */
    private static AuthenticationStatus registerSession(HttpMessageContext context, AuthenticationStatus status) {
        if (status == AuthenticationStatus.SUCCESS) {
            context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
        }
        return status;
    }

    /** The Jakarta Authentication key for "remember this caller" (Servlet container profile). */
    private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";

    /** Signing out (request.logout()) also ends the sign-in that other servers honour. */
    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        setCookie(request, response, "", 0);
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String value, int maxAge) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        response.addHeader("Set-Cookie", SignInToken.COOKIE + "=" + value + "; Path=" + path
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "")
                + "; HttpOnly; SameSite=Lax" + (secureCookie || request.isSecure() ? "; Secure" : ""));
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (name.equals(c.getName())) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /** The language of an API call refused before it reaches the API (as {@link ApiLanguage} picks it). */
    private static Locale language(HttpServletRequest request) {
        String lang = request.getQueryString() != null && request.getQueryString().contains("lang=")
                ? request.getParameter("lang") : null;
        return ApiLanguage.of(request.getHeader("Accept-Language") == null ? List.of() : List.of(request.getLocale()),
                lang);
    }

    /** Problem details written by the authentication mechanism itself, in the caller's language. */
    private static String problem(HttpServletRequest request, int status, String title, String detailKey,
            Object... args) {
        Locale locale = language(request);
        return Json.createObjectBuilder().add("type", "about:blank")
                .add("title", Messages.format(locale, title)).add("status", status)
                .add("detail", Messages.format(locale, detailKey, args)).build().toString();
    }

    private AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
            String detailKey) {
        context.getRequest().setAttribute(ANSWERED, Boolean.TRUE);
        try {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem(context.getRequest(), 401, "problem.title.unauthorized", detailKey));
        } catch (IOException e) {
            // The client went away; nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private void countFailure(HttpServletRequest request, String caller, String address) {
        if (request.getAttribute(COUNTED) == null) {
            request.setAttribute(COUNTED, Boolean.TRUE);
            limits.signInFailed(caller, address);
        }
    }

    private AuthenticationStatus tooManyRequests(HttpServletRequest request, HttpServletResponse response,
                                                 Duration wait) {
        request.setAttribute(ANSWERED, Boolean.TRUE);
        if (response.isCommitted()) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        try {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(RateLimiter.retryAfterSeconds(wait)));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem(request, 429, "problem.title.tooManyRequests",
                    "problem.detail.signInsBlocked", String.valueOf(RateLimiter.retryAfterSeconds(wait))));
            // committed now, so that the container cannot turn the failure into a plain 401
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing to tell it.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static UsernamePasswordCredential decodeBasic(String encoded) {
        try {
            String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon <= 0 ? null : new UsernamePasswordCredential(pair.substring(0, colon), pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
