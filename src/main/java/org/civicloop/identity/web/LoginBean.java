package org.civicloop.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CivicLoopAuthentication;
import org.civicloop.platform.web.Ui;
import org.civicloop.kernel.RateLimiter;

/** The sign-in form and sign-out. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    SecurityContext security;
    @Inject
    AccountService accounts;

    private String username;
    private String password;
    private String next;

    public String login() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        HttpServletResponse response = (HttpServletResponse) ec.getResponse();
        if (accounts.find(username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT))
                .map(a -> a.getLockedUntil() != null && a.getLockedUntil().isAfter(java.time.Instant.now()))
                .orElse(false)) {
            Ui.error("login.locked");
            return null;
        }
        // A new session id on sign-in: no session fixation.
        request.getSession(true);
        request.changeSessionId();
        AuthenticationStatus status = security.authenticate(request, response, AuthenticationParameters.withParams()
                .newAuthentication(true)
                .credential(new UsernamePasswordCredential(username == null ? "" : username.strip(),
                        password == null ? "" : password)));
        if (status == AuthenticationStatus.SUCCESS) {
            fc.responseComplete();
            ec.redirect(ec.getRequestContextPath() + safeNext());
            return null;
        }
        if (status == AuthenticationStatus.SEND_CONTINUE) {
            fc.responseComplete();
            return null;
        }
        if (request.getAttribute(CivicLoopAuthentication.RATE_LIMITED) instanceof java.time.Duration wait) {
            long seconds = RateLimiter.retryAfterSeconds(wait);
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            Ui.error("login.rateLimited", (seconds + 59) / 60);
            return null;
        }
        boolean lockedNow = accounts.find(username == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT))
                .map(a -> a.getLockedUntil() != null && a.getLockedUntil().isAfter(java.time.Instant.now()))
                .orElse(false);
        Ui.error(lockedNow ? "login.locked" : "login.failed");
        return null;
    }

    /** Only a path inside this site: never an open redirect. */
    String safeNext() {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.contains("://") || next.contains("\r") || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    public String logout() throws ServletException, IOException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        request.logout();
        ec.invalidateSession();
        ec.redirect(ec.getRequestContextPath() + "/");
        return null;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
