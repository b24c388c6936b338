package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.feedback.CouncilDecisions;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * Use cases of measuring what the funded options achieve: an outcome objective per funded option (with milestones
 * and progress), its indicator set (published only when it passes {@link IndicatorSetRule}) and the readings over
 * time, each with the manager's explanation.
 */
@ApplicationScoped
public class MeasureService implements PhaseGate {

    /** Responses that fund the recommended option (in full or changed). */

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    CouncilDecisions decisions;
    @Inject
    VotingService voting;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * Sets (creates or rewrites) the outcome objective of a funded option. Possible once the council has answered the
     * recommendation (from DECIDE on) and only until the indicator set is published: baseline and target do not move
     * once figures are being reported against them.
     */
    @Transactional
    public Result<OutcomeObjective> setObjective(Actor actor, long cycleId, String optionCode, ObjectiveDraft d) {
        Result<CycleView> found = cycleViews.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (!found.value().phase().atLeast(Phase.DECIDE)) {
            return Result.refused("refused.objective.phase");
        }
        Optional<CostedOption> option = fundedOptions(cycleId).stream()
                .filter(o -> o.getCode().equals(optionCode)).findFirst();
        if (option.isEmpty()) {
            return Result.refused("refused.objective.notFunded", optionCode == null ? "" : optionCode);
        }
        Optional<String> bad = checkObjective(d);
        if (bad.isPresent()) {
            return Result.refused(bad.get());
        }
        Optional<OutcomeObjective> existing = objectiveOf(option.get().getId());
        if (existing.isPresent()) {
            OutcomeObjective o = existing.get();
            if (o.isSetPublished()) {
                return Result.refused("refused.objective.published");
            }
            String before = audit.digestOf("outcome_objective", o.getId());
            o.apply(d);
            audit.record(actor, "measure.objectiveChanged", "outcome_objective", o.getId(), before,
                    "option=" + optionCode);
            return Result.done(o);
        }
        OutcomeObjective o = new OutcomeObjective(cycleId, option.get().getId(), d, clock.instant(), actor.username());
        em.persist(o);
        em.flush();
        audit.record(actor, "measure.objectiveSet", "outcome_objective", o.getId(), null, "option=" + optionCode);
        return Result.done(o);
    }

    private static Optional<String> checkObjective(ObjectiveDraft d) {
        if (d == null || blankOrLonger(d.outcome(), 2000)) {
            return Optional.of("refused.objective.outcome");
        }
        if (d.valueCell() == null) {
            return Optional.of("refused.objective.valueCell");
        }
        if (blankOrLonger(d.owner(), 200) || (d.partners() != null && d.partners().length() > 1000)) {
            return Optional.of("refused.objective.owner");
        }
        if (blankOrLonger(d.baseline(), 1000) || blankOrLonger(d.target(), 1000)) {
            return Optional.of("refused.objective.baselineTarget");
        }
        if (d.reviewDate() == null) {
            return Optional.of("refused.objective.reviewDate");
        }
        return Optional.empty();
    }

    /** Adds an interim milestone to an objective. */
    @Transactional
    public Result<Milestone> addMilestone(Actor actor, long objectiveId, String title, LocalDate dueOn) {
        Result<OutcomeObjective> found = objectiveFor(actor, objectiveId);
        if (!found.isDone()) {
            return found.map(o -> null);
        }
        if (blankOrLonger(title, 300)) {
            return Result.refused("refused.milestone.title");
        }
        if (dueOn == null) {
            return Result.refused("refused.milestone.due");
        }
        Milestone m = new Milestone(objectiveId, title.strip(), dueOn);
        em.persist(m);
        em.flush();
        audit.record(actor, "measure.milestoneAdded", "objective_milestone", m.getId(), null,
                "objective=" + objectiveId);
        return Result.done(m);
    }

