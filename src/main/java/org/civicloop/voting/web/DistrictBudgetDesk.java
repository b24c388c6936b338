package org.civicloop.voting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.civicloop.cycle.CountingRule;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Budget;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;

/**
 * The officer's district budgets on the cycle workspace: define one for a district of the electorate (envelope and,
 * optionally, its own counting rule) and add options to it, through the same use cases as the API. Bad input is
 * refused with the use case's message and changes nothing; the form keeps what was typed.
 */
@Named
@ViewScoped
public class DistrictBudgetDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Budgets budgets;
    @Inject
    VotingService voting;
    @Inject
    EligibilityCheck eligibility;
    @Inject
    CurrentUser currentUser;

    private long cycleId = -1;
    private String code;
    private String label;
    private String district;
    private Long amount;
    private String rule;
    private String optionBudget;
    private String optionCode;
    private String optionTitle;
    private String optionDescription;
    private Long optionCost;

    @PostConstruct
    void init() {
        cycleId = Ui.pageId();
    }

    /** One district budget with its options, as the workspace lists it. */
    public record Line(Budget budget, List<CostedOption> options) {
    }

    public List<Line> getLines() {
        return budgets.budgets(cycleId).stream().filter(b -> !b.cityWide())
                .map(b -> new Line(b, voting.options(cycleId, b.id()))).toList();
    }

    /** The electorate's districts (a district budget is for one of them). */
    public List<String> getDistricts() {
        return eligibility.districts(cycleId);
    }

    public List<CountingRule> getRules() {
        return Arrays.asList(CountingRule.values());
    }

    public String define() {
        if (amount == null) {
            Ui.error("refused.budget.amount");
            return null;
        }
        CountingRule chosen = rule == null || rule.isBlank() ? null : Arrays.stream(CountingRule.values())
                .filter(r -> r.name().equals(rule)).findFirst().orElse(null);
        if (chosen == null && rule != null && !rule.isBlank()) {
            Ui.error("refused.budget.rule");
            return null;
        }
        if (Ui.report(budgets.defineDistrictBudget(currentUser.actor(), cycleId, code, label, district, amount,
                chosen), "budget.defined")) {
            code = label = district = rule = null;
            amount = null;
        }
        return null;
    }

    public String addOption() {
        if (optionCost == null) {
            Ui.error("refused.option.cost");
            return null;
        }
        if (optionBudget == null || optionBudget.isBlank()) {
            Ui.error("refused.budget.unknown");
            return null;
        }
        if (Ui.report(voting.defineOption(currentUser.actor(), cycleId, optionBudget, optionCode, optionTitle,
                optionDescription, optionCost), "option.added")) {
            optionCode = optionTitle = optionDescription = null;
            optionCost = null;
        }
        return null;
    }

    public String getCode() { return code; }
    public void setCode(String v) { this.code = v; }
    public String getLabel() { return label; }
    public void setLabel(String v) { this.label = v; }
    public String getDistrict() { return district; }
    public void setDistrict(String v) { this.district = v; }
    public Long getAmount() { return amount; }
    public void setAmount(Long v) { this.amount = v; }
    public String getRule() { return rule; }
    public void setRule(String v) { this.rule = v; }
    public String getOptionBudget() { return optionBudget; }
    public void setOptionBudget(String v) { this.optionBudget = v; }
    public String getOptionCode() { return optionCode; }
    public void setOptionCode(String v) { this.optionCode = v; }
    public String getOptionTitle() { return optionTitle; }
    public void setOptionTitle(String v) { this.optionTitle = v; }
    public String getOptionDescription() { return optionDescription; }
    public void setOptionDescription(String v) { this.optionDescription = v; }
    public Long getOptionCost() { return optionCost; }
    public void setOptionCost(Long v) { this.optionCost = v; }
}
