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
import java.util.Objects;

/**
 * A step a selected proposal reached after the vote, as the public sees it on the proposal's page: the vote counted
 * ({@code VOTE}: {@code FUNDED} or {@code NOT_FUNDED}), the council's published answer ({@code DECISION}: the
 * response, with its rationale), the delivery ({@code DELIVERY}: status, percent, note).
 */
@Entity
@Table(name = "proposal_step")
public class ProposalStep {

    public enum Step { VOTE, DECISION, DELIVERY }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "proposal_seq")
    @SequenceGenerator(name = "proposal_seq", sequenceName = "proposal_seq", allocationSize = 50)
    private Long id;
    @Column(name = "proposal_id", nullable = false)
    private Long proposalId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Step step;
    @Column(nullable = false)
    private String state;
    private Integer percent;
    private String note;
    /** Why the vote did not fund it, as the count explains it, in English and in Spanish. */
    @Column(name = "why_en")
    private String whyEn;
    @Column(name = "why_es")
    private String whyEs;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ProposalStep() {
    }

    ProposalStep(long proposalId, Step step, String state, Integer percent, String note, Instant at) {
        this.proposalId = proposalId;
        this.step = step;
        this.state = state;
        this.percent = percent;
        this.note = note == null || note.isBlank() ? null
                : note.strip().length() > 4000 ? note.strip().substring(0, 4000) : note.strip();
        this.createdAt = at;
    }

    /** This step with the count's explanation of why it was not funded, in English and in Spanish. */
    ProposalStep explained(String english, String spanish) {
        this.whyEn = cut(english);
        this.whyEs = cut(spanish);
        return this;
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 4000 ? s.substring(0, 4000) : s;
    }

    /** Whether this step says the same as {@code other} (a correction that changed nothing is not a new step). */
    boolean sameAs(ProposalStep other) {
        return step == other.step && state.equals(other.state) && Objects.equals(percent, other.percent)
                && Objects.equals(note, other.note);
    }

    /** Why the vote did not fund it, in the reader's language (Spanish or else English), or null. */
    public String why(java.util.Locale locale) {
        return "es".equals(locale.getLanguage()) && whyEs != null ? whyEs : whyEn;
    }

    public Long getId() { return id; }
    public Long getProposalId() { return proposalId; }
    public Step getStep() { return step; }
    public String getState() { return state; }
    public Integer getPercent() { return percent; }
    public String getNote() { return note; }
    public Instant getCreatedAt() { return createdAt; }
}
