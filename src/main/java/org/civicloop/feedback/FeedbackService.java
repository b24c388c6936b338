package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseChanged;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.VotingService;

/** Use cases of deciding and feeding back: the count becomes recommendations; officers answer each one. */
@ApplicationScoped
public class FeedbackService implements PhaseGate {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    VotingService voting;

    /** On entering DECIDE: each option the jury's count funds becomes a recommendation. */
    void onPhaseChanged(@Observes PhaseChanged event) {
        if (event.to() != Phase.DECIDE) {
            return;
        }
        long cycleId = event.cycle().getId();
        VotingService.Count count = voting.count(cycleId, Ballot.Channel.JURY);
        java.util.Map<String, Long> firsts = new java.util.HashMap<>();
        for (org.civicloop.voting.Ballot b : voting.ballots(cycleId, Ballot.Channel.JURY)) {
            if (!b.ranking().isEmpty()) {
                firsts.merge(b.ranking().get(0), 1L, Long::sum);
            }
        }
        int position = 1;
        for (org.civicloop.voting.BudgetOption option : count.winners()) {
            String score = count.score(option.getCode());
            String support = Messages.format(java.util.Locale.ENGLISH, "recommendation.support",
                    score.isEmpty() ? "-" : score, firsts.getOrDefault(option.getCode(), 0L), count.ballots());
            Recommendation r = new Recommendation(cycleId, position++, option.getId(), option.getTitle(), support);
            em.persist(r);
            em.flush();
            audit.record(event.actor(), "feedback.recommendationMade", "recommendation", r.getId(), null,
                    "cycle=" + cycleId);
        }
    }

    @Transactional
    public Result<Recommendation> respond(Actor actor, long recommendationId, Recommendation.Response response,
                                          String rationale) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Recommendation r = em.find(Recommendation.class, recommendationId);
        if (r == null) {
            return Result.refused("refused.recommendation.unknown");
        }
        Cycle cycle = em.find(Cycle.class, r.getCycleId());
        if (cycle.getPhase() != Phase.DECIDE) {
            return Result.refused("refused.response.phase");
        }
        if (response == null) {
            return Result.refused("refused.response.missing");
        }
        if (rationale == null || rationale.isBlank() || rationale.length() > 4000) {
            return Result.refused("refused.response.rationale");
        }
        String before = audit.digestOf("recommendation", recommendationId);
        r.respond(response, rationale.strip(), actor.username(), clock.instant());
        audit.record(actor, "feedback.responded", "recommendation", recommendationId, before, response.name());
        return Result.done(r);
    }

    public List<Recommendation> recommendations(long cycleId) {
        return em.createQuery("SELECT r FROM Recommendation r WHERE r.cycleId = :c ORDER BY r.rankPosition",
                Recommendation.class).setParameter("c", cycleId).getResultList();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(Cycle cycle, Phase from) {
        if (from == Phase.DECIDE) {
            long open = recommendations(cycle.getId()).stream().filter(r -> !r.isAnswered()).count();
            if (open > 0) {
                return Optional.of(new Result.Refused<>("refused.gate.responses", List.of(open)));
            }
        }
        if (from == Phase.FEEDBACK && !cycle.isReportPublished()) {
            return Optional.of(new Result.Refused<>("refused.gate.report", List.of()));
        }
        return Optional.empty();
    }
}
