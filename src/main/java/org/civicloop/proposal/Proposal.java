package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A resident's proposal: what, where, roughly how much; then its fate: merged into another, assessed feasible (with
 * the service's costed estimate) or unfeasible (with the reason), selected as a budget option. Hidden proposals stay
 * listed with the moderator's public reason; nothing is deleted.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    public enum Status { SUBMITTED, MERGED, FEASIBLE, UNFEASIBLE, SELECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false)
    private String district;
    @Column(name = "rough_cost", nullable = false)
    private long roughCost;
    private Double latitude;
    private Double longitude;
    @Column(nullable = false)
    private String author;
    private String credit;
    @Column(nullable = false)
    private String salt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(name = "merged_into")
    private Long mergedInto;
    private String reason;
    private Long estimate;
    private String service;
    @Column(name = "assessed_by")
    private String assessedBy;
    @Column(name = "assessed_at")
    private Instant assessedAt;
    @Column(name = "option_code")
    private String optionCode;
    private boolean hidden;
    @Column(name = "hidden_reason")
    private String hiddenReason;
    @Column(name = "hidden_by")
    private String hiddenBy;
    @Column(name = "hidden_at")
    private Instant hiddenAt;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Proposal() {
    }

    Proposal(long cycleId, ProposalDraft d, String author, Instant at) {
        this.cycleId = cycleId;
        this.title = d.title();
        this.description = d.description();
        this.district = d.district();
        this.roughCost = d.roughCost();
        this.latitude = d.latitude();
        this.longitude = d.longitude();
        this.credit = d.credit();
        this.author = author;
        this.salt = ProposalService.salt();
        this.status = Status.SUBMITTED;
        this.createdAt = at;
    }

    void mergeInto(long target) {
        this.status = Status.MERGED;
        this.mergedInto = target;
    }

    void assess(boolean feasible, String reason, Long estimate, String service, String by, Instant at) {
        this.status = feasible ? Status.FEASIBLE : Status.UNFEASIBLE;
        this.reason = reason;
        this.estimate = feasible ? estimate : null;
        this.service = service;
        this.assessedBy = by;
        this.assessedAt = at;
    }

    void select(String optionCode) {
        this.status = Status.SELECTED;
        this.optionCode = optionCode;
    }

    void hide(String reason, String by, Instant at) {
        this.hidden = true;
        this.hiddenReason = reason;
        this.hiddenBy = by;
        this.hiddenAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    /** The title, or null once a moderator hid the proposal (the reason is shown instead). */
    public String getTitle() { return hidden ? null : title; }
    /** The description, or null once hidden. */
    public String getDescription() { return hidden ? null : description; }
    public String getDistrict() { return district; }
    public long getRoughCost() { return roughCost; }
    public Double getLatitude() { return hidden ? null : latitude; }
    public Double getLongitude() { return hidden ? null : longitude; }
    /** Who submitted it: for the author's own pages and notices, never published. */
    public String getAuthor() { return author; }
    /** The name the proposer asked to be credited with publicly, or null (credited as "a resident"). */
    public String getCredit() { return credit; }
    public Status getStatus() { return status; }
    public Long getMergedInto() { return mergedInto; }
    public String getReason() { return reason; }
    public Long getEstimate() { return estimate; }
    public String getService() { return service; }
    public String getAssessedBy() { return assessedBy; }
    public Instant getAssessedAt() { return assessedAt; }
    public String getOptionCode() { return optionCode; }
    public boolean isHidden() { return hidden; }
    public String getHiddenReason() { return hiddenReason; }
    public Instant getHiddenAt() { return hiddenAt; }
    public Instant getCreatedAt() { return createdAt; }
    /** The title as written, for the moderators' desk and the option it becomes. */
    String titleAsWritten() { return title; }
    String descriptionAsWritten() { return description; }
}
