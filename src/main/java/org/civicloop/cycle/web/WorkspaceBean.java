package org.civicloop.cycle.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.AuditEntry;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.Phase;
import org.civicloop.deliberation.DeliberationNote;
import org.civicloop.deliberation.DeliberationService;
import org.civicloop.evidence.EvidenceItem;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Recommendation;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.Volunteer;
import org.civicloop.kernel.Result;
import org.civicloop.measure.IndicatorReading;
import org.civicloop.measure.MeasureService;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.BudgetOption;
import org.civicloop.voting.VotingService;

/**
 * The officer's (and facilitator's) workspace for one cycle: the mandate, each phase's work, and the button that
 * moves the cycle on, which says plainly what is still missing.
 */
@Named
@ViewScoped
public class WorkspaceBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CycleService cycles;
    @Inject
    JuryService jury;
    @Inject
    EvidenceService evidence;
    @Inject
    DeliberationService deliberation;
    @Inject
    VotingService voting;
    @Inject
    FeedbackService feedback;
    @Inject
    MeasureService measure;
    @Inject
    AccountService accounts;
    @Inject
    AuditLog audit;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private transient Cycle cycle;

    // Mandate form
    private String title;
    private String question;
    private String purpose;
    private String accountableOfficer;
    private Long budgetAmount;
    private String currency;
    private LocalDate feedbackPromiseDate;
    private String feedbackPromiseHow;
    // New cycle form (officer/cycles.xhtml)
    private String council = "Riverside Borough Council";
    // Jury draw
    private Integer jurySize;
    private String drawSeed;
    // Evidence
    private String evidenceTitle;
    private String evidenceSummary;
    private EvidenceItem.Perspective evidencePerspective = EvidenceItem.Perspective.NEUTRAL;
    private String evidenceSource;
    // Options
    private String optionCode;
    private String optionTitle;
    private String optionDescription;
    private Long optionCost;
    // Deliberation notes
    private String noteRound;
    private DeliberationNote.Kind noteKind = DeliberationNote.Kind.NOTE;
    private String noteBody;
    // Responses
    private final Map<Long, Recommendation.Response> responses = new HashMap<>();
    private final Map<Long, String> rationales = new HashMap<>();
    // Report and readings
    private String reportSummary;
    private String readingIndicator;
    private String readingValue;
    private String readingExplanation;

    public void load() throws IOException {
        if (cycle() == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(404, Ui.text("error.cycleNotFound"));
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        if (!FacesContext.getCurrentInstance().isPostback()) {
            Cycle c = cycle();
            title = c.getTitle();
            question = c.getQuestion();
            purpose = c.getPurpose();
            accountableOfficer = c.getAccountableOfficer();
            budgetAmount = c.getBudgetAmount();
            currency = c.getCurrency();
            feedbackPromiseDate = c.getFeedbackPromiseDate();
            feedbackPromiseHow = c.getFeedbackPromiseHow();
        }
    }

    private Cycle cycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).orElse(null);
        }
        return cycle;
    }

    private void changed() {
        cycle = null;
    }

    private MandateDraft draft() {
        return new MandateDraft(title, question, purpose, accountableOfficer, budgetAmount,
                currency == null ? "GBP" : currency, feedbackPromiseDate, feedbackPromiseHow);
    }

    /** From officer/cycles.xhtml: opens a new cycle and goes to its workspace. */
    public String openCycle() {
        Result<Cycle> r = cycles.openCycle(currentUser.actor(), council, draft());
        if (Ui.report(r, "cycle.opened")) {
            return "/officer/cycle.xhtml?faces-redirect=true&id=" + r.value().getId();
        }
        return null;
    }

    public String saveMandate() {
        Ui.report(cycles.editMandate(currentUser.actor(), id, draft()), "mandate.saved");
        changed();
        return null;
    }

    public String advance() {
        Result<Cycle> r = cycles.advance(currentUser.actor(), id, cycle().getPhase());
        changed();
        if (Ui.report(r, "phase.advanced", r.isDone() ? Ui.text("phase." + r.value().getPhase()) : "")) {
            return FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&id=" + id;
        }
        return null;
    }

    /** What still stands in the way of moving on (shown before the officer presses the button). */
    public String getBlocker() {
        Optional<Result.Refused<Void>> r = cycles.checkLeaving(cycle(), cycle().getPhase());
        return r.map(x -> x.message(Ui.locale())).orElse(null);
    }

    public boolean isCanAdvance() {
        return cycle().getPhase() != Phase.CLOSED && cycle().getPhase().canBeMovedOnBy(currentUser.actor());
    }

    public String getNextPhase() {
        return cycle().getPhase().next().map(p -> Ui.text("phase." + p)).orElse("");
    }

    public String drawJury() {
        if (jurySize == null) {
            Ui.error("refused.jury.size", jury.pool(id).size());
            return null;
        }
        Ui.report(jury.drawJury(currentUser.actor(), id, jurySize, drawSeed), "jury.drawn");
        return null;
    }

    public String addEvidence() {
        if (Ui.report(evidence.addItem(currentUser.actor(), id, evidenceTitle, evidenceSummary, evidencePerspective,
                evidenceSource), "evidence.added")) {
            evidenceTitle = evidenceSummary = evidenceSource = null;
        }
        return null;
    }

    public String publishEvidence(long itemId) {
        Ui.report(evidence.publish(currentUser.actor(), itemId), "evidence.publishedMsg");
        return null;
    }

    public String addOption() {
        if (optionCost == null) {
            Ui.error("refused.option.cost");
            return null;
        }
        if (Ui.report(voting.defineOption(currentUser.actor(), id, optionCode, optionTitle, optionDescription,
                optionCost), "option.added")) {
            optionCode = optionTitle = optionDescription = null;
            optionCost = null;
        }
        return null;
    }

    public String recordNote() {
        if (Ui.report(deliberation.recordNote(currentUser.actor(), id, noteRound, noteKind, noteBody),
                "note.recorded")) {
            noteBody = null;
        }
        return null;
    }

    public String respond(long recommendationId) {
        Ui.report(feedback.respond(currentUser.actor(), recommendationId, responses.get(recommendationId),
                rationales.get(recommendationId)), "response.recorded");
        return null;
    }

    public String publishReport() {
        Ui.report(cycles.publishReport(currentUser.actor(), id, reportSummary), "report.publishedMsg");
        changed();
        return null;
    }

    public String recordReading() {
        if (Ui.report(measure.recordReading(currentUser.actor(), id, readingIndicator, readingValue,
                readingExplanation), "reading.recorded")) {
            readingIndicator = readingValue = readingExplanation = null;
        }
        return null;
    }

    public List<Volunteer> getPool() { return jury.pool(id); }
    public List<Volunteer> getJury() { return jury.jury(id); }
    public String username(long accountId) { return accounts.usernameOf(accountId); }
    public List<EvidenceItem> getEvidenceItems() { return evidence.items(id); }
    public List<BudgetOption> getOptions() { return voting.options(id); }
    public List<DeliberationNote> getNotes() { return deliberation.notes(id); }
    public List<Recommendation> getRecommendations() { return feedback.recommendations(id); }
    public List<IndicatorReading> getReadings() { return measure.readings(id); }
    public List<AuditEntry> getHistory() { return audit.forEntity("cycle", id); }
    public int getJuryBallots() { return voting.ballots(id, Ballot.Channel.JURY).size(); }
    public int getResidentBallots() { return voting.ballots(id, Ballot.Channel.RESIDENTS).size(); }
    public EvidenceItem.Perspective[] getPerspectives() { return EvidenceItem.Perspective.values(); }
    public DeliberationNote.Kind[] getNoteKinds() { return DeliberationNote.Kind.values(); }
    public Recommendation.Response[] getResponseValues() { return Recommendation.Response.values(); }
    public boolean phaseIs(String phase) { return cycle().getPhase() == Phase.valueOf(phase); }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle(); }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String purpose) { this.purpose = purpose; }
    public String getAccountableOfficer() { return accountableOfficer; }
    public void setAccountableOfficer(String accountableOfficer) { this.accountableOfficer = accountableOfficer; }
    public Long getBudgetAmount() { return budgetAmount; }
    public void setBudgetAmount(Long budgetAmount) { this.budgetAmount = budgetAmount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public LocalDate getFeedbackPromiseDate() { return feedbackPromiseDate; }
    public void setFeedbackPromiseDate(LocalDate d) { this.feedbackPromiseDate = d; }
    public String getFeedbackPromiseHow() { return feedbackPromiseHow; }
    public void setFeedbackPromiseHow(String s) { this.feedbackPromiseHow = s; }
    public String getCouncil() { return council; }
    public void setCouncil(String council) { this.council = council; }
    public Integer getJurySize() { return jurySize; }
    public void setJurySize(Integer jurySize) { this.jurySize = jurySize; }
    public String getDrawSeed() { return drawSeed; }
    public void setDrawSeed(String drawSeed) { this.drawSeed = drawSeed; }
    public String getEvidenceTitle() { return evidenceTitle; }
    public void setEvidenceTitle(String s) { this.evidenceTitle = s; }
    public String getEvidenceSummary() { return evidenceSummary; }
    public void setEvidenceSummary(String s) { this.evidenceSummary = s; }
    public EvidenceItem.Perspective getEvidencePerspective() { return evidencePerspective; }
    public void setEvidencePerspective(EvidenceItem.Perspective p) { this.evidencePerspective = p; }
    public String getEvidenceSource() { return evidenceSource; }
    public void setEvidenceSource(String s) { this.evidenceSource = s; }
    public String getOptionCode() { return optionCode; }
    public void setOptionCode(String s) { this.optionCode = s; }
    public String getOptionTitle() { return optionTitle; }
    public void setOptionTitle(String s) { this.optionTitle = s; }
    public String getOptionDescription() { return optionDescription; }
    public void setOptionDescription(String s) { this.optionDescription = s; }
    public Long getOptionCost() { return optionCost; }
    public void setOptionCost(Long c) { this.optionCost = c; }
    public String getNoteRound() { return noteRound; }
    public void setNoteRound(String s) { this.noteRound = s; }
    public DeliberationNote.Kind getNoteKind() { return noteKind; }
    public void setNoteKind(DeliberationNote.Kind k) { this.noteKind = k; }
    public String getNoteBody() { return noteBody; }
    public void setNoteBody(String s) { this.noteBody = s; }
    public Map<Long, Recommendation.Response> getResponses() { return responses; }
    public Map<Long, String> getRationales() { return rationales; }
    public String getReportSummary() { return reportSummary; }
    public void setReportSummary(String s) { this.reportSummary = s; }
    public String getReadingIndicator() { return readingIndicator; }
    public void setReadingIndicator(String s) { this.readingIndicator = s; }
    public String getReadingValue() { return readingValue; }
    public void setReadingValue(String s) { this.readingValue = s; }
    public String getReadingExplanation() { return readingExplanation; }
    public void setReadingExplanation(String s) { this.readingExplanation = s; }
}
