package org.civicloop.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;
import org.civicloop.proposal.Proposal;
import org.civicloop.proposal.ProposalService;

/** One proposal and its fate: merged, assessed, the option it became, the vote and the decision on that option. */
@Named
@ViewScoped
public class ProposalPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    CycleService cycles;
    @Inject
    ProposalService proposals;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private ProposalService.Listed listed;
    private Cycle cycle;
    private String reportReason;

    public void load() {
        listed = id == null ? null : proposals.proposal(id).orElse(null);
        cycle = listed == null ? null : cycles.findPublished(listed.proposal().getCycleId()).orElse(null);
        if (cycle == null) {
            listed = null;
        }
    }

    public Proposal getProposal() {
        return listed == null ? null : listed.proposal();
    }

    public int getSupports() {
        return listed == null ? 0 : listed.supports();
    }

    /** Where the option stands in the vote: not open yet, open now, or closed. */
    public String getVoteStage() {
        Phase p = cycle.getPhase();
        return p.isAfter(Phase.VOTE) ? "closed" : p == Phase.VOTE ? "open" : "notYet";
    }

    public boolean isOwn() {
        return currentUser.isSignedIn() && listed != null
                && listed.proposal().getAuthor().equals(currentUser.getUsername());
    }

    public String report() {
        if (Ui.report(proposals.report(currentUser.actor(), id, reportReason), "proposals.reportedDone")) {
            reportReason = null;
        }
        return null;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle; }
    public String getReportReason() { return reportReason; }
    public void setReportReason(String reportReason) { this.reportReason = reportReason; }
}