    /** Marks a milestone reached on a day (not in the future). */
    @Transactional
    public Result<Milestone> completeMilestone(Actor actor, long milestoneId, LocalDate doneOn) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Milestone m = em.find(Milestone.class, milestoneId);
        if (m == null) {
            return Result.refused("refused.milestone.unknown");
        }
        if (m.isDone()) {
            return Result.refused("refused.milestone.already");
        }
        if (doneOn == null || doneOn.isAfter(today())) {
            return Result.refused("refused.milestone.doneOn");
        }
        String before = audit.digestOf("objective_milestone", milestoneId);
        m.done(doneOn);
        audit.record(actor, "measure.milestoneReached", "objective_milestone", milestoneId, before, doneOn.toString());
        return Result.done(m);
    }

    /** Records how delivery of a funded option is going: status, percent complete and spend so far. */
    @Transactional
    public Result<OutcomeObjective> updateProgress(Actor actor, long objectiveId, ProgressStatus status, int percent,
                                                   long spend, String note) {
        Result<OutcomeObjective> found = objectiveFor(actor, objectiveId);
        if (!found.isDone()) {
            return found;
        }
        if (status == null) {
            return Result.refused("refused.progress.status");
        }
        if (percent < 0 || percent > 100 || (status == ProgressStatus.COMPLETED && percent != 100)) {
            return Result.refused("refused.progress.percent");
        }
        if (spend < 0) {
            return Result.refused("refused.progress.spend");
        }
        if (note != null && note.length() > 2000) {
            return Result.refused("refused.progress.note");
        }
        boolean needsNote = status == ProgressStatus.DELAYED || status == ProgressStatus.AT_RISK;
        if (needsNote && (note == null || note.isBlank())) {
            return Result.refused("refused.progress.noteNeeded");
        }
        OutcomeObjective o = found.value();
        String before = audit.digestOf("outcome_objective", objectiveId);
        o.progress(status, percent, spend, note == null || note.isBlank() ? null : note.strip(), clock.instant());
        audit.record(actor, "measure.progressUpdated", "outcome_objective", objectiveId, before,
                status + " " + percent + "%");
        delivery.progressed(actor, o, status, percent);
        return Result.done(o);
    }

    /** Adds an indicator to an objective's set (before or after the set is published). */
    @Transactional
    public Result<OutcomeIndicator> addIndicator(Actor actor, long objectiveId, IndicatorDraft d) {
        Result<OutcomeObjective> found = objectiveFor(actor, objectiveId);
        if (!found.isDone()) {
            return found.map(o -> null);
        }
        Optional<String> bad = checkIndicator(d);
        if (bad.isPresent()) {
            return Result.refused(bad.get());
        }
        boolean duplicate = indicators(objectiveId).stream().anyMatch(i -> i.getName().equalsIgnoreCase(d.name().strip()));
        if (duplicate) {
            return Result.refused("refused.indicator.duplicate");
        }
        OutcomeIndicator i = new OutcomeIndicator(objectiveId, d, clock.instant(), actor.username());
        em.persist(i);
        em.flush();
        audit.record(actor, "measure.indicatorAdded", "outcome_indicator", i.getId(), null,
                "objective=" + objectiveId + " " + d.kind());
        return Result.done(i);
    }

    private static Optional<String> checkIndicator(IndicatorDraft d) {
        if (d == null || blankOrLonger(d.name(), 300)) {
            return Optional.of("refused.indicator.name");
        }
        if (d.kind() == null) {
            return Optional.of("refused.indicator.kind");
        }
        if (blankOrLonger(d.unit(), 40)) {
            return Optional.of("refused.indicator.unit");
        }
        if (blankOrLonger(d.source(), 500)) {
            return Optional.of("refused.indicator.source");
        }
        if (d.frequency() == null) {
            return Optional.of("refused.indicator.frequency");
        }
        if (blankOrLonger(d.gamingRisk(), 2000)) {
            return Optional.of("refused.indicator.gaming");
        }
        if (blankOrLonger(d.counterIndicator(), 300)) {
            return Optional.of("refused.indicator.counter");
        }
        if (d.counterIndicator().strip().equalsIgnoreCase(d.name().strip())) {
            return Optional.of("refused.indicator.counterSelf");
        }
        return Optional.empty();
    }

    /** Publishes an objective's indicator set, if it passes the indicator-set rule; readings may follow. */
    @Transactional
    public Result<OutcomeObjective> publishIndicatorSet(Actor actor, long objectiveId) {
        Result<OutcomeObjective> found = objectiveFor(actor, objectiveId);
        if (!found.isDone()) {
            return found;
        }
        OutcomeObjective o = found.value();
        if (o.isSetPublished()) {
            return Result.refused("refused.indicatorSet.already");
        }
        Optional<String> broken = IndicatorSetRule.check(indicators(objectiveId).stream()
                .map(OutcomeIndicator::getKind).toList());
        if (broken.isPresent()) {
            return Result.refused(broken.get());
        }
        String before = audit.digestOf("outcome_objective", objectiveId);
        o.publishSet(clock.instant());
        audit.record(actor, "measure.indicatorSetPublished", "outcome_objective", objectiveId, before,
                indicators(objectiveId).size() + " indicators");
        return Result.done(o);
    }

    /**
     * Records a reading of an indicator: a number, the day it measures and the manager's explanation (no figure is
     * published without one). Only for indicators of a published set, while the cycle is measuring or after it
     * closed (outcomes keep being read until their review date).
     */
    @Transactional
    public Result<IndicatorReading> recordReading(Actor actor, long indicatorId, BigDecimal amount,
                                                  LocalDate measuredOn, String explanation) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        OutcomeIndicator indicator = em.find(OutcomeIndicator.class, indicatorId);
        if (indicator == null) {
            return Result.refused("refused.indicator.unknown");
        }
        OutcomeObjective objective = em.find(OutcomeObjective.class, indicator.getObjectiveId());
        CycleView cycle = cycleViews.find(objective.getCycleId()).orElse(null);
        if (!cycle.phase().atLeast(Phase.MEASURE)) {
            return Result.refused("refused.reading.phaseMeasure");
        }
        if (!objective.isSetPublished()) {
            return Result.refused("refused.reading.setNotPublished");
        }
        if (amount == null || amount.abs().compareTo(new BigDecimal("1000000000000")) >= 0) {
            return Result.refused("refused.reading.amount");
        }
        if (measuredOn == null || measuredOn.isAfter(today())) {
            return Result.refused("refused.reading.measuredOn");
        }
        if (explanation == null || explanation.strip().length() < 10 || explanation.length() > 4000) {
            return Result.refused("refused.reading.explain");
        }
        IndicatorReading r = new IndicatorReading(cycle.id(), indicator, amount, measuredOn, explanation.strip(),
                clock.instant(), actor.username());
        em.persist(r);
        em.flush();
        audit.record(actor, "measure.readingRecorded", "indicator_reading", r.getId(), null,
                "indicator=" + indicatorId + " " + r.getReadingValue() + " on " + measuredOn);
        return Result.done(r);
    }

    private Result<OutcomeObjective> objectiveFor(Actor actor, long objectiveId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        OutcomeObjective o = em.find(OutcomeObjective.class, objectiveId, LockModeType.PESSIMISTIC_WRITE);
        return o == null ? Result.refused("refused.objective.unknown") : Result.done(o);
    }

    static boolean blankOrLonger(String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    // Queries

    /**
     * The options the council funded: recommendations answered ADOPTED or MODIFIED ({@link CouncilDecisions}), in
     * recommendation order, from every budget of the cycle (city-wide and districts').
     */
    public List<CostedOption> fundedOptions(long cycleId) {
        Map<Long, CostedOption> options = new HashMap<>();
        voting.allOptions(cycleId).forEach(o -> options.put(o.getId(), o));
        return decisions.fundedOptionIds(cycleId).stream().map(options::get).filter(Objects::nonNull).toList();
    }

    public Optional<OutcomeObjective> objectiveOf(long optionId) {
        return em.createQuery("SELECT o FROM OutcomeObjective o WHERE o.optionId = :o", OutcomeObjective.class)
                .setParameter("o", optionId).getResultStream().findFirst();
    }

    public Optional<OutcomeObjective> objective(long objectiveId) {
        return Optional.ofNullable(em.find(OutcomeObjective.class, objectiveId));
    }

    public List<OutcomeObjective> objectives(long cycleId) {
        return em.createQuery("SELECT o FROM OutcomeObjective o WHERE o.cycleId = :c ORDER BY o.id",
                OutcomeObjective.class).setParameter("c", cycleId).getResultList();
    }

    public List<Milestone> milestones(long objectiveId) {
        return em.createQuery("SELECT m FROM Milestone m WHERE m.objectiveId = :o ORDER BY m.dueOn, m.id",
                Milestone.class).setParameter("o", objectiveId).getResultList();
    }

    public List<OutcomeIndicator> indicators(long objectiveId) {
        return em.createQuery("SELECT i FROM OutcomeIndicator i WHERE i.objectiveId = :o ORDER BY i.id",
                OutcomeIndicator.class).setParameter("o", objectiveId).getResultList();
    }

    public Optional<OutcomeIndicator> indicator(long indicatorId) {
        return Optional.ofNullable(em.find(OutcomeIndicator.class, indicatorId));
    }

    /** Every reading of a cycle (including readings from before indicators existed), oldest first. */
    public List<IndicatorReading> readings(long cycleId) {
        return em.createQuery("SELECT r FROM IndicatorReading r WHERE r.cycleId = :c ORDER BY r.measuredOn, r.id",
                IndicatorReading.class).setParameter("c", cycleId).getResultList();
    }

    public List<IndicatorReading> readingsOf(long indicatorId) {
        return em.createQuery("SELECT r FROM IndicatorReading r WHERE r.indicatorId = :i ORDER BY r.measuredOn, r.id",
                IndicatorReading.class).setParameter("i", indicatorId).getResultList();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from == Phase.MEASURE && readings(cycle.id()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.readings", List.of()));
        }
        return Optional.empty();
    }

    /** Tells who follows the option (its proposer) of each delivery update. */
    @Inject
    DeliveryMilestones delivery;
}
