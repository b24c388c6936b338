package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.civicloop.kernel.NoticeMail;

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
}
