package org.civicloop.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CurrentUser;

/**
 * The interface language. A signed-in person's choice is kept on their account and applied when they sign in, on
 * any browser; a visitor's choice is kept in a cookie for a year; otherwise the browser's language, else English.
 */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "civicloop-lang";

    @Inject
    CurrentUser currentUser;
    @Inject
    AccountService accounts;

    private Locale locale;
    /** The signed-in person whose kept language has been applied in this session (null: nobody yet). */
    private String appliedFor;
    /** The language came from the cookie: this browser's visitor chose it earlier. */
    private boolean fromCookie;
    /** The language was switched to in this session. */
    private boolean switchedThisSession;

    public Locale getLocale() {
        if (locale == null) {
            FacesContext fc = FacesContext.getCurrentInstance();
            HttpServletRequest request = (HttpServletRequest) fc.getExternalContext().getRequest();
            String cookieValue = null;
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        cookieValue = c.getValue();
                    }
                }
            }
            locale = supported(cookieValue);
            this.fromCookie = locale != null;
            if (locale == null) {
                Iterator<Locale> supported = fc.getApplication().getSupportedLocales();
                List<String> tags = new ArrayList<>();
                supported.forEachRemaining(l -> tags.add(l.getLanguage()));
                Locale browser = fc.getExternalContext().getRequestLocale();
                locale = browser != null && tags.contains(browser.getLanguage())
                        ? Locale.forLanguageTag(browser.getLanguage()) : Locale.ENGLISH;
            }
        }
        applyAccountLanguage();
        return locale;
    }

    /**
     * Once per sign-in. A language switched to in this session before signing in is the person's latest choice and
     * is kept on the account; otherwise the language kept on the account wins over the cookie and the browser; a
     * choice only the cookie holds becomes the account's when the account has none.
     */
    private void applyAccountLanguage() {
        if (!currentUser.isSignedIn()) {
            appliedFor = null;
            return;
        }
        String username = currentUser.getUsername();
        if (username.equals(appliedFor)) {
            return;
        }
        appliedFor = username;
        if (switchedThisSession && locale != null) {
            accounts.chooseLanguage(currentUser.actor(), locale.getLanguage());
            return;
        }
        Locale kept = accounts.find(username).map(a -> supported(a.getLocale())).orElse(null);
        if (kept != null) {
            locale = kept;
            remember(kept);
        } else if (fromCookie && locale != null) {
            accounts.chooseLanguage(currentUser.actor(), locale.getLanguage());
        }
    }

    public String getLanguage() {
        return getLocale().getLanguage();
    }

    public List<Locale> getAvailable() {
        List<Locale> list = new ArrayList<>();
        FacesContext.getCurrentInstance().getApplication().getSupportedLocales().forEachRemaining(list::add);
        return list;
    }

    public String nameOf(Locale l) {
        String name = l.getDisplayLanguage(l);
        return name.substring(0, 1).toUpperCase(l) + name.substring(1);
    }

    /** Switches language and stays on the same page. */
    public String change(String language) {
        Locale chosen = supported(language);
        if (chosen != null) {
            locale = chosen;
            switchedThisSession = true;
            FacesContext.getCurrentInstance().getViewRoot().setLocale(chosen);
            remember(chosen);
            if (currentUser.isSignedIn()) {
                accounts.chooseLanguage(currentUser.actor(), chosen.getLanguage());
            }
        }
        return null;
    }

    /** The cookie that keeps the language for this browser, also after signing out. */
    private static void remember(Locale chosen) {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        if (!ec.isResponseCommitted()) {
            ec.addResponseCookie(COOKIE, chosen.getLanguage(), Map.of("maxAge", 31_536_000, "path", "/",
                    "httpOnly", Boolean.TRUE, "SameSite", "Lax"));
        }
    }

    private static Locale supported(String language) {
        if (language == null) {
            return null;
        }
        Iterator<Locale> it = FacesContext.getCurrentInstance().getApplication().getSupportedLocales();
        while (it.hasNext()) {
            Locale l = it.next();
            if (l.getLanguage().equals(language)) {
                return l;
            }
        }
        return null;
    }
}
