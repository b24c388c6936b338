package org.civicloop.deliberation.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.civicloop.deliberation.JurySession;
import org.civicloop.deliberation.ParticipationService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/** A juror's phone: join with the session code (or the link that carries it), then the live page. */
@Named
@ViewScoped
public class JurorLiveBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ParticipationService participation;
    @Inject
    CurrentUser currentUser;

    private String code;
    private JurySession session;

    /** With a code in the link: join at once. */
    public void load() {
        if (code != null && !code.isBlank() && session == null) {
            join();
        }
    }

    public String join() {
        Result<JurySession> r = participation.join(currentUser.actor(), code);
        if (Ui.report(r, null)) {
            session = r.value();
        }
        return null;
    }

    public boolean isJoined() {
        return session != null;
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public JurySession getSession() { return session; }
}
