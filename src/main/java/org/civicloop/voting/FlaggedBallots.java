package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.voting.VotingService.CampaignTreatment;
import org.civicloop.voting.VotingService.FlaggedBallot;

/**
 * Residents' ballots flagged as a possible campaign: officers look at them while the vote is open and decide whether
 * they count; the decisions freeze when the vote closes (the count is stored then) and are published with it.
 */
@ApplicationScoped
public class FlaggedBallots {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    java.time.Clock clock;

    /** Residents' ballots flagged as possibly part of a campaign, for an officer to look at (they still count). */
    public long flaggedBallots(long cycleId) {
        return em.createQuery("SELECT COUNT(b) FROM Ballot b WHERE b.cycleId = :c AND b.flagged = true"
                + " AND b.superseded = false", Long.class).setParameter("c", cycleId).getSingleResult();
    }

    /** The flagged ballots grouped by identical ranking (then receipt); officers of the cycle only; never who. */
    public Result<List<FlaggedBallot>> flagged(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        return Result.done(em.createQuery("SELECT b FROM Ballot b WHERE b.cycleId = :c AND b.flagged = true"
                        + " AND b.superseded = false ORDER BY b.ranking, b.receipt", Ballot.class)
                .setParameter("c", cycleId).getResultStream()
                .map(b -> new FlaggedBallot(b.getReceipt(), b.getCastOn(), b.ranking())).toList());
    }

    /** See {@link VotingService#decideFlagged}. */
    @Transactional
    public Result<Integer> decide(Actor actor, long cycleId, String ranking, boolean exclude, String reason) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.VOTE) {
            return Result.refused("refused.flagged.phase");
        }
        String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (why.isEmpty() || why.length() > VotingService.DECISION_REASON_MAX) {
            return Result.refused("refused.flagged.reason", VotingService.DECISION_REASON_MAX);
        }
        List<Ballot> group = ranking == null ? List.of() : em.createQuery("SELECT b FROM Ballot b WHERE b.cycleId = :c"
                        + " AND b.flagged = true AND b.superseded = false AND b.ranking = :r ORDER BY b.receipt",
                Ballot.class).setParameter("c", cycleId).setParameter("r", ranking).getResultList();
        if (group.isEmpty()) {
            return Result.refused("refused.flagged.unknown");
        }
        Instant at = clock.instant();
        for (Ballot b : group) {
            CampaignDecision d = decision(b.getReceipt()).orElse(null);
            String before = null;
            if (d == null) {
                d = new CampaignDecision(cycleId, b.getReceipt(), exclude, why, at);
                em.persist(d);
            } else {
                before = audit.digestOf("campaign_decision", d.getId());
                d.decide(exclude, why, at);
            }
            em.flush();
            audit.record(actor, "voting.flaggedDecided", "campaign_decision", d.getId(), before,
                    "cycle=" + cycleId + "; " + (exclude ? "excluded" : "counted"));
        }
        return Result.done(group.size());
    }

    /** Whether decisions on the cycle's flagged ballots can still be taken: while its vote is open. */
    public boolean deciding(long cycleId) {
        return cycleViews.find(cycleId).map(c -> c.phase() == Phase.VOTE).orElse(false);
    }

    /** The residents' ballots an officer excluded from the count (receipt to public reason), among those in the box. */
    public Map<String, String> exclusions(long cycleId) {
        Map<String, String> out = new TreeMap<>();
        decisions(cycleId).forEach((receipt, d) -> {
            if (d.isExcluded()) {
                out.put(receipt, d.getReason());
            }
        });
        return out;
    }

    /** The decisions on the cycle's flagged ballots still in the box, by receipt. */
    private Map<String, CampaignDecision> decisions(long cycleId) {
        Map<String, CampaignDecision> out = new TreeMap<>();
        List<CampaignDecision> all = em.createQuery("SELECT d FROM CampaignDecision d WHERE d.cycleId = :c",
                CampaignDecision.class).setParameter("c", cycleId).getResultList();
        if (all.isEmpty()) {
            return out;
        }
        Set<String> inBox = new HashSet<>(em.createQuery("SELECT b.receipt FROM Ballot b WHERE b.cycleId = :c"
                + " AND b.flagged = true AND b.superseded = false", String.class).setParameter("c", cycleId)
                .getResultList());
        all.stream().filter(d -> inBox.contains(d.getReceipt())).forEach(d -> out.put(d.getReceipt(), d));
        return out;
    }

    /** How the flagged ballots were treated, for the public (ballots without a decision are counted). */
    public CampaignTreatment campaign(long cycleId) {
        long flagged = flaggedBallots(cycleId);
        Map<List<Object>, Long> groups = new LinkedHashMap<>();
        decisions(cycleId).values().stream().sorted(Comparator.comparing((CampaignDecision d) -> !d.isExcluded())
                        .thenComparing(CampaignDecision::getReason))
                .forEach(d -> groups.merge(List.of(d.isExcluded(), d.getReason()), 1L, Long::sum));
        List<CampaignTreatment.Treated> treated = groups.entrySet().stream().map(e -> new CampaignTreatment.Treated(
                (Boolean) e.getKey().get(0), e.getValue(), (String) e.getKey().get(1))).toList();
        long excluded = treated.stream().filter(CampaignTreatment.Treated::excluded)
                .mapToLong(CampaignTreatment.Treated::ballots).sum();
        return new CampaignTreatment(flagged, flagged - excluded, excluded, treated);
    }

    /** The decision recorded on a ballot, if any (for its officers' list and the voter's receipt check). */
    public Optional<CampaignDecision> decision(String receipt) {
        return em.createQuery("SELECT d FROM CampaignDecision d WHERE d.receipt = :r", CampaignDecision.class)
                .setParameter("r", receipt).getResultStream().findFirst();
    }
}
