package org.civicloop.measure.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.ValueCell;
import org.civicloop.identity.CurrentUser;
import org.civicloop.measure.AccountabilityService;
import org.civicloop.measure.Frequency;
import org.civicloop.measure.IndicatorDraft;
import org.civicloop.measure.IndicatorKind;
import org.civicloop.measure.MeasureService;
import org.civicloop.measure.ObjectiveDraft;
import org.civicloop.measure.OutcomesReport;
import org.civicloop.measure.ParticipationMeasures;
import org.civicloop.measure.ProgressStatus;
import org.civicloop.measure.ReviewPanel;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.CostedOption;

/**
 * The officer's measuring page (/officer/measure.xhtml?id=ID): objectives, milestones, progress, indicators, readings
 * and the review panel of one cycle; the providers' value accounts, promises and the ledger are
 * {@link AccountabilityBean}'s.
 */
@Named
@ViewScoped
public class MeasureBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    MeasureService measure;
    @Inject
    AccountabilityService accountability;
    @Inject
    ParticipationMeasures participation;
    @Inject
    OutcomesReport report;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private transient CycleView cycle;
    private transient List<OutcomesReport.ObjectiveView> objectives;

    // Objective
    private String optionCode;
    private String outcome;
    private ValueCell valueCell;
    private String owner;
    private String partners;
    private String baseline;
    private String target;
    private LocalDate reviewDate;
    // Milestone
    private Long milestoneObjective;
    private String milestoneTitle;
    private LocalDate milestoneDue;
    // Progress
    private Long progressObjective;
    private ProgressStatus progressStatus;
    private Integer percent;
    private Long spend;
    private String progressNote;
    // Indicator
    private Long indicatorObjective;
    private String indicatorName;
    private IndicatorKind indicatorKind;
    private String unit;
    private String source;
    private Frequency frequency;
    private String gamingRisk;
    private String counterIndicator;
    private BigDecimal indicatorBaseline;
    private BigDecimal indicatorTarget;
    // Reading
    private Long readingIndicator;
    private BigDecimal readingAmount;
    private LocalDate measuredOn;
    private String explanation;
    // Value account (up to three promises at a time)
    // Review panel
    private Integer panelSize = 3;
    private String panelSeed;

    public void load() throws IOException {
        if (getCycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    public CycleView getCycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).orElse(null);
        }
        return cycle;
    }

    /** Forgets what was read, so that the page shows a change made by this bean or {@link AccountabilityBean}. */
    public void changed() {
        cycle = null;
        objectives = null;
    }

    public boolean isDecided() {
        return getCycle().phase().atLeast(Phase.DECIDE);
    }

    public boolean isMeasuring() {
        return getCycle().phase().atLeast(Phase.MEASURE);
    }

    public List<CostedOption> getFundedOptions() {
        return measure.fundedOptions(id);
    }

    public List<OutcomesReport.ObjectiveView> getObjectives() {
        if (objectives == null) {
            objectives = report.objectives(id, false);
        }
        return objectives;
    }

    /** One indicator of one objective, with its latest reading: a line of the officer's indicator table. */
    public record IndicatorRow(long id, String optionCode, String optionTitle, String name, IndicatorKind kind,
                               String unit, boolean published, BigDecimal baseline, BigDecimal target, int readings,
                               BigDecimal latest, LocalDate latestOn) implements Serializable {
    }

    /** Every indicator of every objective, for the sortable, filterable table (the latest reading last measured). */
    public List<IndicatorRow> getIndicatorRows() {
        List<IndicatorRow> rows = new ArrayList<>();
        for (OutcomesReport.ObjectiveView o : getObjectives()) {
            for (OutcomesReport.IndicatorView i : o.indicators()) {
                OutcomesReport.ReadingView last = i.readings().stream()
                        .max(java.util.Comparator.comparing(OutcomesReport.ReadingView::measuredOn,
                                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
                                .thenComparing(OutcomesReport.ReadingView::recordedAt,
                                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())))
                        .orElse(null);
                rows.add(new IndicatorRow(i.id(), o.optionCode(), o.optionTitle(), i.name(), i.kind(), i.unit(),
                        o.setPublished(), i.baseline(), i.target(), i.readings().size(),
                        last == null ? null : last.amount(), last == null ? null : last.measuredOn()));
            }
        }
        return rows;
    }

    public List<OutcomesReport.IndicatorView> getPublishedIndicators() {
        List<OutcomesReport.IndicatorView> out = new ArrayList<>();
        getObjectives().stream().filter(OutcomesReport.ObjectiveView::setPublished)
                .forEach(o -> out.addAll(o.indicators()));
        return out;
    }

    public ReviewPanel getPanel() {
        return participation.panel(id).orElse(null);
    }

    public int getPoolSize() {
        return participation.pool(id).size();
    }

    public ValueCell[] getValueCells() { return ValueCell.values(); }
    public IndicatorKind[] getKinds() { return IndicatorKind.values(); }
    public Frequency[] getFrequencies() { return Frequency.values(); }
    public ProgressStatus[] getStatuses() { return ProgressStatus.values(); }

    public String setObjective() {
        if (Ui.report(measure.setObjective(currentUser.actor(), id, optionCode, new ObjectiveDraft(outcome, valueCell,
                owner, partners, baseline, target, reviewDate)), "measure.objectiveSaved")) {
            outcome = owner = partners = baseline = target = null;
            changed();
        }
        return null;
    }

    public String addMilestone() {
        if (milestoneObjective != null && Ui.report(measure.addMilestone(currentUser.actor(), milestoneObjective,
                milestoneTitle, milestoneDue), "measure.milestoneAdded")) {
            milestoneTitle = null;
            milestoneDue = null;
            changed();
        }
        return null;
    }

    public String completeMilestone(long milestoneId) {
        if (Ui.report(measure.completeMilestone(currentUser.actor(), milestoneId,
                LocalDate.now(java.time.ZoneOffset.UTC)),
                "measure.milestoneReached")) {
            changed();
        }
        return null;
    }

    public String updateProgress() {
        if (progressObjective != null && Ui.report(measure.updateProgress(currentUser.actor(), progressObjective,
                progressStatus, percent == null ? -1 : percent, spend == null ? -1 : spend, progressNote),
                "measure.progressSaved")) {
            progressNote = null;
            changed();
        }
        return null;
    }

    public String addIndicator() {
        if (indicatorObjective != null && Ui.report(measure.addIndicator(currentUser.actor(), indicatorObjective,
                new IndicatorDraft(indicatorName, indicatorKind, unit, source, frequency, gamingRisk, counterIndicator,
                        indicatorBaseline, indicatorTarget)), "measure.indicatorAdded")) {
            indicatorName = unit = source = gamingRisk = counterIndicator = null;
            indicatorKind = null;
            indicatorBaseline = indicatorTarget = null;
            changed();
        }
        return null;
    }

    public String publishSet(long objectiveId) {
        if (Ui.report(measure.publishIndicatorSet(currentUser.actor(), objectiveId), "measure.setPublished")) {
            changed();
        }
        return null;
    }

    public String recordReading() {
        if (readingIndicator == null) {
            Ui.error("measure.chooseIndicator");
            return null;
        }
        if (Ui.report(measure.recordReading(currentUser.actor(), readingIndicator, readingAmount, measuredOn,
                explanation), "reading.recorded")) {
            readingAmount = null;
            measuredOn = null;
            explanation = null;
            changed();
        }
        return null;
    }

    public String drawPanel() {
        if (Ui.report(participation.drawReviewPanel(currentUser.actor(), id, panelSize == null ? 0 : panelSize,
                panelSeed), "measure.panelDrawn")) {
            changed();
        }
        return null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getOptionCode() { return optionCode; }
    public void setOptionCode(String v) { this.optionCode = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { this.outcome = v; }
    public ValueCell getValueCell() { return valueCell; }
    public void setValueCell(ValueCell v) { this.valueCell = v; }
    public String getOwner() { return owner; }
    public void setOwner(String v) { this.owner = v; }
    public String getPartners() { return partners; }
    public void setPartners(String v) { this.partners = v; }
    public String getBaseline() { return baseline; }
    public void setBaseline(String v) { this.baseline = v; }
    public String getTarget() { return target; }
    public void setTarget(String v) { this.target = v; }
    public LocalDate getReviewDate() { return reviewDate; }
    public void setReviewDate(LocalDate v) { this.reviewDate = v; }
    public Long getMilestoneObjective() { return milestoneObjective; }
    public void setMilestoneObjective(Long v) { this.milestoneObjective = v; }
    public String getMilestoneTitle() { return milestoneTitle; }
    public void setMilestoneTitle(String v) { this.milestoneTitle = v; }
    public LocalDate getMilestoneDue() { return milestoneDue; }
    public void setMilestoneDue(LocalDate v) { this.milestoneDue = v; }
    public Long getProgressObjective() { return progressObjective; }
    public void setProgressObjective(Long v) { this.progressObjective = v; }
    public ProgressStatus getProgressStatus() { return progressStatus; }
    public void setProgressStatus(ProgressStatus v) { this.progressStatus = v; }
    public Integer getPercent() { return percent; }
    public void setPercent(Integer v) { this.percent = v; }
    public Long getSpend() { return spend; }
    public void setSpend(Long v) { this.spend = v; }
    public String getProgressNote() { return progressNote; }
    public void setProgressNote(String v) { this.progressNote = v; }
    public Long getIndicatorObjective() { return indicatorObjective; }
    public void setIndicatorObjective(Long v) { this.indicatorObjective = v; }
    public String getIndicatorName() { return indicatorName; }
    public void setIndicatorName(String v) { this.indicatorName = v; }
    public IndicatorKind getIndicatorKind() { return indicatorKind; }
    public void setIndicatorKind(IndicatorKind v) { this.indicatorKind = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { this.unit = v; }
    public String getSource() { return source; }
    public void setSource(String v) { this.source = v; }
    public Frequency getFrequency() { return frequency; }
    public void setFrequency(Frequency v) { this.frequency = v; }
    public String getGamingRisk() { return gamingRisk; }
    public void setGamingRisk(String v) { this.gamingRisk = v; }
    public String getCounterIndicator() { return counterIndicator; }
    public void setCounterIndicator(String v) { this.counterIndicator = v; }
    public BigDecimal getIndicatorBaseline() { return indicatorBaseline; }
    public void setIndicatorBaseline(BigDecimal v) { this.indicatorBaseline = v; }
    public BigDecimal getIndicatorTarget() { return indicatorTarget; }
    public void setIndicatorTarget(BigDecimal v) { this.indicatorTarget = v; }
    public Long getReadingIndicator() { return readingIndicator; }
    public void setReadingIndicator(Long v) { this.readingIndicator = v; }
    public BigDecimal getReadingAmount() { return readingAmount; }
    public void setReadingAmount(BigDecimal v) { this.readingAmount = v; }
    public LocalDate getMeasuredOn() { return measuredOn; }
    public void setMeasuredOn(LocalDate v) { this.measuredOn = v; }
    public String getExplanation() { return explanation; }
    public void setExplanation(String v) { this.explanation = v; }
    public Integer getPanelSize() { return panelSize; }
    public void setPanelSize(Integer v) { this.panelSize = v; }
    public String getPanelSeed() { return panelSeed; }
    public void setPanelSeed(String v) { this.panelSeed = v; }
}
