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
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.BudgetOption;
import org.civicloop.voting.VotingService;

/** The ranked ballot: give each option a rank (1 = most wanted), leave out the ones you do not support. */
@Named
@ViewScoped
public class BallotBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    org.civicloop.platform.RateLimits rateLimits;
    @Inject
    CycleService cycles;
    @Inject
    VotingService voting;
    @Inject
    Juries jury;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private transient Cycle cycle;
    private final Map<String, Integer> ranks = new HashMap<>();
    private String receipt;
    private String previousReceipt;

    public void load() throws IOException {
        if (cycle() == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
    }

    private Cycle cycle() {
        if (cycle == null && id != null) {
            cycle = cycles.findPublished(id).orElse(null);
        }
        return cycle;
    }

    public Ballot.Channel getChannel() {
        return jury.isJuror(id, currentUser.getUsername()) ? Ballot.Channel.JURY : Ballot.Channel.RESIDENTS;
    }

    public boolean isAlreadyVoted() {
        return receipt == null && voting.hasVoted(id, getChannel(), currentUser.getUsername());
    }

    /** The voter has voted and the mandate lets them change their ballot until the vote closes. */
    public boolean isCanChange() {
        return isAlreadyVoted() && cycle() != null && cycle().isBallotChangeable();
    }

    public List<BudgetOption> getOptions() {
        return voting.options(id);
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
            long seconds = org.civicloop.kernel.RateLimiter.retryAfterSeconds(wait.get());
            ec.setResponseStatus(429);
            ec.setResponseHeader("Retry-After", Long.toString(seconds));
            Ui.error("ballot.rateLimited", seconds);
            return null;
        }
        ranked.sort(Map.Entry.comparingByValue());
        List<String> ranking = ranked.stream().map(Map.Entry::getKey).toList();
        Result<String> r;
        try {
            r = voting.castBallot(currentUser.actor(), id, getChannel(), ranking, previousReceipt);
        } catch (RuntimeException e) {
            if (!org.civicloop.platform.ProblemMappers.isConstraintViolation(e)) {
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
    public Cycle getCycle() { return cycle(); }
    public Map<String, Integer> getRanks() { return ranks; }
    public String getReceipt() { return receipt; }
    public String getPreviousReceipt() { return previousReceipt; }
    public void setPreviousReceipt(String s) { this.previousReceipt = s; }
}
