package org.civicloop.jury.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Volunteering;
import org.civicloop.kernel.RateLimiter;
import org.civicloop.kernel.Result;
import org.civicloop.platform.RateLimits;
import org.civicloop.platform.web.Ui;

/**
 * The volunteering form on the public cycle page: the category answers, the address or an invitation letter's code,
 * consent. Wrong letter codes count against a rate limit per account and per address.
 */
@Named("volunteerForm")
@ViewScoped
public class VolunteerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Volunteering volunteering;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;
    @Inject
    RateLimits rateLimits;

    private boolean consent;
    private String address;
    private String code;
    private final Map<String, String> answers = new HashMap<>();

    /** Volunteers the signed-in resident for the cycle's jury pool (a signed-out visitor is sent to sign in first). */
    public String volunteer(long cycleId) {
        Optional<CycleView> cycle = cycles.find(cycleId).filter(c -> c.published() || currentUser.isOfficer());
        if (cycle.isEmpty()) {
            Ui.error("error.cycleNotFound");
            return null;
        }
        if (!currentUser.isSignedIn()) {
            return Ui.redirect("/login.xhtml?faces-redirect=true&next=%2Fcycle.xhtml%3Fid%3D" + cycleId);
        }
        boolean withCode = code != null && !code.isBlank();
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        String client = ((HttpServletRequest) ec.getRequest()).getRemoteAddr();
        if (withCode) {
            Optional<Duration> wait = rateLimits.letterCodeBlocked(currentUser.getUsername(), client);
            if (wait.isPresent()) {
                long seconds = RateLimiter.retryAfterSeconds(wait.get());
                ec.setResponseStatus(429);
                ec.setResponseHeader("Retry-After", Long.toString(seconds));
                Ui.error("volunteer.codeRateLimited", (seconds + 59) / 60);
                return null;
            }
        }
        Result<?> r = volunteering.volunteer(currentUser.actor(), cycleId, consent, answers, address, code);
        if (withCode && r instanceof Result.Refused<?> refused
                && refused.key().startsWith("refused.volunteer.code")) {
            rateLimits.letterCodeFailed(currentUser.getUsername(), client);
        }
        Ui.report(r, "volunteer.done");
        return null;
    }

    public Map<String, String> getAnswers() { return answers; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}
