package org.civicloop.voting.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.cycle.ValueCell;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.CampaignDecision;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.OptionProfile;
import org.civicloop.voting.FlaggedBallots;
import org.civicloop.voting.VotingService;

/** The vote on the officer's cycle workspace: the budget options (added, then described) and the ballots cast. */
@Named
@ViewScoped
public class VoteWorkspaceBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    VotingService voting;
    @Inject
    FlaggedBallots flaggedBallots;
    @Inject
    CurrentUser currentUser;

    private long cycleId = -1;
    private String optionCode;
    private String optionTitle;
    private String optionDescription;
    private Long optionCost;
    private Long describeOptionId;
    private ValueCell[] optionCells = new ValueCell[0];
    private String chainInputs;
    private String chainActivities;
    private String chainOutputs;
    private String chainOutcomes;
    private String groupsAffected;
    private String knockOnCosts;

    @PostConstruct
    void init() {
        cycleId = Ui.pageId();
    }

    public String addOption() {
        if (optionCost == null) {
            Ui.error("refused.option.cost");
            return null;
        }
        if (Ui.report(voting.defineOption(currentUser.actor(), cycleId, optionCode, optionTitle, optionDescription,
                optionCost), "option.added")) {
            optionCode = optionTitle = optionDescription = null;
            optionCost = null;
        }
        return null;
    }

    private static Set<ValueCell> cellSet(ValueCell[] cells) {
        return cells == null || cells.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(cells));
    }

    public String describeOption() {
        if (describeOptionId == null) {
            Ui.error("refused.option.unknown");
            return null;
        }
        Ui.report(voting.describeOption(currentUser.actor(), describeOptionId, new OptionProfile(
                cellSet(optionCells),
                chainInputs, chainActivities, chainOutputs, chainOutcomes, groupsAffected, knockOnCosts, List.of())),
                "option.described");
        return null;
    }

    public List<CostedOption> getOptions() { return voting.options(cycleId); }
    public int getJuryBallots() { return voting.ballots(cycleId, Ballot.Channel.JURY).size(); }
    public long getFlaggedBallots() { return voting.flaggedBallots(cycleId); }

    /** The flagged ballots (receipt, day, ranking by option title), for this cycle's officers. */
    public List<FlaggedRow> getFlaggedList() {
        Map<String, String> titles = voting.options(cycleId).stream()
                .collect(Collectors.toMap(CostedOption::getCode, CostedOption::getTitle));
        Result<List<VotingService.FlaggedBallot>> r = flaggedBallots.flagged(currentUser.actor(), cycleId);
        return !r.isDone() ? List.of() : r.value().stream().map(b -> new FlaggedRow(b.receipt(), b.castOn(),
                String.join(" > ", b.ranking().stream().map(c -> titles.getOrDefault(c, c)).toList()),
                String.join(",", b.ranking()), flaggedBallots.decision(b.receipt()).orElse(null))).toList();
    }

    /** A flagged ballot's row: receipt, day cast, its ranking written out and the decision recorded (or null). */
    public record FlaggedRow(String receipt, LocalDate castOn, String ranking, String rankingCodes,
                             CampaignDecision decision) {
    }

    /** The groups of flagged ballots (identical ranking) an officer decides on: the codes and the ranking written out. */
    public record FlaggedGroup(String codes, String ranking, long ballots) {
    }

    public List<FlaggedGroup> getFlaggedGroups() {
        Map<String, FlaggedGroup> groups = new java.util.LinkedHashMap<>();
        for (FlaggedRow r : getFlaggedList()) {
            groups.merge(r.rankingCodes(), new FlaggedGroup(r.rankingCodes(), r.ranking(), 1),
                    (a, b) -> new FlaggedGroup(a.codes(), a.ranking(), a.ballots() + 1));
        }
        return List.copyOf(groups.values());
    }

    /** Decisions on flagged ballots are taken while the vote is open (closing it publishes the count). */
    public boolean isDeciding() {
        return getFlaggedBallots() > 0 && flaggedBallots.deciding(cycleId);
    }

    /** Records the officer's decision (count or exclude, with the public reason) on the chosen group. */
    public String decideFlagged() {
        if (decisionExclude == null) {
            Ui.error("refused.flagged.decision");
            return null;
        }
        if (Ui.report(voting.decideFlagged(currentUser.actor(), cycleId, decisionGroup, decisionExclude,
                decisionReason), "flagged.decided")) {
            decisionGroup = null;
            decisionExclude = null;
            decisionReason = null;
        }
        return null;
    }

    private String decisionGroup;
    private Boolean decisionExclude;
    private String decisionReason;

    public String getDecisionGroup() { return decisionGroup; }
    public void setDecisionGroup(String v) { this.decisionGroup = v; }
    public Boolean getDecisionExclude() { return decisionExclude; }
    public void setDecisionExclude(Boolean v) { this.decisionExclude = v; }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String v) { this.decisionReason = v; }
    public int getResidentBallots() { return voting.ballots(cycleId, Ballot.Channel.RESIDENTS).size(); }
    public ValueCell[] getValueCellValues() { return ValueCell.values(); }

    public Long getDescribeOptionId() { return describeOptionId; }
    public void setDescribeOptionId(Long v) { this.describeOptionId = v; }
    public ValueCell[] getOptionCells() { return optionCells; }
    public void setOptionCells(ValueCell[] v) { this.optionCells = v; }
    public String getChainInputs() { return chainInputs; }
    public void setChainInputs(String v) { this.chainInputs = v; }
    public String getChainActivities() { return chainActivities; }
    public void setChainActivities(String v) { this.chainActivities = v; }
    public String getChainOutputs() { return chainOutputs; }
    public void setChainOutputs(String v) { this.chainOutputs = v; }
    public String getChainOutcomes() { return chainOutcomes; }
    public void setChainOutcomes(String v) { this.chainOutcomes = v; }
    public String getGroupsAffected() { return groupsAffected; }
    public void setGroupsAffected(String v) { this.groupsAffected = v; }
    public String getKnockOnCosts() { return knockOnCosts; }
    public void setKnockOnCosts(String v) { this.knockOnCosts = v; }
    public String getOptionCode() { return optionCode; }
    public void setOptionCode(String s) { this.optionCode = s; }
    public String getOptionTitle() { return optionTitle; }
    public void setOptionTitle(String s) { this.optionTitle = s; }
    public String getOptionDescription() { return optionDescription; }
    public void setOptionDescription(String s) { this.optionDescription = s; }
    public Long getOptionCost() { return optionCost; }
    public void setOptionCost(Long c) { this.optionCost = c; }
}
