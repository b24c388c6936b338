package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A costed option residents and jurors rank (the voting issue adds value cells, value chain, knock-on costs). */
@Entity
@Table(name = "budget_option")
public class BudgetOption {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_option_seq")
    @SequenceGenerator(name = "budget_option_seq", sequenceName = "budget_option_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String title;
    private String description;
    private long cost;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected BudgetOption() {
    }

    BudgetOption(Long cycleId, String code, String title, String description, long cost, Instant createdAt) {
        this.cycleId = cycleId;
        this.code = code;
        this.title = title;
        this.description = description;
        this.cost = cost;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getCode() { return code; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public long getCost() { return cost; }
    public Instant getCreatedAt() { return createdAt; }
}
