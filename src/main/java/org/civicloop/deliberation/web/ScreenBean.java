package org.civicloop.deliberation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.deliberation.JurySession;
import org.civicloop.deliberation.SessionService;

/** A projector screen: opened with the session's screen key (no sign-in; it shows only aggregates). */
@Named
@RequestScoped
public class ScreenBean {

    @Inject
    SessionService sessions;

    private String key;
    private JurySession session;

    public void load() {
        session = sessions.byScreenKey(key).orElse(null);
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
    public JurySession getSession() { return session; }
}
