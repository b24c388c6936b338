package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.deliberation.PreferenceShiftService;
import org.civicloop.feedback.CouncilDecisions;
import org.civicloop.jury.Juries;
import org.civicloop.jury.PersonalDataErasing;

/** Gathers a cycle's real data and computes its engagement metrics with {@link EngagementMetrics}. */
@ApplicationScoped
public class MetricsService {

    @Inject
    Cycles cycles;
    @Inject
    Juries jury;
    @Inject
    CouncilDecisions decisions;
    @Inject
    PreferenceShiftService shifts;
    @Inject
    ParticipationMeasures participation;
    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    AccountabilityService accountability;

    /** A cycle's engagement metrics; a null figure was not recorded (see {@link EngagementMetrics}). */
    public record CycleMetrics(long cycleId, String title, Phase phase, int juryPanel, Double representativenessGap,
                               int quotaBreaches, int participants, Double repeatShare,
                               EngagementMetrics.ShiftSummary preferenceShift, EngagementMetrics.Adoption adoption,
                               EngagementMetrics.FeedbackTiming feedback, long engagementCosts, long contributions,
                               double volunteerHours, Double costPerParticipant, EngagementMetrics.TrustSummary trust) {
    }

    public CycleMetrics metrics(CycleView cycle) {
        long id = cycle.id();
        int panel = jury.jurySize(id);
        List<EngagementMetrics.QuotaLine> lines = jury.representation(id).stream()
                .map(l -> new EngagementMetrics.QuotaLine(l.feature(), l.value(), l.min(), l.max(), l.jury()))
                .toList();
        Participation taking = participation(id);
        int participants = taking.participants();
        Double repeat = taking.repeatShare();
        EngagementMetrics.Adoption adoption = EngagementMetrics.adoption(decisions.responses(id));
        LocalDate decided = cycles.firstEnteredAt(id, Phase.DECIDE).map(i -> i.atZone(ZoneOffset.UTC).toLocalDate())
                .orElse(null);
        LocalDate published = cycle.reportPublishedAt() == null ? null
                : cycle.reportPublishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        var timing = EngagementMetrics.feedbackTiming(decided, cycle.feedbackPromiseDate(), published);
        List<LedgerEntry> ledger = accountability.ledger(id);
        long costs = ledger.stream().filter(e -> !e.isContribution()).mapToLong(LedgerEntry::getAmount).sum();
        long contributions = ledger.stream().filter(LedgerEntry::isContribution).mapToLong(LedgerEntry::getAmount)
                .sum();
        double volunteerHours = ledger.stream().filter(e -> e.getKind() == LedgerKind.VOLUNTEER_HOURS)
                .mapToDouble(e -> e.getHours().doubleValue()).sum();
        var trust = EngagementMetrics.trust(participation.trustAnswers(id).stream()
                .map(t -> new EngagementMetrics.TrustPoint(t.getTrust(), t.getHeard(), t.isAgain())).toList());
        return new CycleMetrics(id, cycle.title(), cycle.phase(), panel,
                EngagementMetrics.representativenessGap(lines, panel), EngagementMetrics.quotaBreaches(lines),
                participants, repeat, EngagementMetrics.preferenceShift(shifts.shift(id)), adoption, timing, costs,
                contributions, volunteerHours, EngagementMetrics.costPerParticipant(costs, participants), trust);
    }

    /** How many took part in a cycle, and the share of them who took part in another cycle (null: not known). */
    public record Participation(int participants, Double repeatShare) {
    }

    /** The cycle's participation: as frozen when its jury's personal data was deleted, else counted now. */
    public Participation participation(long cycleId) {
        ParticipationFrozen frozen = em.find(ParticipationFrozen.class, cycleId);
        return frozen != null ? new Participation(frozen.getParticipants(), frozen.getRepeatShare())
                : liveParticipation(cycleId);
    }

    private Participation liveParticipation(long cycleId) {
        // Everyone who took part counts (accounts and people imported into the jury pool); the repeat share only
        // follows accounts, as nothing links an imported person to another cycle (docs/measure.md).
        Set<Long> people = participation.participants(cycleId);
        return new Participation(people.size() + participation.importedPeople(cycleId),
                EngagementMetrics.repeatShare(people, participation.participantsElsewhere(cycleId)));
    }

    /**
     * Retention is about to unlink the cycle's volunteers from their accounts and delete its imported rows, which
     * the live participation figures count: they are frozen first, in the same transaction (docs/measure.md).
     */
    void freezeBeforeRetention(@Observes PersonalDataErasing erasing) {
        if (em.find(ParticipationFrozen.class, erasing.cycleId()) != null) {
            return;
        }
        Participation now = liveParticipation(erasing.cycleId());
        ParticipationFrozen frozen = new ParticipationFrozen(erasing.cycleId(), clock.instant(), now.participants(),
                now.repeatShare());
        em.persist(frozen);
        em.flush();
        audit.record(erasing.actor(), "measure.participationFrozen", "participation_frozen", frozen.getId(), null,
                "participants=" + now.participants());
    }

    /** Metrics of every published cycle that has reached its decision, oldest first (the "over time" view). */
    public List<CycleMetrics> overTime() {
        return cycles.published().stream().filter(c -> c.phase().atLeast(Phase.DECIDE))
                .sorted(Comparator.comparing(CycleView::createdAt).thenComparing(CycleView::id))
                .map(this::metrics).toList();
    }
}
