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
import org.civicloop.audit.EntityChange;
import org.civicloop.audit.AuditLog;
import java.util.Set;
import org.civicloop.cycle.ChecklistItem;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CriterionKind;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.LadderLevel;
import org.civicloop.cycle.MandateAmendment;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.PhasePlan;
import org.civicloop.cycle.Stakeholder;
import org.civicloop.cycle.SuccessCriterion;
import org.civicloop.cycle.ValueCell;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;

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
    MandateService mandate;
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
    private String feedbackChannel;
    private String decisionMaker;
    private String partnerAgencies;
    private LadderLevel ladderLevel;
    private ValueCell[] valueCells = new ValueCell[0];
    private CountingRule countingRule;
    private boolean residentBallot = true;
    private boolean ballotChangeable;
    private Integer staffHours;
    private String skills;
    private Long engagementCost;
    private String amendmentReason;
    private String overrideJustification;
    // Mandate parts
    private String itemTitle;
    private DecisionItem.Status itemStatus = DecisionItem.Status.OPEN;
    private String itemReason;
    private CriterionKind criterionKind = CriterionKind.OUTCOME;
    private String criterionDescription;
    private String stakeholderName;
    private String stakeholderInterest;
    private final Map<Long, String> evidenceLinks = new HashMap<>();
    private final Map<Phase, LocalDate> plannedStarts = new java.util.EnumMap<>(Phase.class);
    private String nextTitle;
    // New cycle form (officer/cycles.xhtml)
    private String council = "Riverside Borough Council";

    public void load() throws IOException {
        if (cycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
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
            feedbackChannel = c.getFeedbackChannel();
            decisionMaker = c.getDecisionMaker();
            partnerAgencies = c.getPartnerAgencies();
            ladderLevel = c.getLadderLevel();
            valueCells = c.getValueCellList().toArray(new ValueCell[0]);
            countingRule = c.getCountingRule();
            residentBallot = c.isResidentBallot();
            ballotChangeable = c.isBallotChangeable();
            staffHours = c.getStaffHours();
            skills = c.getSkills();
            engagementCost = c.getEngagementCost();
            for (PhasePlan p : mandate.plan(c.getId())) {
                plannedStarts.put(p.getPhase(), p.getPlannedStart());
            }
        }
    }

    private Cycle cycle() {
        if (cycle == null && id != null) {
            // Fresh: after a change (changed()) the request's persistence context may still hold the old row.
            cycle = cycles.findFresh(id).orElse(null);
        }
        return cycle;
    }

    private void changed() {
        cycle = null;
    }

    private MandateDraft draft() {
        return new MandateDraft(title, question, purpose, accountableOfficer, decisionMaker, partnerAgencies,
                budgetAmount, currency == null ? "GBP" : currency, ladderLevel,
                cellSet(valueCells),
                countingRule, residentBallot, ballotChangeable, staffHours, skills, engagementCost, feedbackPromiseDate,
                feedbackPromiseHow, feedbackChannel);
    }

    /** From officer/cycles.xhtml: opens a new cycle and goes to its workspace. */
    public String openCycle() {
        Result<Cycle> r = cycles.openCycle(currentUser.actor(), council, draft());
        if (Ui.report(r, "cycle.opened")) {
            return Ui.redirect("/officer/cycle.xhtml?faces-redirect=true&id=" + r.value().getId());
        }
        return null;
    }

    public String saveMandate() {
        if (cycle().isMandatePublished()) {
            if (Ui.report(cycles.amendMandate(currentUser.actor(), id, draft(), amendmentReason), "mandate.amended")) {
                amendmentReason = null;
            }
        } else if (Ui.report(cycles.editMandate(currentUser.actor(), id, draft()), "mandate.saved")) {
            for (Map.Entry<Phase, LocalDate> e : plannedStarts.entrySet()) {
                if (e.getValue() != null && !Ui.report(mandate.planPhase(currentUser.actor(), id, e.getKey(),
                        e.getValue()), null)) {
                    break;
                }
            }
        }
        changed();
        return null;
    }

    public String addDecisionItem() {
        if (Ui.report(mandate.addDecisionItem(currentUser.actor(), id, itemTitle, itemStatus, itemReason, ladderLevel,
                cycle().isMandatePublished() ? amendmentReason : null), "item.added")) {
            itemTitle = itemReason = null;
        }
        return null;
    }

    public String removeDecisionItem(long itemId) {
        Ui.report(mandate.removeDecisionItem(currentUser.actor(), itemId), "item.removed");
        return null;
    }

    public String addCriterion() {
        if (Ui.report(mandate.addSuccessCriterion(currentUser.actor(), id, criterionKind, criterionDescription),
                "criterion.added")) {
            criterionDescription = null;
        }
        return null;
    }

    public String removeCriterion(long criterionId) {
        Ui.report(mandate.removeSuccessCriterion(currentUser.actor(), criterionId), "criterion.removed");
        return null;
    }

    public String addStakeholder() {
        if (Ui.report(mandate.addStakeholder(currentUser.actor(), id, stakeholderName, stakeholderInterest),
                "stakeholder.added")) {
            stakeholderName = stakeholderInterest = null;
        }
        return null;
    }

    public String tick(long itemId) {
        Ui.report(mandate.tickChecklistItem(currentUser.actor(), itemId, evidenceLinks.get(itemId)), "checklist.ticked");
        return null;
    }

    public String overrideCriteria() {
        Ui.report(cycles.overrideCriteriaRule(currentUser.actor(), id, overrideJustification), "override.recorded");
        changed();
        return null;
    }

    public String openNextCycle() {
        Result<Cycle> r = cycles.openNextCycle(currentUser.actor(), id, nextTitle);
        if (Ui.report(r, "cycle.opened")) {
            return Ui.redirect("/officer/cycle.xhtml?faces-redirect=true&id=" + r.value().getId());
        }
        return null;
    }

    public List<DecisionItem> getDecisionItems() { return mandate.decisionItems(id); }
    public List<SuccessCriterion> getCriteria() { return mandate.successCriteria(id); }
    public List<Stakeholder> getStakeholders() { return mandate.stakeholders(id); }
    public List<ChecklistItem> getChecklist() { return mandate.checklist(id); }
    public List<MandateAmendment> getAmendments() { return cycles.amendments(id); }
    public Cycle getPreviousCycle() {
        return cycle().getPreviousCycleId() == null ? null : cycles.find(cycle().getPreviousCycleId()).orElse(null);
    }
    public List<Phase> getPlannablePhases() {
        return java.util.Arrays.stream(Phase.values()).filter(p -> p != Phase.AUTHORISE).toList();
    }
    public LadderLevel[] getLadderLevels() { return LadderLevel.values(); }
    public ValueCell[] getValueCellValues() { return ValueCell.values(); }
    public CountingRule[] getCountingRules() { return CountingRule.values(); }
    public CriterionKind[] getCriterionKinds() { return CriterionKind.values(); }
    public DecisionItem.Status[] getItemStatuses() { return DecisionItem.Status.values(); }

    public String advance() {
        Result<Cycle> r = cycles.advance(currentUser.actor(), id, cycle().getPhase());
        changed();
        if (Ui.report(r, "phase.advanced", r.isDone() ? Ui.text("phase." + r.value().getPhase()) : "")) {
            return Ui.redirect(FacesContext.getCurrentInstance().getViewRoot().getViewId() + "?faces-redirect=true&id=" + id);
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

    private static Set<ValueCell> cellSet(ValueCell[] cells) {
        return cells == null || cells.length == 0 ? Set.of() : java.util.EnumSet.copyOf(java.util.Arrays.asList(cells));
    }

    public List<EntityChange> getHistory() { return audit.forEntity("cycle", id); }
    public boolean phaseIs(String phase) { return cycle().getPhase() == Phase.valueOf(phase); }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle(); }
    /** The page's cycle as other capabilities' parts of the page take it (the same copy, not loaded again). */
    public CycleView getCycleView() { return cycle() == null ? null : CycleView.of(cycle()); }
    public String getFeedbackChannel() { return feedbackChannel; }
    public void setFeedbackChannel(String s) { this.feedbackChannel = s; }
    public String getDecisionMaker() { return decisionMaker; }
    public void setDecisionMaker(String s) { this.decisionMaker = s; }
    public String getPartnerAgencies() { return partnerAgencies; }
    public void setPartnerAgencies(String s) { this.partnerAgencies = s; }
    public LadderLevel getLadderLevel() { return ladderLevel; }
    public void setLadderLevel(LadderLevel l) { this.ladderLevel = l; }
    public ValueCell[] getValueCells() { return valueCells; }
    public void setValueCells(ValueCell[] v) { this.valueCells = v; }
    public CountingRule getCountingRule() { return countingRule; }
    public void setCountingRule(CountingRule r) { this.countingRule = r; }
    public boolean isResidentBallot() { return residentBallot; }
    public void setResidentBallot(boolean b) { this.residentBallot = b; }
    public boolean isBallotChangeable() { return ballotChangeable; }
    public void setBallotChangeable(boolean b) { this.ballotChangeable = b; }
    public Integer getStaffHours() { return staffHours; }
    public void setStaffHours(Integer h) { this.staffHours = h; }
    public String getSkills() { return skills; }
    public void setSkills(String s) { this.skills = s; }
    public Long getEngagementCost() { return engagementCost; }
    public void setEngagementCost(Long c) { this.engagementCost = c; }
    public String getAmendmentReason() { return amendmentReason; }
    public void setAmendmentReason(String s) { this.amendmentReason = s; }
    public String getOverrideJustification() { return overrideJustification; }
    public void setOverrideJustification(String s) { this.overrideJustification = s; }
    public String getItemTitle() { return itemTitle; }
    public void setItemTitle(String s) { this.itemTitle = s; }
    public DecisionItem.Status getItemStatus() { return itemStatus; }
    public void setItemStatus(DecisionItem.Status s) { this.itemStatus = s; }
    public String getItemReason() { return itemReason; }
    public void setItemReason(String s) { this.itemReason = s; }
    public CriterionKind getCriterionKind() { return criterionKind; }
    public void setCriterionKind(CriterionKind k) { this.criterionKind = k; }
    public String getCriterionDescription() { return criterionDescription; }
    public void setCriterionDescription(String s) { this.criterionDescription = s; }
    public String getStakeholderName() { return stakeholderName; }
    public void setStakeholderName(String s) { this.stakeholderName = s; }
    public String getStakeholderInterest() { return stakeholderInterest; }
    public void setStakeholderInterest(String s) { this.stakeholderInterest = s; }
    public Map<Long, String> getEvidenceLinks() { return evidenceLinks; }
    public Map<Phase, LocalDate> getPlannedStarts() { return plannedStarts; }
    public String getNextTitle() { return nextTitle; }
    public void setNextTitle(String s) { this.nextTitle = s; }
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
}
