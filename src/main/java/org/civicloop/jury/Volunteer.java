package org.civicloop.jury;

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

/** A person in a cycle's volunteer pool (registered online or imported by an officer); SELECTED once drawn. */
@Entity
@Table(name = "volunteer")
public class Volunteer {

    public enum Status { POOL, SELECTED }

    /** A drawn juror's answer to the invitation. */
    public enum Response { ACCEPTED, DECLINED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "volunteer_seq")
    @SequenceGenerator(name = "volunteer_seq", sequenceName = "volunteer_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    /** The volunteer's account; null for people an officer imported, and after retention (pseudonymised). */
    @Column(name = "account_id")
    private Long accountId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private boolean consent;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private Response response;
    private boolean attended;
    @Column(name = "replaces_id")
    private Long replacesId;

    protected Volunteer() {
    }

    Volunteer(Long cycleId, Long accountId, boolean consent, Instant createdAt) {
        this.cycleId = cycleId;
        this.accountId = accountId;
        this.consent = consent;
        this.status = Status.POOL;
        this.createdAt = createdAt;
    }

    void select() {
        this.status = Status.SELECTED;
    }

    void selectAsReplacementFor(Long declinedId) {
        this.status = Status.SELECTED;
        this.replacesId = declinedId;
    }

    void respond(Response r) {
        this.response = r;
    }

    /** Retention: the volunteer no longer points to the person's account. */
    void pseudonymise() {
        this.accountId = null;
    }

    void attend() {
        this.attended = true;
    }

    /** Drawn and not declined: sits on the jury. */
    public boolean isOnJury() {
        return status == Status.SELECTED && response != Response.DECLINED;
    }

    public Response getResponse() { return response; }
    public boolean isAttended() { return attended; }
    public Long getReplacesId() { return replacesId; }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getAccountId() { return accountId; }
    public Status getStatus() { return status; }
    public boolean isConsent() { return consent; }
    public Instant getCreatedAt() { return createdAt; }
}
