package org.civicloop.voting;

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
import org.civicloop.cycle.CountingRule;

/**
 * A district's budget within a cycle: its envelope, its counting rule (null: the mandate's) and, through
 * {@link BudgetOption#getBudgetId}, its options. The city-wide budget is the cycle's own and has no row.
 */
@Entity
@Table(name = "budget")
public class DistrictBudget {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "budget_seq")
    @SequenceGenerator(name = "budget_seq", sequenceName = "budget_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private String district;
    private long amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "counting_rule")
    private CountingRule countingRule;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DistrictBudget() {
    }

    DistrictBudget(long cycleId, String code, String label, String district, long amount, CountingRule rule,
                   Instant createdAt) {
        this.cycleId = cycleId;
        this.code = code;
        this.label = label;
        this.district = district;
        this.amount = amount;
        this.countingRule = rule;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getCode() { return code; }
    public String getLabel() { return label; }
    public String getDistrict() { return district; }
    public long getAmount() { return amount; }
    public CountingRule getCountingRule() { return countingRule; }
}
