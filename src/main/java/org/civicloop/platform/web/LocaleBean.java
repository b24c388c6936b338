package org.civicloop.platform.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The interface language: chosen from the switch (kept in a cookie for a year), else the browser's. */
@Named
@SessionScoped
public class LocaleBean implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String COOKIE = "civicloop-lang";

    private Locale locale;

    public Locale getLocale() {
        if (locale == null) {
            FacesContext fc = FacesContext.getCurrentInstance();
            HttpServletRequest request = (HttpServletRequest) fc.getExternalContext().getRequest();
            String fromCookie = null;
            if (request.getCookies() != null) {
                for (Cookie c : request.getCookies()) {
                    if (COOKIE.equals(c.getName())) {
                        fromCookie = c.getValue();
                    }
                }
            }
            locale = supported(fromCookie);
            if (locale == null) {
                Iterator<Locale> supported = fc.getApplication().getSupportedLocales();
                List<String> tags = new ArrayList<>();
                supported.forEachRemaining(l -> tags.add(l.getLanguage()));
                Locale browser = fc.getExternalContext().getRequestLocale();
                locale = browser != null && tags.contains(browser.getLanguage())
                        ? Locale.forLanguageTag(browser.getLanguage()) : Locale.ENGLISH;
            }
        }
        return locale;
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
            FacesContext fc = FacesContext.getCurrentInstance();
            fc.getViewRoot().setLocale(chosen);
            ExternalContext ec = fc.getExternalContext();
            ec.addResponseCookie(COOKIE, chosen.getLanguage(), Map.of("maxAge", 31_536_000, "path", "/",
                    "httpOnly", Boolean.TRUE, "SameSite", "Lax"));
        }
        return null;
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
