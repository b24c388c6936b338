package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.OfficerAccess;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;

/** Use cases of measuring (skeleton): officers record indicator readings, each with its explanation. */
@ApplicationScoped
public class MeasureService implements PhaseGate {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public Result<IndicatorReading> recordReading(Actor actor, long cycleId, String indicator, String value,
                                                  String explanation) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase() != Phase.MEASURE) {
            return Result.refused("refused.reading.phase");
        }
        if (indicator == null || indicator.isBlank() || indicator.length() > 300) {
            return Result.refused("refused.reading.indicator");
        }
        if (value == null || value.isBlank() || value.length() > 100) {
            return Result.refused("refused.reading.value");
        }
        if (explanation == null || explanation.isBlank() || explanation.length() > 4000) {
            return Result.refused("refused.reading.explanation");
        }
        IndicatorReading r = new IndicatorReading(cycleId, indicator.strip(), value.strip(), explanation.strip(),
                clock.instant(), actor.username());
        em.persist(r);
        em.flush();
        audit.record(actor, "measure.readingRecorded", "indicator_reading", r.getId(), null, "cycle=" + cycleId);
        return Result.done(r);
    }

    public List<IndicatorReading> readings(long cycleId) {
        return em.createQuery("SELECT r FROM IndicatorReading r WHERE r.cycleId = :c ORDER BY r.recordedAt, r.id",
                IndicatorReading.class).setParameter("c", cycleId).getResultList();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(Cycle cycle, Phase from) {
        if (from == Phase.MEASURE && readings(cycle.getId()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.readings", List.of()));
        }
        return Optional.empty();
    }
}
