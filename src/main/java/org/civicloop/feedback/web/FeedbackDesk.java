package org.civicloop.feedback.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Recommendation;
import org.civicloop.feedback.ReportDraft;
import org.civicloop.feedback.ReportVersion;
import org.civicloop.feedback.ResponseDraft;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;
import org.civicloop.feedback.ReportPublication;
import org.civicloop.voting.Budget;
import org.civicloop.voting.Budgets;

/** The officer's decide-and-feed-back panel in the cycle workspace: responses, sign-offs, publishing, corrections. */
@Named
@ViewScoped
public class FeedbackDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    FeedbackService feedback;
    @Inject
    ReportPublication publication;
    @Inject
    CurrentUser currentUser;
    @Inject
    Budgets budgets;

    /** The response form of one recommendation. */
    public static final class Form implements Serializable {
        private static final long serialVersionUID = 1L;
        private Recommendation.Response response;
        private String rationale;
        private String tradeOff;
        private String budgetLine;
        private Long amountCommitted;
        private String whoLoses;
        private String offered;
        private String decisionMaker;
        private boolean politicalDecision;
        private String member;
        private LocalDate signedOn;

        public Recommendation.Response getResponse() { return response; }
        public void setResponse(Recommendation.Response r) { this.response = r; }
        public String getRationale() { return rationale; }
        public void setRationale(String s) { this.rationale = s; }
        public String getTradeOff() { return tradeOff; }
        public void setTradeOff(String s) { this.tradeOff = s; }
        public String getBudgetLine() { return budgetLine; }
        public void setBudgetLine(String s) { this.budgetLine = s; }
        public Long getAmountCommitted() { return amountCommitted; }
        public void setAmountCommitted(Long a) { this.amountCommitted = a; }
        public String getWhoLoses() { return whoLoses; }
        public void setWhoLoses(String s) { this.whoLoses = s; }
        public String getOffered() { return offered; }
        public void setOffered(String s) { this.offered = s; }
        public String getDecisionMaker() { return decisionMaker; }
        public void setDecisionMaker(String s) { this.decisionMaker = s; }
        public boolean isPoliticalDecision() { return politicalDecision; }
        public void setPoliticalDecision(boolean b) { this.politicalDecision = b; }
        public String getMember() { return member; }
        public void setMember(String s) { this.member = s; }
        public LocalDate getSignedOn() { return signedOn; }
        public void setSignedOn(LocalDate d) { this.signedOn = d; }
    }

    private final Map<Long, Form> forms = new HashMap<>();
    private String summary;
    private String nextSteps;
    private LocalDate nextDate;
    private String changeNote;
    private boolean prefilled;

    /** The form of a recommendation, filled from its current response the first time. */
    public Form form(Recommendation r) {
        return forms.computeIfAbsent(r.getId(), id -> {
            Form f = new Form();
            f.response = r.getResponse();
            f.rationale = r.getRationale();
            f.tradeOff = r.getTradeOff();
            f.budgetLine = r.getBudgetLine();
            f.amountCommitted = r.getAmountCommitted();
            f.whoLoses = r.getWhoLoses();
            f.offered = r.getOffered();
            f.politicalDecision = r.isPolitical();
            f.decisionMaker = r.getDecidedBy() != null ? r.getDecidedBy() : feedback.decisionMakerOf(r.getCycleId());
            f.signedOn = LocalDate.now(java.time.ZoneOffset.UTC);
            return f;
        });
    }

    public String respond(Recommendation r) {
        Form f = form(r);
        Ui.report(feedback.respond(currentUser.actor(), r.getId(), new ResponseDraft(f.response, f.rationale,
                f.tradeOff, f.budgetLine, f.amountCommitted, f.whoLoses, f.offered, f.decisionMaker,
                f.politicalDecision)), "response.recorded");
        return null;
    }

    public String signOff(Recommendation r) {
        Form f = form(r);
        Ui.report(feedback.recordSignOff(currentUser.actor(), r.getId(), f.member, f.signedOn), "fb.signedOffMsg");
        return null;
    }

    public String publish(long cycleId) {
        if (Ui.report(publication.publishReport(currentUser.actor(), cycleId, new ReportDraft(summary, nextSteps,
                nextDate)), "report.publishedMsg")) {
            return Ui.redirect("/officer/cycle.xhtml?faces-redirect=true&id=" + cycleId);
        }
        return null;
    }

    public String correct(long cycleId) {
        if (Ui.report(publication.publishCorrection(currentUser.actor(), cycleId, new ReportDraft(summary, nextSteps,
                nextDate), changeNote), "fb.correctedMsg")) {
            changeNote = null;
        }
        return null;
    }

    /** Fills the report form from the latest published version once, so a correction starts from what was said. */
    public boolean prefill(long cycleId) {
        if (!prefilled) {
            prefilled = true;
            feedback.latest(cycleId).map(feedback::read).ifPresent(r -> {
                summary = r.changed().summary();
                nextSteps = r.next().steps();
                nextDate = r.next().nextDate();
            });
        }
        return true;
    }

    /** The budget a recommendation comes from, named for the officer; null when the cycle has one budget. */
    public String budgetName(Recommendation r) {
        if (!budgets.hasDistrictBudgets(r.getCycleId())) {
            return null;
        }
        return budgets.find(r.getCycleId(), r.getBudgetCode()).filter(b -> !b.cityWide())
                .map(Budget::label).orElse(Ui.text("budget.cityWide"));
    }

    public List<Recommendation> recommendations(long cycleId) {
        return feedback.recommendations(cycleId);
    }

    public List<ReportVersion> versions(long cycleId) {
        return feedback.versions(cycleId);
    }

    /** Takes the page's cycle (loading it again here could leave a stale copy in the request's persistence context). */
    public boolean overdue(CycleView cycle) {
        return cycle != null && feedback.isOverdue(cycle);
    }

    public Recommendation.Response[] getResponseValues() { return Recommendation.Response.values(); }
    public String getSummary() { return summary; }
    public void setSummary(String s) { this.summary = s; }
    public String getNextSteps() { return nextSteps; }
    public void setNextSteps(String s) { this.nextSteps = s; }
    public LocalDate getNextDate() { return nextDate; }
    public void setNextDate(LocalDate d) { this.nextDate = d; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String s) { this.changeNote = s; }
}
