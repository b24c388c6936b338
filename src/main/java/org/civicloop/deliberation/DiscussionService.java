package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.VotingService;

/**
 * Residents' asynchronous deliberation: for each option, arguments for and against and replies, by signed-in
 * residents who are not on the jury (no anonymous posts), moderated in the open (a hidden post shows the reason).
 */
@ApplicationScoped
public class DiscussionService {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Juries jury;
    @Inject
    VotingService voting;

    static boolean open(Phase p) {
        return p.atLeast(Phase.LEARN) && !p.isAfter(Phase.VOTE);
    }

    /** A resident posts an argument FOR or AGAINST an option, or a REPLY to another post on the same option. */
    @Transactional
    public Result<DiscussionPost> post(Actor actor, long cycleId, String optionCode, DiscussionPost.Stance stance,
                                       Long parentId, String body) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (!open(cycle.phase())) {
            return Result.refused("refused.discussion.phase");
        }
        if (jury.isJuror(cycleId, actor.username())) {
            return Result.refused("refused.discussion.juror");
        }
        if (optionCode == null || voting.options(cycleId).stream().noneMatch(o -> o.getCode().equals(optionCode))) {
            return Result.refused("refused.discussion.option");
        }
        if (body == null || body.isBlank() || body.strip().length() > 2000) {
            return Result.refused("refused.discussion.body");
        }
        DiscussionPost.Stance s = stance;
        if (parentId != null) {
            DiscussionPost parent = em.find(DiscussionPost.class, parentId);
            if (parent == null || !parent.getCycleId().equals(cycleId) || !parent.getOptionCode().equals(optionCode)) {
                return Result.refused("refused.discussion.parent");
            }
            s = DiscussionPost.Stance.REPLY;
        } else if (s == null || s == DiscussionPost.Stance.REPLY) {
            return Result.refused("refused.discussion.body");
        }
        DiscussionPost p = new DiscussionPost(cycleId, optionCode, s, parentId, actor.username(), body.strip(),
                clock.instant());
        em.persist(p);
        em.flush();
        audit.record(actor, "deliberation.discussionPosted", "discussion_post", p.getId(), null,
                "cycle=" + cycleId + " option=" + optionCode);
        return Result.done(p);
    }

    /** A moderator hides a post; the reason is shown to everyone in its place and the audit chain keeps both. */
    @Transactional
    public Result<DiscussionPost> hide(Actor actor, long postId, String reason) {
        if (!actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        DiscussionPost p = em.find(DiscussionPost.class, postId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.discussion.unknown");
        }
        if (p.isHidden()) {
            return Result.refused("refused.discussion.already");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            return Result.refused("refused.discussion.reason");
        }
        String before = audit.digestOf("discussion_post", postId);
        p.hide(reason.strip(), actor.username(), clock.instant());
        em.flush();
        audit.record(actor, "deliberation.discussionHidden", "discussion_post", postId, before, reason.strip());
        return Result.done(p);
    }

    public List<DiscussionPost> posts(long cycleId) {
        return em.createQuery("SELECT p FROM DiscussionPost p WHERE p.cycleId = :c ORDER BY p.createdAt, p.id",
                DiscussionPost.class).setParameter("c", cycleId).getResultList();
    }
}
