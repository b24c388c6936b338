package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.NoticeMail;
import org.civicloop.kernel.Result;

/**
 * Tells a proposal's author what happened to it: a notice in the app, and the same by e-mail when they asked for it
 * when proposing (through the kernel's {@link NoticeMail} port: the feedback capability's mail outbox sends it after
 * the change commits, in the author's language).
 */
@ApplicationScoped
public class ProposalNotices {

    /** The e-mail's subject (the proposal's number and title); the text is the notice's own message. */
    static final String SUBJECT = "mail.proposal.subject";

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    NoticeMail mail;
    @Inject
    AuditLog audit;

    /** Records the notice in the calling transaction (and queues its e-mail if the author opted in). */
    @Transactional(Transactional.TxType.MANDATORY)
    void tell(Proposal p, ProposalNotice.Kind kind) {
        em.persist(new ProposalNotice(p.getId(), p.getAuthor(), kind, clock.instant()));
        if (em.find(ProposalMailOptIn.class, p.getId()) != null) {
            mail.queue(p.getAuthor(), SUBJECT, "proposals.notice." + kind.name(),
                    List.of(String.valueOf(p.getId()), p.titleAsWritten()), "/proposal.xhtml?id=" + p.getId());
        }
    }

    /** Whether the author asked to be e-mailed about this proposal. */
    public boolean mailed(long proposalId) {
        return em.find(ProposalMailOptIn.class, proposalId) != null;
    }

    /** The author's e-mail choice for their proposal (refused to anyone else: it is theirs alone). */
    public Result<Boolean> mailChoice(Actor actor, long proposalId) {
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (actor.isAnonymous() || !p.getAuthor().equals(actor.username())) {
            return Result.refused("refused.proposalMail.notAllowed");
        }
        return Result.done(mailed(proposalId));
    }

    /**
     * A proposal's author changes their choice, at any time after proposing: e-mail them each notice about it from
     * now on, or no longer (the in-app notices go on either way). Only the author; choosing what is already chosen
     * changes nothing and is not refused.
     */
    @Transactional
    public Result<Boolean> chooseMail(Actor actor, long proposalId, boolean mailUpdates) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!p.getAuthor().equals(actor.username())) {
            return Result.refused("refused.proposalMail.notAllowed");
        }
        ProposalMailOptIn now = em.find(ProposalMailOptIn.class, proposalId);
        if (mailUpdates && now == null) {
            em.persist(new ProposalMailOptIn(proposalId, clock.instant()));
            em.flush();
            audit.record(actor, "proposal.mailOptedIn", "proposal_mail_opt_in", proposalId, null,
                    "proposal=" + proposalId);
        } else if (!mailUpdates && now != null) {
            String before = audit.digestOf("proposal_mail_opt_in", proposalId);
            em.remove(now);
            em.flush();
            audit.record(actor, "proposal.mailOptedOut", "proposal_mail_opt_in", proposalId, before,
                    "proposal=" + proposalId);
        }
        return Result.done(mailUpdates);
    }
}
