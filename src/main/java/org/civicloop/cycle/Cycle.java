package org.civicloop.cycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.civicloop.kernel.Money;

/** A deliberation cycle: its mandate (what is asked, of whom, with what budget) and where it stands. */
@Entity
@Table(name = "cycle")
public class Cycle {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cycle_seq")
    @SequenceGenerator(name = "cycle_seq", sequenceName = "cycle_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false)
    private String council;
    @Column(nullable = false)
    private String title;
    private String question;
    private String purpose;
    @Column(name = "accountable_officer")
    private String accountableOfficer;
    @Column(name = "budget_amount")
    private Long budgetAmount;
    @Column(nullable = false)
    private String currency;
    @Column(name = "feedback_promise_date")
    private LocalDate feedbackPromiseDate;
    @Column(name = "feedback_promise_how")
    private String feedbackPromiseHow;
    @Column(name = "feedback_channel")
    private String feedbackChannel;
    @Column(name = "decision_maker")
    private String decisionMaker;
    @Column(name = "partner_agencies")
    private String partnerAgencies;
    @Enumerated(EnumType.STRING)
    @Column(name = "ladder_level")
    private LadderLevel ladderLevel;
    @Column(name = "value_cells")
    private String valueCells;
    @Enumerated(EnumType.STRING)
    @Column(name = "counting_rule")
    private CountingRule countingRule;
    @Column(name = "resident_ballot")
    private boolean residentBallot = true;
    @Column(name = "ballot_changeable")
    private boolean ballotChangeable;
    @Column(name = "staff_hours")
    private Integer staffHours;
    private String skills;
    @Column(name = "engagement_cost")
    private Long engagementCost;
    @Column(name = "criteria_override")
    private String criteriaOverride;
    @Column(name = "mandate_published_at")
    private Instant mandatePublishedAt;
    @Column(name = "previous_cycle_id")
    private Long previousCycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Phase phase;
    private boolean published;
    private boolean demo;
    @Column(name = "report_published_at")
    private Instant reportPublishedAt;
    @Column(name = "report_summary")
    private String reportSummary;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Version
    private long version;

    protected Cycle() {
    }

    Cycle(String council, String title, String currency, boolean demo, Instant createdAt, String createdBy) {
        this.council = council;
        this.title = title;
        this.currency = currency;
        this.demo = demo;
        this.phase = Phase.AUTHORISE;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void editMandate(MandateDraft d) {
        this.title = d.title();
        this.question = d.question();
        this.purpose = d.purpose();
        this.accountableOfficer = d.accountableOfficer();
        this.decisionMaker = d.decisionMaker();
        this.partnerAgencies = d.partnerAgencies();
        this.budgetAmount = d.budgetAmount();
        this.currency = d.currency();
        this.ladderLevel = d.ladderLevel();
        this.valueCells = d.fields().get("valueCells");
        this.countingRule = d.countingRule();
        this.residentBallot = d.residentBallot();
        this.ballotChangeable = d.ballotChangeable();
        this.staffHours = d.staffHours();
        this.skills = d.skills();
        this.engagementCost = d.engagementCost();
        this.feedbackPromiseDate = d.feedbackPromiseDate();
        this.feedbackPromiseHow = d.feedbackPromiseHow();
        this.feedbackChannel = d.feedbackChannel();
    }

    /** The mandate as it stands, in the shape officers edit it. */
    public MandateDraft mandate() {
        return new MandateDraft(title, question, purpose, accountableOfficer, decisionMaker, partnerAgencies,
                budgetAmount, currency, ladderLevel, getValueCellSet(), countingRule, residentBallot, ballotChangeable, staffHours,
                skills, engagementCost, feedbackPromiseDate, feedbackPromiseHow, feedbackChannel);
    }

    void moveTo(Phase next, Instant at) {
        this.phase = next;
        if (next == Phase.RECRUIT) {
            this.published = true;
            this.mandatePublishedAt = at;
        }
    }

    void overrideCriteriaRule(String justification) {
        this.criteriaOverride = justification;
    }

    void followOn(Long previousCycleId) {
        this.previousCycleId = previousCycleId;
    }

    public java.util.Set<ValueCell> getValueCellSet() {
        if (valueCells == null || valueCells.isBlank()) {
            return java.util.Set.of();
        }
        java.util.Set<ValueCell> set = java.util.EnumSet.noneOf(ValueCell.class);
        for (String v : valueCells.split(",")) {
            set.add(ValueCell.valueOf(v));
        }
        return set;
    }

    public java.util.List<ValueCell> getValueCellList() {
        return getValueCellSet().stream().sorted().toList();
    }

    public boolean isMandatePublished() {
        return mandatePublishedAt != null;
    }

    /** The feedback capability records here that the first version of the cycle's report is published. */
    public void recordReportPublished(Instant at, String summary) {
        this.reportPublishedAt = at;
        this.reportSummary = summary;
    }

    /** A corrected report replaces the summary the public cycle page shows (first publication date kept). */
    public void recordReportCorrected(String summary) {
        this.reportSummary = summary;
    }

    public Money budget() {
        return new Money(budgetAmount == null ? 0 : budgetAmount, currency);
    }

    public Long getId() { return id; }
    public String getCouncil() { return council; }
    public String getTitle() { return title; }
    public String getQuestion() { return question; }
    public String getPurpose() { return purpose; }
    public String getAccountableOfficer() { return accountableOfficer; }
    public Long getBudgetAmount() { return budgetAmount; }
    public String getCurrency() { return currency; }
    public LocalDate getFeedbackPromiseDate() { return feedbackPromiseDate; }
    public String getFeedbackPromiseHow() { return feedbackPromiseHow; }
    public Phase getPhase() { return phase; }
    public boolean isPublished() { return published; }
    public boolean isDemo() { return demo; }
    public Instant getReportPublishedAt() { return reportPublishedAt; }
    public String getReportSummary() { return reportSummary; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public boolean isReportPublished() { return reportPublishedAt != null; }
    public String getFeedbackChannel() { return feedbackChannel; }
    public String getDecisionMaker() { return decisionMaker; }
    public String getPartnerAgencies() { return partnerAgencies; }
    public LadderLevel getLadderLevel() { return ladderLevel; }
    public CountingRule getCountingRule() { return countingRule; }
    public boolean isResidentBallot() { return residentBallot; }
    public boolean isBallotChangeable() { return ballotChangeable; }
    public Integer getStaffHours() { return staffHours; }
    public String getSkills() { return skills; }
    public Long getEngagementCost() { return engagementCost; }
    public String getCriteriaOverride() { return criteriaOverride; }
    public Instant getMandatePublishedAt() { return mandatePublishedAt; }
    public Long getPreviousCycleId() { return previousCycleId; }
}
