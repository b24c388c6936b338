package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Residents' comments on proposals and their moderation: residents comment (signed in, 1 to 2,000 characters) until
 * the vote opens; anyone signed in reports a comment, once, with a reason; an officer hides a comment with a public
 * reason, shown in its place. Nothing is deleted. Every change is audited, residents as pseudonyms.
 */
@ApplicationScoped
public class ProposalCommentService {

    /** Most characters of a comment. */
    public static final int BODY_MAX = 2000;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Cycles cycles;

    /** A comment as published: by the proposal's author or another resident (never who). */
    public record Shown(ProposalComment comment, boolean byProposer) {
    }

    /** A resident comments on a proposal of a published cycle, until the vote opens; not on a hidden proposal. */
    @Transactional
    public Result<ProposalComment> comment(Actor actor, long proposalId, String text) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.proposal.residentsOnly");
        }
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null || !cycles.castingRules(p.getCycleId()).map(Cycles.CastingRules::published).orElse(false)) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!ProposalRules.assessableIn(cycles.phaseOf(p.getCycleId()))) {
            return Result.refused("refused.comment.phase");
        }
        if (p.isHidden()) {
            return Result.refused("refused.comment.proposalHidden");
        }
        String body = ProposalRules.strip(text);
        if (body == null || body.length() > BODY_MAX) {
            return Result.refused("refused.comment.body", String.valueOf(BODY_MAX));
        }
        ProposalComment c = new ProposalComment(proposalId, actor.username(), body, clock.instant());
        em.persist(c);
        em.flush();
        audit.record(actor, "proposal.commented", "proposal_comment", c.getId(), null, "proposal=" + proposalId);
        return Result.done(c);
    }

    /** Whether the proposal takes comments now: it exists, is not hidden, and its cycle's vote has not opened. */
    public boolean open(long proposalId) {
        Proposal p = em.find(Proposal.class, proposalId);
        return p != null && !p.isHidden() && ProposalRules.assessableIn(cycles.phaseOf(p.getCycleId()));
    }

    /** Anyone signed in reports a comment to the moderators, once, with a reason. */
    @Transactional
    public Result<ProposalCommentReport> report(Actor actor, long commentId, String reason) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        ProposalComment c = em.find(ProposalComment.class, commentId);
        if (c == null) {
            return Result.refused("refused.comment.unknown");
        }
        Result<String> checked = ProposalRules.reportReason(reason, c.isHidden(), "refused.commentFlag",
                () -> em.createQuery("SELECT COUNT(r) FROM ProposalCommentReport r WHERE r.commentId = :c"
                        + " AND r.reporter = :a", Long.class).setParameter("c", commentId)
                        .setParameter("a", actor.username()).getSingleResult() > 0);
        if (!checked.isDone()) {
            return checked.map(x -> null);
        }
        String r = checked.value();
        ProposalCommentReport report = new ProposalCommentReport(commentId, actor.username(), r, clock.instant());
        em.persist(report);
        em.flush();
        audit.record(actor, "proposal.commentReported", "proposal_comment_report", report.getId(), null,
                "comment=" + commentId);
        return Result.done(report);
    }

    /** An officer hides a comment with a public reason, shown in its place ("hidden by the council: reason"). */
    @Transactional
    public Result<ProposalComment> hide(Actor actor, long commentId, String reason) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        ProposalComment c = em.find(ProposalComment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            return Result.refused("refused.comment.unknown");
        }
        if (c.isHidden()) {
            return Result.refused("refused.commentHide.already");
        }
        String r = ProposalRules.moderationReason(reason);
        if (r == null) {
            return Result.refused("refused.commentHide.reason");
        }
        String before = audit.digestOf("proposal_comment", commentId);
        c.hide(r, actor.username(), clock.instant());
        em.flush();
        audit.record(actor, "proposal.commentHidden", "proposal_comment", commentId, before, r);
        return Result.done(c);
    }

    /** A proposal's comments, oldest first, hidden ones in place with their reasons. */
    public List<Shown> comments(long proposalId) {
        String proposer = em.createQuery("SELECT p FROM Proposal p WHERE p.id = :p", Proposal.class)
                .setParameter("p", proposalId).getResultList().stream().map(Proposal::getAuthor).findFirst()
                .orElse(null);
        return em.createQuery("SELECT c FROM ProposalComment c WHERE c.proposalId = :p ORDER BY c.createdAt, c.id",
                        ProposalComment.class).setParameter("p", proposalId)
                .setHint("eclipselink.refresh", "true").getResultList().stream()
                .map(c -> new Shown(c, c.getAuthor().equals(proposer))).toList();
    }

    /** The cycle a comment belongs to (through its proposal), if it exists. */
    public java.util.Optional<Long> cycleOf(long commentId) {
        return em.createQuery("SELECT p.cycleId FROM ProposalComment c, Proposal p WHERE c.id = :c"
                + " AND p.id = c.proposalId", Long.class).setParameter("c", commentId).getResultList().stream()
                .findFirst();
    }

    /** The proposal a comment is on, if it exists. */
    public java.util.Optional<Long> proposalOf(long commentId) {
        return em.createQuery("SELECT c.proposalId FROM ProposalComment c WHERE c.id = :c", Long.class)
                .setParameter("c", commentId).getResultList().stream().findFirst();
    }

    /** A report of a comment waiting for the moderators, with the comment as written. */
    public record Reported(ProposalCommentReport report, ProposalComment comment) {
    }

    /** Reports of comments not hidden yet in a cycle, oldest first. */
    public List<Reported> openReports(long cycleId) {
        return em.createQuery("SELECT r, c FROM ProposalCommentReport r, ProposalComment c, Proposal p"
                        + " WHERE r.commentId = c.id AND c.proposalId = p.id AND p.cycleId = :cy AND c.hidden = false"
                        + " ORDER BY r.createdAt, r.id", Object[].class).setParameter("cy", cycleId)
                .setHint("eclipselink.refresh", "true").getResultList().stream()
                .map(o -> new Reported((ProposalCommentReport) o[0], (ProposalComment) o[1])).toList();
    }
}
