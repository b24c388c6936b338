package org.civicloop.identity;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
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
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How people sign in: the login form (programmatic authentication from the login page, remembered in the
 * session, plus the signed {@link SignInToken} cookie that every server honours), or HTTP Basic on /api for scripts. A protected page sends the visitor to the login page; a protected
 * API call answers 401 with problem details.
 */
@ApplicationScoped
@AutoApplySession
@DeclareRoles({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
public class CivicLoopAuthentication implements HttpAuthenticationMechanism {

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    SignInToken tokens;
    @Inject
    @ConfigProperty(name = "civicloop.cookie.secure", defaultValue = "false")
    boolean secureCookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return login(request, response, context, identityStores.validate(credential));
        }
        if (request.getUserPrincipal() == null) {
            // Signed in on another server (or before this one restarted): the signed cookie every server honours.
            Optional<SignInToken.Caller> caller = tokens.verify(cookie(request, SignInToken.COOKIE));
            if (caller.isPresent()) {
                return context.notifyContainerAboutLogin(caller.get().username(), caller.get().groups());
            }
        }
        boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        String authorization = request.getHeader("Authorization");
        if (api && authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            UsernamePasswordCredential basic = decodeBasic(authorization.substring(6).trim());
            CredentialValidationResult result = basic == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(basic);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(result);
            }
            return unauthorized(response, context, "The user name or password is wrong, or the account is locked.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return unauthorized(response, context, "Sign in to do this.");
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
            return context.notifyContainerAboutLogin(result);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

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

    private AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context, String detail) {
        try {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + detail + "\"}");
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
