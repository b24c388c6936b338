package org.civicloop.cycle.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.EngagementActivity;
import org.civicloop.cycle.LadderLevel;
import org.civicloop.cycle.MandateService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/** The council's engagement register: every activity, its purpose and how much influence it gives. */
@Named
@RequestScoped
public class EngagementBean {

    @Inject
    MandateService mandate;
    @Inject
    CurrentUser currentUser;

    private List<EngagementActivity> activities;
    private String council = "Riverside Borough Council";
    private String title;
    private String purpose;
    private LadderLevel ladderLevel = LadderLevel.CONSULT;
    private LocalDate startsOn;
    private LocalDate endsOn;

    public List<EngagementActivity> getActivities() {
        if (activities == null) {
            activities = mandate.register();
        }
        return activities;
    }

    public String register() {
        if (Ui.report(mandate.registerActivity(currentUser.actor(), council, title, purpose, ladderLevel, startsOn,
                endsOn), "activity.registered")) {
            return Ui.redirect("/engagement.xhtml?faces-redirect=true");
        }
        return null;
    }

    public LadderLevel[] getLadderLevels() { return LadderLevel.values(); }
    public String getCouncil() { return council; }
    public void setCouncil(String s) { this.council = s; }
    public String getTitle() { return title; }
    public void setTitle(String s) { this.title = s; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String s) { this.purpose = s; }
    public LadderLevel getLadderLevel() { return ladderLevel; }
    public void setLadderLevel(LadderLevel l) { this.ladderLevel = l; }
    public LocalDate getStartsOn() { return startsOn; }
    public void setStartsOn(LocalDate d) { this.startsOn = d; }
    public LocalDate getEndsOn() { return endsOn; }
    public void setEndsOn(LocalDate d) { this.endsOn = d; }
}
