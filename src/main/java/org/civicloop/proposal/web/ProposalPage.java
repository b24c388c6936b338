package org.civicloop.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;
import org.civicloop.proposal.Proposal;
import org.civicloop.proposal.ProposalCommentService;
import org.civicloop.proposal.ProposalDesk;
import org.civicloop.proposal.ProposalFate;
import org.civicloop.proposal.ProposalNotices;
import org.civicloop.proposal.ProposalService;
import org.civicloop.proposal.ProposalStep;

/** One proposal and its fate: merged, assessed, the option it became, the vote and the decision on that option. */
@Named
@ViewScoped
public class ProposalPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    ProposalService proposals;
    @Inject
    ProposalDesk desk;
    @Inject
    CurrentUser currentUser;
    @Inject
    ProposalCommentService comments;
    @Inject
    ProposalFate fate;
    @Inject
    ProposalNotices notices;

    private Long id;
    private ProposalService.Listed listed;
    private CycleView cycle;
    private String reportReason;
    private String commentText;
    private Boolean mailUpdates;
    private final java.util.Map<Long, String> commentReportReasons = new java.util.HashMap<>();
    private transient java.util.List<ProposalCommentService.Shown> shown;
    private transient java.util.List<ProposalStep> steps;

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
        Phase p = cycle.phase();
        return p.isAfter(Phase.VOTE) ? "closed" : p == Phase.VOTE ? "open" : "notYet";
    }

    /** The latest step of this kind the proposal reached after the vote, or null (read once per request). */
    private ProposalStep latest(ProposalStep.Step step) {
        if (steps == null) {
            steps = listed == null ? java.util.List.of() : fate.steps(id);
        }
        ProposalStep last = null;
        for (ProposalStep s : steps) {
            if (s.getStep() == step) {
                last = s;
            }
        }
        return last;
    }

    /** How the votes went for the option: funded or not (null until they are counted). */
    public ProposalStep getVoteStep() {
        return latest(ProposalStep.Step.VOTE);
    }

    /** Why the vote did not fund it, as the count explains it, in the reader's language (or null). */
    public String getVoteWhy() {
        ProposalStep vote = getVoteStep();
        return vote == null ? null : vote.why(Ui.locale());
    }

    /** The council's published answer, with its rationale (null until the report is published). */
    public ProposalStep getDecisionStep() {
        return latest(ProposalStep.Step.DECISION);
    }

    /** The latest delivery update (null until the council reports one). */
    public ProposalStep getDeliveryStep() {
        return latest(ProposalStep.Step.DELIVERY);
    }

    public boolean isOwn() {
        return currentUser.isSignedIn() && listed != null
                && listed.proposal().getAuthor().equals(currentUser.getUsername());
    }

    /** Whether the author is e-mailed each notice about this proposal (what the form shows; read once). */
    public boolean isMailUpdates() {
        if (mailUpdates == null) {
            mailUpdates = listed != null && notices.mailed(id);
        }
        return mailUpdates;
    }

    public void setMailUpdates(boolean mailUpdates) {
        this.mailUpdates = mailUpdates;
    }

    /** The author saves their e-mail choice for this proposal. */
    public String chooseMail() {
        boolean wanted = isMailUpdates();
        if (Ui.report(notices.chooseMail(currentUser.actor(), id, wanted),
                wanted ? "proposal.mail.on" : "proposal.mail.off")) {
            mailUpdates = null;
        }
        return null;
    }

    public String report() {
        if (Ui.report(desk.report(currentUser.actor(), id, reportReason), "proposals.reportedDone")) {
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
    public CycleView getCycle() { return cycle; }
    public String getReportReason() { return reportReason; }
    public void setReportReason(String reportReason) { this.reportReason = reportReason; }
}
