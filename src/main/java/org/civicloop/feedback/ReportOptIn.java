package org.civicloop.feedback;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An account that asked to be told when reports of cycles it took part in are published (id = account id). */
@Entity
@Table(name = "report_opt_in")
public class ReportOptIn {

    @Id
    private Long id;
    @Column(name = "opted_in_at", nullable = false)
    private Instant optedInAt;

    protected ReportOptIn() {
    }

    ReportOptIn(Long accountId, Instant at) {
        this.id = accountId;
        this.optedInAt = at;
    }

    public Long getId() { return id; }
    public Instant getOptedInAt() { return optedInAt; }
}
