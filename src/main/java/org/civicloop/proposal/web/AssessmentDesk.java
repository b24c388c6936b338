package org.civicloop.proposal.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;
import org.civicloop.proposal.Proposal;
import org.civicloop.proposal.ProposalCommentService;
import org.civicloop.proposal.ProposalDesk;
import org.civicloop.proposal.ProposalPhotos;
import org.civicloop.proposal.ProposalReport;
import org.civicloop.proposal.ProposalService;
import org.civicloop.proposal.ProposalSetting;

/** The officers' assessment desk: the proposals step, merging, assessing, selecting as options, moderation. */
@Named
@ViewScoped
public class AssessmentDesk implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cycles cycles;
    @Inject
    ProposalService proposals;
    @Inject
    ProposalDesk desk;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private CycleView cycle;
    private String districts;
    private final Map<Long, String> mergeInto = new HashMap<>();
    private final Map<Long, String> feasible = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, String> estimates = new HashMap<>();
    private final Map<Long, String> services = new HashMap<>();
    private final Map<Long, String> codes = new HashMap<>();
    private final Map<Long, String> hideReasons = new HashMap<>();
    private final Map<Long, String> photoHideReasons = new HashMap<>();
    private final Map<Long, String> commentHideReasons = new HashMap<>();
    @Inject
    ProposalCommentService comments;
    @Inject
    ProposalPhotos photos;

    public void load() {
        cycle = id == null ? null : cycles.find(id).orElse(null);
        if (cycle != null && districts == null) {
            districts = proposals.setting(id).map(s -> String.join("\n", s.getDistricts())).orElse("");
        }
    }

    public List<ProposalService.Listed> getProposals() {
        return proposals.proposals(id);
    }

    public boolean isAccepting() {
        return proposals.setting(id).map(ProposalSetting::isAccepting).orElse(false);
    }

    public List<ProposalReport> getReports() {
        return desk.openReports(id);
    }

    /** The text of a proposal as written, also when hidden (moderators see what they hid). */
    public String titleOf(Proposal p) {
        return p.getTitle() == null ? Ui.text("proposals.hiddenTitle") : p.getTitle();
    }

    public String open() {
        Ui.report(proposals.setAccepting(currentUser.actor(), id, true, districts), "proposals.openedDone");
        return null;
    }

    public String close() {
        Ui.report(proposals.setAccepting(currentUser.actor(), id, false, districts), "proposals.closedDone");
        return null;
    }

    public String merge(long proposalId) {
        Long into = whole(mergeInto.get(proposalId));
        if (into == null) {
            Ui.error("refused.merge.target");
            return null;
        }
        Ui.report(desk.merge(currentUser.actor(), proposalId, into), "proposals.mergedDone");
        return null;
    }

    public String assess(long proposalId) {
        String f = feasible.get(proposalId);
        if (f == null || f.isEmpty()) {
            Ui.error("proposals.chooseFeasibility");
            return null;
        }
        String e = estimates.get(proposalId);
        Long estimate = whole(e);
        if (estimate == null && e != null && !e.isBlank()) {
            Ui.error("refused.assessment.estimate");
            return null;
        }
        Ui.report(desk.assess(currentUser.actor(), proposalId, "yes".equals(f), reasons.get(proposalId),
                estimate, services.get(proposalId)), "proposals.assessedDone");
        return null;
    }

    public String select(long proposalId) {
        Ui.report(desk.select(currentUser.actor(), proposalId, codes.get(proposalId)), "proposals.selectedDone");
        return null;
    }

    /** Reports of comments not hidden yet, oldest first. */
    public List<ProposalCommentService.Reported> getCommentReports() {
        return comments.openReports(id);
    }

    /** Hides the comment of this report with the reason typed beside the report. */
    public String hideComment(long reportId, long commentId) {
        if (Ui.report(comments.hide(currentUser.actor(), commentId, commentHideReasons.get(reportId)),
                "desk.commentHidden")) {
            commentHideReasons.clear();
        }
        return null;
    }

    public Map<Long, String> getCommentHideReasons() { return commentHideReasons; }

    /** Hides the proposal's photo with the reason typed beside it. */
    public String hidePhoto(long proposalId) {
        if (Ui.report(photos.hide(currentUser.actor(), proposalId, photoHideReasons.get(proposalId)),
                "desk.photo.hidden")) {
            photoHideReasons.remove(proposalId);
        }
        return null;
    }

    public Map<Long, String> getPhotoHideReasons() { return photoHideReasons; }

    public String hide(long proposalId) {
        Ui.report(desk.hide(currentUser.actor(), proposalId, hideReasons.get(proposalId)), "proposals.hiddenDone");
        return null;
    }

    /** A whole number as typed (spaces and thousands separators allowed), or null. */
    static Long whole(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replaceAll("[\\s,.\u00a0]", "");
        if (!t.matches("[0-9]{1,13}")) {
            return null;
        }
        return Long.parseLong(t);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public CycleView getCycle() { return cycle; }
    public String getDistricts() { return districts; }
    public void setDistricts(String districts) { this.districts = districts; }
    public Map<Long, String> getMergeInto() { return mergeInto; }
    public Map<Long, String> getFeasible() { return feasible; }
    public Map<Long, String> getReasons() { return reasons; }
    public Map<Long, String> getEstimates() { return estimates; }
    public Map<Long, String> getServices() { return services; }
    public Map<Long, String> getCodes() { return codes; }
    public Map<Long, String> getHideReasons() { return hideReasons; }
}
