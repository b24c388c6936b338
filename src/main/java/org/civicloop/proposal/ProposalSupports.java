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
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Residents' supports of proposals: supporting and withdrawing (while the step takes proposals), and the stored
 * counts, recomputed from the support rows in the transaction of each change (also after a merge).
 */
@ApplicationScoped
public class ProposalSupports {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    EligibilityCheck eligibility;
    @Inject
    ProposalService proposals;

    /** A resident supports a proposal, once (supporting again after withdrawing counts again). */
    @Transactional
    public Result<Proposal> support(Actor actor, long proposalId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.proposal.residentsOnly");
        }
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!proposals.accepting(p.getCycleId())) {
            return Result.refused("refused.proposals.closed");
        }
        if (p.getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.support.merged", String.valueOf(p.getMergedInto()));
        }
        if (p.isHidden()) {
            return Result.refused("refused.support.hidden");
        }
        EligibilityCheck.Verdict eligible = eligibility.check(actor.username(), p.getCycleId(), p.getDistrict());
        if (!eligible.allowed()) {
            return Result.refused(eligible.refusal(), p.getDistrict(), String.valueOf(eligible.district()));
        }
        ProposalSupport s = supportOf(proposalId, actor.username());
        if (s != null && s.isActive()) {
            return Result.refused("refused.support.already");
        }
        if (s == null) {
            s = new ProposalSupport(proposalId, actor.username(), clock.instant());
            em.persist(s);
            em.flush();
            audit.record(actor, "proposal.supported", "proposal_support", s.getId(), null, "proposal=" + proposalId);
        } else {
            String before = audit.digestOf("proposal_support", s.getId());
            s.renew(clock.instant());
            em.flush();
            audit.record(actor, "proposal.supported", "proposal_support", s.getId(), before, "proposal=" + proposalId);
        }
        recount(proposalId);
        return Result.done(p);
    }

    /** A resident withdraws their support (while proposals are accepted). */
    @Transactional
    public Result<Proposal> withdrawSupport(Actor actor, long proposalId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.proposal.residentsOnly");
        }
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!proposals.accepting(p.getCycleId())) {
            return Result.refused("refused.proposals.closed");
        }
        ProposalSupport s = supportOf(proposalId, actor.username());
        if (s == null || !s.isActive()) {
            return Result.refused("refused.support.none");
        }
        String before = audit.digestOf("proposal_support", s.getId());
        s.withdraw(clock.instant());
        em.flush();
        audit.record(actor, "proposal.supportWithdrawn", "proposal_support", s.getId(), before,
                "proposal=" + proposalId);
        recount(proposalId);
        if (p.getMergedInto() != null) {
            recount(p.getMergedInto());
        }
        return Result.done(p);
    }

    /** The proposal's derived row, locked until commit (recounts of one proposal run one after another). */
    ProposalStats stats(long proposalId) {
        ProposalStats st = em.find(ProposalStats.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (st == null) {
            st = new ProposalStats(em.find(Proposal.class, proposalId));
            em.persist(st);
        }
        return st;
    }

    /**
     * Stores a proposal's supports counted now, in the transaction that changed them: distinct accounts actively
     * supporting it or a proposal merged into it (what {@link SupportTally} counts). The stats row is locked first,
     * so a concurrent change to the same count waits and then counts with this one's rows committed.
     */
    void recount(long proposalId) {
        ProposalStats st = stats(proposalId);
        em.flush();
        Long n = em.createQuery("SELECT COUNT(DISTINCT s.account) FROM ProposalSupport s, Proposal p"
                + " WHERE s.proposalId = p.id AND (p.id = :p OR p.mergedInto = :p) AND s.withdrawnAt IS NULL",
                Long.class).setParameter("p", proposalId).getSingleResult();
        st.setSupports(n.intValue());
        em.flush();
    }

    private ProposalSupport supportOf(long proposalId, String account) {
        List<ProposalSupport> found = ProposalService.fresh(em.createQuery("SELECT s FROM ProposalSupport s WHERE s.proposalId = :p"
                + " AND s.account = :a", ProposalSupport.class).setParameter("p", proposalId)
                .setParameter("a", account)).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }


    /** Whether this account actively supports the proposal. */
    public boolean supports(String account, long proposalId) {
        ProposalSupport s = supportOf(proposalId, account);
        return s != null && s.isActive();
    }

    /** Which of these proposals the account actively supports (one query, for a page of them). */
    public java.util.Set<Long> supportedAmong(String account, List<Long> proposalIds) {
        if (proposalIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(ProposalService.fresh(em.createQuery("SELECT s.proposalId FROM ProposalSupport s"
                + " WHERE s.account = :a AND s.proposalId IN :ids AND s.withdrawnAt IS NULL", Long.class)
                .setParameter("a", account).setParameter("ids", proposalIds)).getResultList());
    }
}
