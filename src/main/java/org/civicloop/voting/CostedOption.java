package org.civicloop.voting;

import java.time.Instant;
import java.util.List;
import org.civicloop.cycle.ValueCell;

/**
 * A costed option of a budget as voting shows it to the rest of the app: a read-only copy of the stored option, so
 * that other capabilities (deliberation, evidence, feedback, measure, proposals) read options without reaching voting's
 * entities or tables. The getters are the stored option's, so pages bind to either alike.
 */
public final class CostedOption {

    private final Long id;
    private final Long cycleId;
    private final Long budgetId;
    private final String code;
    private final String title;
    private final String description;
    private final long cost;
    private final Instant createdAt;
    private final List<ValueCell> valueCells;
    private final List<Long> evidenceIds;
    private final String chainInputs;
    private final String chainActivities;
    private final String chainOutputs;
    private final String chainOutcomes;
    private final String groupsAffected;
    private final String knockOnCosts;
    private final boolean described;

    private CostedOption(BudgetOption o) {
        this.id = o.getId();
        this.cycleId = o.getCycleId();
        this.budgetId = o.getBudgetId();
        this.code = o.getCode();
        this.title = o.getTitle();
        this.description = o.getDescription();
        this.cost = o.getCost();
        this.createdAt = o.getCreatedAt();
        this.valueCells = o.getValueCellList();
        this.evidenceIds = o.getEvidenceIdList();
        this.chainInputs = o.getChainInputs();
        this.chainActivities = o.getChainActivities();
        this.chainOutputs = o.getChainOutputs();
        this.chainOutcomes = o.getChainOutcomes();
        this.groupsAffected = o.getGroupsAffected();
        this.knockOnCosts = o.getKnockOnCosts();
        this.described = o.isDescribed();
    }

    /** The option as it is stored now. */
    static CostedOption of(BudgetOption o) {
        return new CostedOption(o);
    }

    static List<CostedOption> of(List<BudgetOption> options) {
        return options.stream().map(CostedOption::new).toList();
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    /** The district budget it belongs to; null: the city-wide budget. */
    public Long getBudgetId() { return budgetId; }
    public String getCode() { return code; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public long getCost() { return cost; }
    public Instant getCreatedAt() { return createdAt; }
    public List<ValueCell> getValueCellList() { return valueCells; }
    public List<Long> getEvidenceIdList() { return evidenceIds; }
    public String getChainInputs() { return chainInputs; }
    public String getChainActivities() { return chainActivities; }
    public String getChainOutputs() { return chainOutputs; }
    public String getChainOutcomes() { return chainOutcomes; }
    public String getGroupsAffected() { return groupsAffected; }
    public String getKnockOnCosts() { return knockOnCosts; }
    public boolean isDescribed() { return described; }

    @Override
    public boolean equals(Object other) {
        return other instanceof CostedOption o && java.util.Objects.equals(o.id, id) && o.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return code + " " + title;
    }
}
