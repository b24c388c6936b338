package org.civicloop.measure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/**
 * A participant's answer to the short post-cycle trust survey: one per account per cycle (the primary key). Published
 * only as totals; answers are never shown with who gave them.
 */
@Entity
@Table(name = "trust_answer")
@IdClass(TrustAnswer.Key.class)
public class TrustAnswer {

    /** The composite key (cycle, account). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long cycleId;
        Long accountId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(cycleId, k.cycleId)
                    && java.util.Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(cycleId, accountId);
        }
    }

    @Id
    @Column(name = "cycle_id")
    private Long cycleId;
    @Id
    @Column(name = "account_id")
    private Long accountId;
    @Column(name = "trust_score", nullable = false)
    private int trust;
    @Column(name = "heard_score", nullable = false)
    private int heard;
    @Column(nullable = false)
    private boolean again;
    @Column(name = "answered_on", nullable = false)
    private LocalDate answeredOn;

    protected TrustAnswer() {
    }

    TrustAnswer(long cycleId, long accountId, int trust, int heard, boolean again, LocalDate on) {
        this.cycleId = cycleId;
        this.accountId = accountId;
        this.trust = trust;
        this.heard = heard;
        this.again = again;
        this.answeredOn = on;
    }

    public Long getCycleId() { return cycleId; }
    public int getTrust() { return trust; }
    public int getHeard() { return heard; }
    public boolean isAgain() { return again; }
    public LocalDate getAnsweredOn() { return answeredOn; }
}
