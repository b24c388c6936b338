package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.civicloop.cycle.ValueCell;

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
    @Column(name = "value_cells")
    private String valueCells;
    @Column(name = "chain_inputs")
    private String chainInputs;
    @Column(name = "chain_activities")
    private String chainActivities;
    @Column(name = "chain_outputs")
    private String chainOutputs;
    @Column(name = "chain_outcomes")
    private String chainOutcomes;
    @Column(name = "groups_affected")
    private String groupsAffected;
    @Column(name = "knock_on_costs")
    private String knockOnCosts;
    @Column(name = "evidence_ids")
    private String evidenceIds;
    /** The district budget it belongs to; null: the city-wide budget. */
    @Column(name = "budget_id")
    private Long budgetId;

    protected BudgetOption() {
    }

    BudgetOption(Long cycleId, String code, String title, String description, long cost, Instant createdAt) {
        this(cycleId, null, code, title, description, cost, createdAt);
    }

    BudgetOption(Long cycleId, Long budgetId, String code, String title, String description, long cost,
                 Instant createdAt) {
        this.cycleId = cycleId;
        this.budgetId = budgetId;
        this.code = code;
        this.title = title;
        this.description = description;
        this.cost = cost;
        this.createdAt = createdAt;
    }

    void describe(OptionProfile p) {
        this.valueCells = p.valueCells().isEmpty() ? null : p.valueCells().stream().sorted().map(Enum::name)
                .collect(java.util.stream.Collectors.joining(","));
        this.chainInputs = p.inputs();
        this.chainActivities = p.activities();
        this.chainOutputs = p.outputs();
        this.chainOutcomes = p.outcomes();
        this.groupsAffected = p.groupsAffected();
        this.knockOnCosts = p.knockOnCosts();
        this.evidenceIds = p.evidenceIds().isEmpty() ? null : p.evidenceIds().stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    public java.util.List<ValueCell> getValueCellList() {
        return valueCells == null ? java.util.List.of() : java.util.Arrays.stream(valueCells.split(","))
                .map(ValueCell::valueOf).toList();
    }

    public java.util.List<Long> getEvidenceIdList() {
        return evidenceIds == null ? java.util.List.of() : java.util.Arrays.stream(evidenceIds.split(","))
                .map(Long::valueOf).toList();
    }

    public String getChainInputs() { return chainInputs; }
    public String getChainActivities() { return chainActivities; }
    public String getChainOutputs() { return chainOutputs; }
    public String getChainOutcomes() { return chainOutcomes; }
    public String getGroupsAffected() { return groupsAffected; }
    public String getKnockOnCosts() { return knockOnCosts; }
    public boolean isDescribed() {
        return valueCells != null || chainOutcomes != null || groupsAffected != null || knockOnCosts != null;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getBudgetId() { return budgetId; }
    public String getCode() { return code; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public long getCost() { return cost; }
    public Instant getCreatedAt() { return createdAt; }
}
