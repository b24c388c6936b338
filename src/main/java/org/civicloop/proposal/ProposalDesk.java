package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.Budget;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;

/**
 * The officers' desk for residents' proposals, and its moderation: anyone signed in reports a proposal; officers merge
 * duplicates, assess each proposal, select feasible ones as budget options (through
 * {@link VotingService#defineOption}) and hide with a public reason. Every change is audited and its author told.
 */
@ApplicationScoped
public class ProposalDesk {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    VotingService voting;
    @Inject
    Budgets budgets;
    @Inject
    Cycles cycles;
    @Inject
    ProposalNotices notices;
    @Inject
    ProposalWords words;
    @Inject
    ProposalSupports supports;

    /** Anyone signed in reports a proposal to the moderators, once, with a reason. */
    @Transactional
    public Result<ProposalReport> report(Actor actor, long proposalId, String reason) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        Result<String> checked = ProposalRules.reportReason(reason, p.isHidden(), "refused.flag",
                () -> em.createQuery("SELECT COUNT(r) FROM ProposalReport r WHERE r.proposalId = :p"
                        + " AND r.reporter = :a", Long.class).setParameter("p", proposalId)
                        .setParameter("a", actor.username()).getSingleResult() > 0);
        if (!checked.isDone()) {
            return checked.map(x -> null);
        }
        String r = checked.value();
        ProposalReport report = new ProposalReport(proposalId, actor.username(), r, clock.instant());
        em.persist(report);
        em.flush();
        audit.record(actor, "proposal.reported", "proposal_report", report.getId(), null, "proposal=" + proposalId);
        return Result.done(report);
    }

    /**
     * An officer merges a duplicate into another proposal of the same cycle: the duplicate's supports count for the
     * other (each account once), proposals merged into the duplicate earlier move along; the authors of the merged
     * proposals and of the one they join are told (in the app, and by e-mail if they asked).
     */
    @Transactional
    public Result<Proposal> merge(Actor actor, long duplicateId, long intoId) {
        Result<Proposal[]> pair = officerPair(actor, duplicateId, intoId);
        if (!pair.isDone()) {
            return pair.map(x -> null);
        }
        Proposal dup = pair.value()[0];
        Proposal into = pair.value()[1];
        if (dup.getStatus() == Proposal.Status.SELECTED) {
            return Result.refused("refused.merge.selected");
        }
        if (into.getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.merge.targetMerged", String.valueOf(into.getMergedInto()));
        }
        if (into.isHidden()) {
            return Result.refused("refused.merge.targetHidden");
        }
        List<Proposal> children = em.createQuery("SELECT p FROM Proposal p WHERE p.mergedInto = :d ORDER BY p.id",
                Proposal.class).setParameter("d", duplicateId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Proposal child : children) {
            String before = audit.digestOf("proposal", child.getId());
            child.mergeInto(intoId);
            em.flush();
            audit.record(actor, "proposal.merged", "proposal", child.getId(), before, "into=" + intoId);
            tell(child, ProposalNotice.Kind.MERGED);
        }
        String before = audit.digestOf("proposal", duplicateId);
        dup.mergeInto(intoId);
        em.flush();
        audit.record(actor, "proposal.merged", "proposal", duplicateId, before, "into=" + intoId);
        supports.recount(duplicateId);
        supports.recount(intoId);
        tell(dup, ProposalNotice.Kind.MERGED);
        if (!into.getAuthor().equals(dup.getAuthor())) {
            tell(into, ProposalNotice.Kind.MERGED_IN);
        }
        return Result.done(dup);
    }

    /**
     * An officer records the assessment: feasible, with the delivering service's costed estimate (and optionally a
     * note), or unfeasible, with the reason published beside it. It may be revised until it is selected.
     */
    @Transactional
    public Result<Proposal> assess(Actor actor, long proposalId, boolean feasible, String reason, Long estimate,
                                   String service) {
        Result<Proposal> found = officerProposal(actor, proposalId);
        if (!found.isDone()) {
            return found;
        }
        Proposal p = found.value();
        if (p.getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.assessment.merged", String.valueOf(p.getMergedInto()));
        }
        if (p.getStatus() == Proposal.Status.SELECTED) {
            return Result.refused("refused.assessment.selected");
        }
        String r = ProposalRules.strip(reason);
        String s = ProposalRules.strip(service);
        Optional<String> wrong = ProposalRules.checkAssessment(feasible, r, estimate, s);
        if (wrong.isPresent()) {
            return Result.refused(wrong.get());
        }
        String before = audit.digestOf("proposal", proposalId);
        p.assess(feasible, r, estimate, s, actor.username(), clock.instant());
        em.flush();
        audit.record(actor, "proposal.assessed", "proposal", proposalId, before,
                feasible ? "feasible estimate=" + estimate : "unfeasible");
        tell(p, feasible ? ProposalNotice.Kind.FEASIBLE : ProposalNotice.Kind.UNFEASIBLE);
        return Result.done(p);
    }

    /**
     * An officer selects a feasible proposal as a budget option of its cycle under {@code code}: the option is
     * defined by the voting capability with the proposal's title and description and the estimate as its cost; the
     * proposal records the option's code, and its author is told. A proposal for a district with a district budget
     * becomes an option of that budget; any other, of the city-wide budget.
     */
    @Transactional
    public Result<Proposal> select(Actor actor, long proposalId, String code) {
        Result<Proposal> found = officerProposal(actor, proposalId);
        if (!found.isDone()) {
            return found;
        }
        Proposal p = found.value();
        if (p.getStatus() != Proposal.Status.FEASIBLE) {
            return Result.refused("refused.selection.notFeasible");
        }
        if (p.isHidden()) {
            return Result.refused("refused.selection.hidden");
        }
        // a district's proposal lands in its district's budget, when the cycle has one
        String budget = budgets.ofDistrict(p.getCycleId(), p.getDistrict()).map(Budget::code).orElse(Budget.CITY);
        Result<CostedOption> option = voting.defineOption(actor, p.getCycleId(), budget, code, p.titleAsWritten(),
                p.descriptionAsWritten(), p.getEstimate());
        if (option instanceof Result.Refused<CostedOption> refused) {
            return new Result.Refused<>(refused.key(), refused.args());
        }
        String before = audit.digestOf("proposal", proposalId);
        p.select(code.strip()); // the option's code, as the voting capability stored it
        em.flush();
        audit.record(actor, "proposal.selected", "proposal", proposalId, before, "option=" + p.getOptionCode());
        tell(p, ProposalNotice.Kind.SELECTED);
        return Result.done(p);
    }

    /** An officer hides a proposal; it stays listed with the public reason, and its author is told. */
    @Transactional
    public Result<Proposal> hide(Actor actor, long proposalId, String reason) {
        Result<Proposal> found = officerProposal(actor, proposalId);
        if (!found.isDone()) {
            return found;
        }
        Proposal p = found.value();
        if (p.isHidden()) {
            return Result.refused("refused.moderation.already");
        }
        if (p.getStatus() == Proposal.Status.SELECTED) {
            return Result.refused("refused.moderation.selected", p.getOptionCode());
        }
        String r = ProposalRules.moderationReason(reason);
        if (r == null) {
            return Result.refused("refused.moderation.reason");
        }
        String before = audit.digestOf("proposal", proposalId);
        p.hide(r, actor.username(), clock.instant());
        em.flush();
        supports.stats(proposalId).setWords(" ");
        words.remove(proposalId);
        audit.record(actor, "proposal.hidden", "proposal", proposalId, before, r);
        tell(p, ProposalNotice.Kind.HIDDEN);
        return Result.done(p);
    }

    private Result<Proposal> officerProposal(Actor actor, long proposalId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (!ProposalRules.assessableIn(cycles.phaseOf(p.getCycleId()))) {
            return Result.refused("refused.assessment.phase");
        }
        return Result.done(p);
    }

    private Result<Proposal[]> officerPair(Actor actor, long duplicateId, long intoId) {
        Result<Proposal> dup = officerProposal(actor, duplicateId);
        if (!dup.isDone()) {
            return dup.map(x -> null);
        }
        if (duplicateId == intoId) {
            return Result.refused("refused.merge.same");
        }
        Proposal into = em.find(Proposal.class, intoId, LockModeType.PESSIMISTIC_WRITE);
        if (into == null || !into.getCycleId().equals(dup.value().getCycleId())) {
            return Result.refused("refused.merge.target");
        }
        if (dup.value().getStatus() == Proposal.Status.MERGED) {
            return Result.refused("refused.merge.already", String.valueOf(dup.value().getMergedInto()));
        }
        return Result.done(new Proposal[]{dup.value(), into});
    }

    private void tell(Proposal p, ProposalNotice.Kind kind) {
        notices.tell(p, kind);
    }

    /** The reports awaiting moderation in a cycle (reports of proposals not hidden), oldest first. */
    public List<ProposalReport> openReports(long cycleId) {
        return em.createQuery("SELECT r FROM ProposalReport r, Proposal p WHERE r.proposalId = p.id"
                + " AND p.cycleId = :c AND p.hidden = false ORDER BY r.createdAt, r.id", ProposalReport.class)
                .setParameter("c", cycleId).getResultList();
    }
}
