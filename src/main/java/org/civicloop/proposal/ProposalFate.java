package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseChanged;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.OptionMilestone;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.VotingService;
import org.civicloop.voting.count.Explanation;

/**
 * What became of a proposal after it became an option, step by step, in the transaction that made each step public:
 * the votes counted (on entering DECIDE: funded by the count, of either channel, or not), the council's answer once
 * its report is published, and each delivery update ({@link OptionMilestone}, fired by the deciding and measuring
 * capabilities, which do not know the proposal capability). Each step is a public {@link ProposalStep}, audited, and
 * a notice to the proposer (by e-mail if they asked).
 */
@ApplicationScoped
public class ProposalFate {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    VotingService voting;
    @Inject
    ProposalNotices notices;

    /** On entering DECIDE: each selected proposal's option is funded by the count (jury or residents), or not. */
    void onPhaseChanged(@Observes PhaseChanged event) {
        if (event.to() != Phase.DECIDE) {
            return;
        }
        long cycleId = event.cycle().id();
        List<Proposal> selected = em.createQuery("SELECT p FROM Proposal p WHERE p.cycleId = :c"
                + " AND p.optionCode IS NOT NULL ORDER BY p.id", Proposal.class).setParameter("c", cycleId)
                .getResultList();
        if (selected.isEmpty()) {
            return;
        }
        VotingService.Count jury = voting.count(cycleId, Ballot.Channel.JURY);
        VotingService.Count residents = voting.count(cycleId, Ballot.Channel.RESIDENTS);
        Set<String> funded = new HashSet<>(jury.result().winners());
        funded.addAll(residents.result().winners());
        // why an option was not funded: from the count that decides (the jury's, else the residents' alone)
        VotingService.Count deciding = jury.ballots() > 0 ? jury : residents;
        for (Proposal p : selected) {
            boolean yes = funded.contains(p.getOptionCode());
            Explanation why = yes ? null : deciding.result().lost().get(p.getOptionCode());
            reach(event.actor(), p, new ProposalStep(p.getId(), ProposalStep.Step.VOTE, yes ? "FUNDED" : "NOT_FUNDED",
                    null, null, clock.instant()).explained(why == null ? null : deciding.explain(why, Locale.ENGLISH),
                    why == null ? null : deciding.explain(why, SPANISH)),
                    yes ? ProposalNotice.Kind.VOTE_FUNDED : ProposalNotice.Kind.VOTE_NOT_FUNDED);
        }
    }

    /** The council's published answer to the option's recommendation, or a delivery update of a funded option. */
    void onMilestone(@Observes OptionMilestone m) {
        List<Proposal> found = em.createQuery("SELECT p FROM Proposal p WHERE p.cycleId = :c AND p.optionCode = :o",
                Proposal.class).setParameter("c", m.cycleId()).setParameter("o", m.optionCode()).getResultList();
        for (Proposal p : found) {
            if (m.step() == OptionMilestone.Step.DECISION) {
                boolean taken = "ADOPTED".equals(m.state()) || "MODIFIED".equals(m.state());
                reach(m.actor(), p, new ProposalStep(p.getId(), ProposalStep.Step.DECISION, m.state(), null, m.note(),
                        clock.instant()), taken ? ProposalNotice.Kind.DECISION_TAKEN
                        : ProposalNotice.Kind.DECISION_NOT_TAKEN);
            } else {
                reach(m.actor(), p, new ProposalStep(p.getId(), ProposalStep.Step.DELIVERY, m.state(), m.percent(),
                        m.note(), clock.instant()), ProposalNotice.Kind.DELIVERY);
            }
        }
    }

    /** Records the step (unless the last of its kind says the same: a correction that changed nothing), tells. */
    private void reach(Actor actor, Proposal p, ProposalStep step, ProposalNotice.Kind kind) {
        List<ProposalStep> earlier = em.createQuery("SELECT s FROM ProposalStep s WHERE s.proposalId = :p"
                + " AND s.step = :s ORDER BY s.createdAt DESC, s.id DESC", ProposalStep.class)
                .setParameter("p", p.getId()).setParameter("s", step.getStep()).setMaxResults(1).getResultList();
        if (!earlier.isEmpty() && earlier.get(0).sameAs(step)) {
            return;
        }
        em.persist(step);
        em.flush();
        audit.record(actor, "proposal.stepReached", "proposal_step", step.getId(), null,
                "proposal=" + p.getId() + " step=" + step.getStep() + " state=" + step.getState());
        notices.tell(p, kind);
    }

    /** The steps a proposal reached after the vote, oldest first (public). */
    public List<ProposalStep> steps(long proposalId) {
        return em.createQuery("SELECT s FROM ProposalStep s WHERE s.proposalId = :p ORDER BY s.createdAt, s.id",
                ProposalStep.class).setParameter("p", proposalId).setHint("eclipselink.refresh", "true")
                .getResultList();
    }
}
