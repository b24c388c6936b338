package org.civicloop.jury.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.JuryDraw;
import org.civicloop.jury.ImportedName;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.JuryAttendance;
import org.civicloop.jury.JuryDraws;
import org.civicloop.jury.Volunteer;
import org.civicloop.jury.selection.io.PopulationTargets;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

/**
 * The jury on the officer's cycle workspace: categories and quotas (typed, or derived from population shares), the
 * commitment to the draw, and the invitees' answers, attendance and replacements.
 */
@Named
@ViewScoped
public class JuryPanelBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    JuryService jury;

    @Inject

    JuryDraws draws;

    @Inject

    JuryAttendance attendance;
    @Inject
    AccountService accounts;
    @Inject
    CurrentUser currentUser;

    private long cycleId = -1;
    private Integer jurySize;
    private String drawSeed;
    private String quotasCsv;
    private String targetsCsv;
    private Integer targetsPanel;
    private Integer targetsTolerance = 1;

    @PostConstruct
    void init() {
        cycleId = CsvTransfer.cycleIdOfPage();
    }

    public String setQuotas() {
        Ui.report(draws.setQuotas(currentUser.actor(), cycleId, quotasCsv), "quotas.saved");
        return null;
    }

    public String commitDraw() {
        if (jurySize == null) {
            Ui.error("refused.jury.size", jury.pool(cycleId).size());
            return null;
        }
        if (Ui.report(draws.commitDraw(currentUser.actor(), cycleId, jurySize, drawSeed), "jury.committed")) {
            drawSeed = null;
        }
        return null;
    }

    public String accepted(long volunteerId) {
        return reloadedIf(Ui.report(attendance.recordResponse(currentUser.actor(), volunteerId, Volunteer.Response.ACCEPTED),
                "jury.recorded"));
    }

    public String declined(long volunteerId) {
        return reloadedIf(Ui.report(attendance.recordResponse(currentUser.actor(), volunteerId, Volunteer.Response.DECLINED),
                "jury.recorded"));
    }

    public String attended(long volunteerId) {
        return reloadedIf(Ui.report(attendance.recordAttendance(currentUser.actor(), volunteerId), "jury.recorded"));
    }

    public String replace(long volunteerId) {
        return reloadedIf(Ui.report(attendance.drawReplacement(currentUser.actor(), volunteerId), "jury.replaced"));
    }

    /**
     * After a change to the draw or the invitees, shows the page anew (with the message): the page read them before
     * the change in this same request, and would otherwise show what was there before.
     */
    private String reloadedIf(boolean done) {
        return done ? Ui.redirect(FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&id="
                + cycleId) : null;
    }

    /** Fills the quotas from population shares (census) for the officer to check and save; saves nothing. */
    public String deriveQuotas() {
        try {
            quotasCsv = PopulationTargets.quotasCsv(PopulationTargets.derive(new StringReader(
                            targetsCsv == null ? "" : targetsCsv.strip()),
                    targetsPanel == null ? 0 : targetsPanel, targetsTolerance == null ? 0 : targetsTolerance));
            Ui.report(Result.done(quotasCsv), "quotas.derived");
        } catch (IOException | RuntimeException e) {
            Ui.error("refused.quotas.csv", e.getMessage());
        }
        return null;
    }

    public List<Volunteer> getInvited() { return jury.invited(cycleId); }

    public boolean isReplaced(long volunteerId) {
        return jury.invited(cycleId).stream().anyMatch(v -> Long.valueOf(volunteerId).equals(v.getReplacesId()));
    }

    /** Who an invitee is, for the officer: their username, or for an imported person the id in the imported file. */
    public String inviteeName(Volunteer v) {
        if (v.getAccountId() != null) {
            return accounts.usernameOf(v.getAccountId());
        }
        String header = jury.setting(cycleId).getPoolHeader();
        return jury.personal(cycleId).stream().filter(p -> p.getVolunteerId().equals(v.getId())).findFirst()
                .map(p -> ImportedName.label(header, p.getSourceRow(), p.getExternalId()))
                .filter(s -> s != null && !s.isBlank()).orElse("#" + v.getId());
    }

    public JuryDraw getDraw() { return jury.findDraw(cycleId).orElse(null); }
    public List<JuryService.RepresentationLine> getRepresentation() { return jury.representation(cycleId); }
    public List<Volunteer> getPool() { return jury.pool(cycleId); }
    public List<Volunteer> getJury() { return jury.jury(cycleId); }

    public String getTargetsCsv() { return targetsCsv; }
    public void setTargetsCsv(String s) { this.targetsCsv = s; }
    public Integer getTargetsPanel() { return targetsPanel; }
    public void setTargetsPanel(Integer n) { this.targetsPanel = n; }
    public Integer getTargetsTolerance() { return targetsTolerance; }
    public void setTargetsTolerance(Integer n) { this.targetsTolerance = n; }
    public String getQuotasCsv() { return quotasCsv; }
    public void setQuotasCsv(String s) { this.quotasCsv = s; }
    public Integer getJurySize() { return jurySize; }
    public void setJurySize(Integer jurySize) { this.jurySize = jurySize; }
    public String getDrawSeed() { return drawSeed; }
    public void setDrawSeed(String drawSeed) { this.drawSeed = drawSeed; }
}
