package org.civicloop.deliberation.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.civicloop.deliberation.JurySession;
import org.civicloop.deliberation.OpinionStatement;
import org.civicloop.deliberation.SessionPlanning;
import org.civicloop.deliberation.SessionService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/** The jury sessions and opinion statements of one cycle, on the facilitator's console. */
@Named
@ViewScoped
public class SessionsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SessionService sessions;
    @Inject
    SessionPlanning planning;
    @Inject
    CurrentUser currentUser;

    private Long cycleId;
    private String title;
    private String wording;

    @PostConstruct
    void init() {
        long id = Ui.pageId();
        cycleId = id < 0 ? null : id;
    }

    public List<JurySession> getSessions() {
        return cycleId == null ? List.of() : sessions.sessions(cycleId);
    }

    public List<OpinionStatement> getStatements() {
        return cycleId == null ? List.of() : sessions.statements(cycleId);
    }

    public String create() {
        if (cycleId != null && Ui.report(planning.createSession(currentUser.actor(), cycleId, title),
                "session.created")) {
            title = null;
        }
        return null;
    }

    public String addStatement() {
        if (cycleId != null && Ui.report(planning.addStatement(currentUser.actor(), cycleId, wording),
                "statement.added")) {
            wording = null;
        }
        return null;
    }

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getWording() { return wording; }
    public void setWording(String wording) { this.wording = wording; }
}
