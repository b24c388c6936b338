package org.civicloop.cycle.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.MandateAmendment;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhasePlan;
import org.civicloop.cycle.PhaseTransition;
import org.civicloop.cycle.SuccessCriterion;
import org.civicloop.deliberation.DeliberationNote;
import org.civicloop.deliberation.DeliberationService;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Recommendation;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Juries;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.Volunteering;
import org.civicloop.kernel.RateLimiter;
import org.civicloop.kernel.Result;
import org.civicloop.measure.IndicatorReading;
import org.civicloop.measure.MeasureService;
import org.civicloop.platform.RateLimits;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.BudgetOption;
import org.civicloop.voting.VotingService;

/** The public cycle page: what is asked, where the cycle stands, and everything published so far. */
@Named
@ViewScoped
public class CyclePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CycleService cycles;
    @Inject
    EvidenceService evidence;
    @Inject
    VotingService voting;
    @Inject
    FeedbackService feedback;
    @Inject
    MeasureService measure;
    @Inject
    DeliberationService deliberation;
    @Inject
    JuryService jury;
    @Inject
    Volunteering volunteering;
    @Inject
    Juries juries;
    @Inject
    AccountService accounts;
    @Inject
    CurrentUser currentUser;
    @Inject
    MandateService mandate;
    @Inject
    RateLimits rateLimits;

    private Long id;
    private transient Cycle cycle;
    private boolean consent;
    private String address;
    private String code;
    private final Map<String, String> answers = new java.util.HashMap<>();

    public void load() throws IOException {
        if (cycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    private Cycle cycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).filter(c -> c.isPublished() || currentUser.isOfficer()).orElse(null);
        }
        return cycle;
    }

    public List<PhaseStep> getTimeline() {
        Map<Phase, PhaseTransition> started = cycles.timeline(cycle().getId()).stream()
                .collect(Collectors.toMap(PhaseTransition::getToPhase, t -> t, (a, b) -> b));
        Map<Phase, java.time.LocalDate> planned = mandate.plan(cycle().getId()).stream()
                .collect(Collectors.toMap(PhasePlan::getPhase,
                        PhasePlan::getPlannedStart));
        List<PhaseStep> steps = new ArrayList<>();
        for (Phase p : Phase.values()) {
            String state = p == cycle().getPhase() ? "current" : cycle().getPhase().isAfter(p) ? "done" : "upcoming";
            PhaseTransition t = started.get(p);
            steps.add(new PhaseStep(p, state, t == null ? null : t.getMovedAt(), planned.get(p)));
        }
        return steps;
    }

    public List<DecisionItem> getOpenItems() {
        return mandate.decisionItems(cycle().getId()).stream().filter(DecisionItem::isOpen).toList();
    }

    public List<DecisionItem> getFixedItems() {
        return mandate.decisionItems(cycle().getId()).stream().filter(d -> !d.isOpen()).toList();
    }

    public List<SuccessCriterion> getCriteria() {
        return mandate.successCriteria(cycle().getId());
    }

    public List<MandateAmendment> getAmendments() {
        return cycles.amendments(cycle().getId());
    }

    /** The feedback promise is overdue: its date has passed and no report is published. */
    public boolean isFeedbackOverdue() {
        Cycle c = cycle();
        return c.getFeedbackPromiseDate() != null && !c.isReportPublished() && c.isMandatePublished()
                && c.getFeedbackPromiseDate().isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC));
    }

    public List<EvidenceViews.PublishedItem> getEvidence() {
        return evidence.publishedItems(cycle().getId());
    }

    public List<BudgetOption> getOptions() {
        return voting.options(cycle().getId());
    }

    public boolean isCounted() {
        return cycle().getPhase().isAfter(Phase.VOTE);
    }

    public VotingService.Count getJuryCount() {
        return voting.count(cycle().getId(), Ballot.Channel.JURY);
    }

    public VotingService.Count getResidentCount() {
        return voting.count(cycle().getId(), Ballot.Channel.RESIDENTS);
    }

    /** How many residents' ballots were flagged as a possible campaign (a public figure: no ballot is named). */
    public long getFlaggedBallots() {
        return voting.flaggedBallots(cycle().getId());
    }

    /** How the flagged ballots were treated: counted or excluded, each decision with its public reason. */
    public VotingService.CampaignTreatment getCampaign() {
        if (campaign == null) {
            campaign = voting.campaign(cycle().getId());
        }
        return campaign;
    }

    private VotingService.CampaignTreatment campaign;

    public List<Recommendation> getRecommendations() {
        return feedback.recommendations(cycle().getId());
    }

    public List<IndicatorReading> getReadings() {
        return measure.readings(cycle().getId());
    }

    public List<DeliberationNote> getOutcomesOfDeliberation() {
        return deliberation.notes(cycle().getId()).stream()
                .filter(n -> n.getKind() != DeliberationNote.Kind.NOTE).toList();
    }

    public int getJurySize() {
        return juries.jurySize(cycle().getId());
    }

    public int getPoolSize() {
        return juries.poolSize(cycle().getId());
    }

    /** Volunteering is open while the cycle recruits and until the jury is drawn. */
    public boolean isCanVolunteer() {
        return cycle().getPhase() == Phase.RECRUIT && !isJuryDrawn();
    }

    /** The jury has been drawn (its seed published). */
    public boolean isJuryDrawn() {
        return juries.isDrawn(cycle().getId());
    }

    /**
     * For the signed-in volunteer only, after the draw: "DRAWN" (invited to the jury), "NOT_DRAWN" (in the pool, not
     * drawn) or null (not a volunteer, signed out, or no draw yet). Nobody else's outcome is ever shown.
     */
    public String getMyDrawOutcome() {
        if (!currentUser.isSignedIn() || !isJuryDrawn()) {
            return null;
        }
        return accounts.idOf(currentUser.getUsername()).flatMap(a -> juries.volunteerOf(cycle().getId(), a))
                .map(v -> v.drawn() ? "DRAWN" : "NOT_DRAWN")
                .orElse(null);
    }

    public boolean isVolunteered() {
        return currentUser.isSignedIn() && accounts.idOf(currentUser.getUsername())
                .flatMap(a -> juries.volunteerOf(cycle().getId(), a)).isPresent();
    }

    public boolean isVoteOpen() {
        return cycle().getPhase() == Phase.VOTE;
    }

    public String volunteer() {
        if (!currentUser.isSignedIn()) {
            return Ui.redirect("/login.xhtml?faces-redirect=true&next=%2Fcycle.xhtml%3Fid%3D" + cycle().getId());
        }
        boolean withCode = code != null && !code.isBlank();
        jakarta.faces.context.ExternalContext ec = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext();
        String client = ((jakarta.servlet.http.HttpServletRequest) ec.getRequest()).getRemoteAddr();
        if (withCode) {
            java.util.Optional<java.time.Duration> wait = rateLimits.letterCodeBlocked(currentUser.getUsername(),
                    client);
            if (wait.isPresent()) {
                long seconds = RateLimiter.retryAfterSeconds(wait.get());
                ec.setResponseStatus(429);
                ec.setResponseHeader("Retry-After", Long.toString(seconds));
                Ui.error("volunteer.codeRateLimited", (seconds + 59) / 60);
                return null;
            }
        }
        Result<?> r = volunteering.volunteer(currentUser.actor(), cycle().getId(), consent, answers,
                address, code);
        if (withCode && r instanceof Result.Refused<?> refused
                && refused.key().startsWith("refused.volunteer.code")) {
            rateLimits.letterCodeFailed(currentUser.getUsername(), client);
        }
        Ui.report(r, "volunteer.done");
        return null;
    }

    /** Whether volunteering needs an invitation letter's registration code. */
    public boolean isLettersOnly() {
        return juries.lettersOnly(cycle().getId());
    }

    /** Whether this cycle sent invitation letters (so the page asks for a code). */
    public boolean isLetterRound() {
        return isLettersOnly() || juries.letterRoundDrawn(cycle().getId());
    }

    /** A category question asked of volunteers: the feature and its possible answers. */
    public record Question(String feature, List<String> values) {
    }

    public List<Question> getFeatures() {
        return juries.features(cycle().getId()).entrySet().stream()
                .map(e -> new Question(e.getKey(), e.getValue())).toList();
    }

    public Map<String, String> getAnswers() { return answers; }

    public Juries.DrawView getDraw() { return juries.draw(cycle().getId()).orElse(null); }

    public List<JuryService.RepresentationLine> getRepresentation() {
        return juries.representation(cycle().getId());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle(); }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
}
