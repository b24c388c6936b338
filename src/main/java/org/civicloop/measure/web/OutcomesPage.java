package org.civicloop.measure.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Money;
import org.civicloop.kernel.Numbers;
import org.civicloop.measure.AccountabilityService;
import org.civicloop.measure.IndicatorReading;
import org.civicloop.measure.LedgerEntry;
import org.civicloop.measure.MetricsService;
import org.civicloop.measure.OutcomesReport;
import org.civicloop.measure.ParticipationMeasures;
import org.civicloop.measure.ReviewPanel;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Voters;

/**
 * The public results and accountability page of a cycle (/outcomes.xhtml?cycle=ID): progress of each funded option
 * (anchor #option-CODE), its objective, indicators with charts and readings, review comments, value accounts, the
 * ledger and the engagement metrics; participants answer the trust survey and panel members comment here.
 */
@Named
@ViewScoped
public class OutcomesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    OutcomesReport report;
    @Inject
    MetricsService metrics;
    @Inject
    AccountabilityService accountability;
    @Inject
    ParticipationMeasures participation;
    @Inject
    CurrentUser currentUser;

    private Long cycleId;
    private transient CycleView cycle;
    private transient List<OutcomesReport.ObjectiveView> objectives;
    private transient MetricsService.CycleMetrics cycleMetrics;
    private transient List<MetricsService.CycleMetrics> overTime;
    // Trust survey
    private Integer trust;
    private Integer heard;
    private Boolean again;
    // Review comment
    private Long commentIndicator;
    private String commentQuarter;
    private String commentText;
    private List<OutcomesReport.BudgetGroup> budgetGroups;
    private List<Voters.Turnout> turnout;

    public void load() throws IOException {
        if (getCycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    public CycleView getCycle() {
        if (cycle == null && cycleId != null) {
            cycle = cycles.find(cycleId).filter(CycleView::published).orElse(null);
        }
        return cycle;
    }

    public List<OutcomesReport.ObjectiveView> getObjectives() {
        if (objectives == null) {
            objectives = report.objectives(cycleId, true);
        }
        return objectives;
    }

    /** The objectives grouped by the budget that funded their option (city-wide first). */
    public List<OutcomesReport.BudgetGroup> getBudgetGroups() {
        if (budgetGroups == null) {
            budgetGroups = report.group(cycleId, getObjectives());
        }
        return budgetGroups;
    }

    /** Voters per budget; shown when the cycle has district budgets. */
    public List<Voters.Turnout> getTurnout() {
        if (turnout == null) {
            turnout = participation.turnout(cycleId);
        }
        return turnout;
    }

    /** Whether the cycle has district budgets (the page then groups its options by budget). */
    public boolean isGrouped() {
        return getTurnout().size() > 1;
    }

    public List<OutcomesReport.IndicatorView> getIndicators() {
        return getObjectives().stream().flatMap(o -> o.indicators().stream()).toList();
    }

    public List<IndicatorReading> getEarlierReadings() {
        return report.earlierReadings(cycleId);
    }

    public MetricsService.CycleMetrics getMetrics() {
        if (cycleMetrics == null) {
            cycleMetrics = metrics.metrics(getCycle());
        }
        return cycleMetrics;
    }

    public List<MetricsService.CycleMetrics> getOverTime() {
        if (overTime == null) {
            overTime = metrics.overTime();
        }
        return overTime;
    }

    /** The largest value of a metric over time (for scaling the bars); at least 1. */
    public double max(String metric) {
        return getOverTime().stream().map(m -> valueOf(m, metric)).filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue).map(Math::abs).max().orElse(1);
    }

    /** A metric of one cycle by name, for the over-time charts; null when not recorded. */
    public Double valueOf(MetricsService.CycleMetrics m, String metric) {
        return switch (metric) {
            case "gap" -> m.representativenessGap();
            case "repeat" -> m.repeatShare();
            case "shift" -> m.preferenceShift() == null ? null : m.preferenceShift().meanAbsoluteShift();
            case "adopted" -> m.adoption().adoptedOrModifiedShare();
            case "late" -> m.feedback() == null ? null : (double) m.feedback().daysLate();
            case "cost" -> m.costPerParticipant();
            case "trust" -> m.trust().meanTrust();
            default -> null;
        };
    }

    /** Bar width (0..200) of a metric for the over-time charts. */
    public double bar(MetricsService.CycleMetrics m, String metric) {
        Double v = valueOf(m, metric);
        double max = Math.max(max(metric), 1e-9);
        return v == null ? 0 : Math.round(200 * Math.abs(v) / max * 10) / 10.0;
    }

    /** A figure for display with its unit, or "not recorded" when there is none. */
    public String show(Double value, String unit) {
        if (value == null) {
            return Ui.text("metric.notRecorded");
        }
        if ("%".equals(unit)) {
            return Numbers.percentage(value, Ui.locale());
        }
        if (unit != null && unit.matches("[A-Z]{3}")) {
            java.text.NumberFormat money = java.text.NumberFormat.getCurrencyInstance(Ui.locale());
            money.setCurrency(java.util.Currency.getInstance(unit));
            money.setMinimumFractionDigits(value == Math.rint(value) ? 0 : 2);
            money.setMaximumFractionDigits(2);
            return money.format(value);
        }
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(Ui.locale());
        f.setMaximumFractionDigits(2);
        return unit == null || unit.isEmpty() ? f.format(value) : f.format(value) + " " + unit;
    }

    /** A whole-unit money amount in the cycle's currency. */
    public String money(long amount) {
        return new Money(amount, getCycle().currency()).format(Ui.locale());
    }

    public long total(List<LedgerEntry> lines) {
        return lines.stream().mapToLong(LedgerEntry::getAmount).sum();
    }

    public double hours(List<LedgerEntry> lines) {
        return lines.stream().filter(e -> e.getHours() != null).mapToDouble(e -> e.getHours().doubleValue()).sum();
    }

    public List<LedgerEntry> getContributions() {
        return accountability.ledger(cycleId).stream().filter(LedgerEntry::isContribution).toList();
    }

    public List<LedgerEntry> getCosts() {
        return accountability.ledger(cycleId).stream().filter(e -> !e.isContribution()).toList();
    }

    public ReviewPanel getPanel() {
        return participation.panel(cycleId).orElse(null);
    }

    public boolean isCanAnswer() {
        return currentUser.isSignedIn() && getCycle().phase().atLeast(Phase.MEASURE)
                && participation.canAnswer(cycleId, currentUser.getUsername());
    }

    public boolean isAnswered() {
        return currentUser.isSignedIn() && participation.hasAnswered(cycleId, currentUser.getUsername());
    }

    public boolean isPanelMember() {
        return currentUser.isSignedIn() && participation.isPanelMember(cycleId, currentUser.getUsername());
    }

    public String answerSurvey() {
        if (trust == null || heard == null || again == null) {
            Ui.error("survey.answerAll");
            return null;
        }
        if (Ui.report(participation.answerTrustSurvey(currentUser.actor(), cycleId, trust, heard, again),
                "survey.thanks")) {
            cycleMetrics = null;
            overTime = null;
        }
        return null;
    }

    public String comment() {
        if (commentIndicator == null) {
            Ui.error("review.chooseIndicator");
            return null;
        }
        if (Ui.report(participation.commentOnReadings(currentUser.actor(), commentIndicator, commentQuarter,
                commentText), "review.published")) {
            commentText = null;
            objectives = null;
            budgetGroups = null;
        }
        return null;
    }

    public Long getCycleId() { return cycleId; }
    public void setCycleId(Long cycleId) { this.cycleId = cycleId; }
    public Integer getTrust() { return trust; }
    public void setTrust(Integer trust) { this.trust = trust; }
    public Integer getHeard() { return heard; }
    public void setHeard(Integer heard) { this.heard = heard; }
    public Boolean getAgain() { return again; }
    public void setAgain(Boolean again) { this.again = again; }
    public Long getCommentIndicator() { return commentIndicator; }
    public void setCommentIndicator(Long v) { this.commentIndicator = v; }
    public String getCommentQuarter() { return commentQuarter; }
    public void setCommentQuarter(String v) { this.commentQuarter = v; }
    public String getCommentText() { return commentText; }
    public void setCommentText(String v) { this.commentText = v; }
}
