package org.civicloop.voting.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.RateLimiter;
import org.civicloop.kernel.Result;
import org.civicloop.platform.ProblemMappers;
import org.civicloop.platform.RateLimits;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.Budget;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.BallotBoxes;
import org.civicloop.voting.VotingService;

/** The ranked ballot: give each option a rank (1 = most wanted), leave out the ones you do not support. */
@Named
@ViewScoped
public class BallotBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RateLimits rateLimits;
    @Inject
    Cycles cycles;
    @Inject
    VotingService voting;
    @Inject
    BallotBoxes boxes;
    @Inject
    Juries jury;
    @Inject
    CurrentUser currentUser;
    @Inject
    Budgets budgets;
    @Inject
    EligibilityCheck eligibility;

    private Long id;
    /** The budget voted in: a district budget's code, or none (the city-wide budget). */
    private String budgetCode;
    private transient CycleView cycle;
    private transient Budget budget;
    private final Map<String, Integer> ranks = new HashMap<>();
    private String receipt;
    private String previousReceipt;

    public void load() throws IOException {
        if (cycle() == null || getBudget() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    /** The budget this ballot is for (null when the cycle has no budget with the requested code). */
    public Budget getBudget() {
        if (budget == null && id != null) {
            budget = budgets.find(id, budgetCode).orElse(null);
        }
        return budget;
    }

    /**
     * The budgets this person votes in, for the page's links: the city-wide one, and the budget of the district they
     * are verified in (when the cycle has district budgets and one for their district).
     */
    public List<Budget> getMyBudgets() {
        if (id == null || !budgets.hasDistrictBudgets(id)) {
            return List.of();
        }
        List<Budget> mine = new ArrayList<>();
        mine.add(budgets.find(id, Budget.CITY).orElseThrow());
        String district = currentUser.getUsername() == null ? null
                : eligibility.check(currentUser.getUsername(), id).district();
        budgets.ofDistrict(id, district).ifPresent(mine::add);
        return mine;
    }

    /**
     * Why this person cannot vote in this district budget (not verified in its district), in the reader's language;
     * null when they can, or when this is the city-wide budget.
     */
    public String getDistrictRefusal() {
        Budget b = getBudget();
        if (b == null || b.cityWide() || currentUser.getUsername() == null) {
            return null;
        }
        EligibilityCheck.Verdict v = eligibility.check(currentUser.getUsername(), id);
        if (b.district().equals(v.district())) {
            return null;
        }
        return v.district() == null ? Ui.text("refused.budget.notVerified", b.district())
                : Ui.text("refused.budget.wrongDistrict", b.district(), v.district());
    }

    private CycleView cycle() {
        if (cycle == null && id != null) {
            cycle = cycles.findPublished(id).orElse(null);
        }
        return cycle;
    }

    /** Jurors cast the jury's ballot in the city-wide budget; a district budget takes residents' ballots only. */
    public Ballot.Channel getChannel() {
        return (getBudget() == null || getBudget().cityWide()) && jury.isJuror(id, currentUser.getUsername())
                ? Ballot.Channel.JURY : Ballot.Channel.RESIDENTS;
    }

    public boolean isAlreadyVoted() {
        return receipt == null && getBudget() != null
                && boxes.hasVoted(getBudget(), getChannel(), currentUser.getUsername());
    }

    /** The voter has voted and the mandate lets them change their ballot until the vote closes. */
    public boolean isCanChange() {
        return isAlreadyVoted() && cycle() != null && cycle().ballotChangeable();
    }

    public List<CostedOption> getOptions() {
        return getBudget() == null ? List.of() : voting.options(id, getBudget().id());
    }

    public List<Integer> getRankChoices() {
        List<Integer> choices = new ArrayList<>();
        for (int i = 1; i <= getOptions().size(); i++) {
            choices.add(i);
        }
        return choices;
    }

    public String cast() {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(ranks.entrySet().stream()
                .filter(e -> e.getValue() != null).toList());
        if (ranked.stream().map(Map.Entry::getValue).distinct().count() != ranked.size()) {
            Ui.error("ballot.duplicateRanks");
            return null;
        }
        jakarta.faces.context.ExternalContext ec = jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext();
        java.util.Optional<java.time.Duration> wait = rateLimits.ballot(currentUser.getUsername(),
                ((jakarta.servlet.http.HttpServletRequest) ec.getRequest()).getRemoteAddr());
        if (wait.isPresent()) {
            long seconds = RateLimiter.retryAfterSeconds(wait.get());
            ec.setResponseStatus(429);
            ec.setResponseHeader("Retry-After", Long.toString(seconds));
            Ui.error("ballot.rateLimited", seconds);
            return null;
        }
        ranked.sort(Map.Entry.comparingByValue());
        List<String> ranking = ranked.stream().map(Map.Entry::getKey).toList();
        Result<String> r;
        try {
            r = voting.castBallot(currentUser.actor(), id, getChannel(), getBudget().code(), ranking,
                    previousReceipt);
        } catch (RuntimeException e) {
            if (!ProblemMappers.isConstraintViolation(e)) {
                throw e;
            }
            r = Result.refused("refused.ballot.already");
        }
        if (Ui.report(r, "ballot.cast")) {
            receipt = r.value();
        }
        return null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getBudgetCode() { return budgetCode; }
    public void setBudgetCode(String code) { this.budgetCode = code; }
    public CycleView getCycle() { return cycle(); }
    public Map<String, Integer> getRanks() { return ranks; }
    public String getReceipt() { return receipt; }
    public String getPreviousReceipt() { return previousReceipt; }
    public void setPreviousReceipt(String s) { this.previousReceipt = s; }
}
