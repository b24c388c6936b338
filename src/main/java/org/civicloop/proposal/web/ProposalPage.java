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
import org.civicloop.proposal.ProposalCommentService;
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
    @Inject
    ProposalCommentService comments;

    private Long id;
    private ProposalService.Listed listed;
    private Cycle cycle;
    private String reportReason;
    private String commentText;
    private final java.util.Map<Long, String> commentReportReasons = new java.util.HashMap<>();
    private transient java.util.List<ProposalCommentService.Shown> shown;

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

    /** The proposal's comments, oldest first (read once per request). */
    public java.util.List<ProposalCommentService.Shown> getComments() {
        if (shown == null) {
            shown = listed == null ? java.util.List.of() : comments.comments(id);
        }
        return shown;
    }

    /** Whether comments are taken now: until the vote opens, on a proposal not hidden. */
    public boolean isCommentsOpen() {
        return cycle != null && listed != null && comments.open(id);
    }

    public String comment() {
        if (Ui.report(comments.comment(currentUser.actor(), id, commentText), "proposal.comment.posted")) {
            commentText = null;
            shown = null;
        }
        return null;
    }

    public String reportComment(long commentId) {
        if (Ui.report(comments.report(currentUser.actor(), commentId, commentReportReasons.get(commentId)),
                "proposal.comment.reported")) {
            commentReportReasons.remove(commentId);
        }
        return null;
    }

    public String getCommentText() { return commentText; }
    public void setCommentText(String commentText) { this.commentText = commentText; }
    public java.util.Map<Long, String> getCommentReportReasons() { return commentReportReasons; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Cycle getCycle() { return cycle; }
    public String getReportReason() { return reportReason; }
    public void setReportReason(String reportReason) { this.reportReason = reportReason; }
}
