package org.civicloop.evidence;

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
import org.civicloop.kernel.Role;

/** Use cases of the evidence pack: an officer adds items and publishes them to jurors and residents. */
@ApplicationScoped
public class EvidenceService implements PhaseGate {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    @Transactional
    public Result<EvidenceItem> addItem(Actor actor, long cycleId, String title, String summary,
                                        EvidenceItem.Perspective perspective, String source) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.evidence.phase");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            return Result.refused("refused.evidence.title");
        }
        if (summary == null || summary.isBlank() || summary.length() > 8000) {
            return Result.refused("refused.evidence.summary");
        }
        if (perspective == null) {
            return Result.refused("refused.evidence.perspective");
        }
        if (source != null && source.length() > 500) {
            return Result.refused("refused.evidence.source");
        }
        EvidenceItem item = new EvidenceItem(cycleId, title.strip(), summary.strip(), perspective,
                source == null || source.isBlank() ? null : source.strip(), clock.instant(), actor.username());
        em.persist(item);
        em.flush();
        audit.record(actor, "evidence.added", "evidence_item", item.getId(), null, "cycle=" + cycleId);
        return Result.done(item);
    }

    @Transactional
    public Result<EvidenceItem> publish(Actor actor, long itemId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        EvidenceItem item = em.find(EvidenceItem.class, itemId);
        if (item == null) {
            return Result.refused("refused.evidence.unknown");
        }
        if (item.isPublished()) {
            return Result.refused("refused.evidence.published");
        }
        String before = audit.digestOf("evidence_item", itemId);
        item.publish();
        audit.record(actor, "evidence.published", "evidence_item", itemId, before, null);
        return Result.done(item);
    }

    public List<EvidenceItem> items(long cycleId) {
        return em.createQuery("SELECT e FROM EvidenceItem e WHERE e.cycleId = :c ORDER BY e.id", EvidenceItem.class)
                .setParameter("c", cycleId).getResultList();
    }

    public List<EvidenceItem> publishedItems(long cycleId) {
        return em.createQuery("SELECT e FROM EvidenceItem e WHERE e.cycleId = :c AND e.published = true ORDER BY e.id",
                EvidenceItem.class).setParameter("c", cycleId).getResultList();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(Cycle cycle, Phase from) {
        if (from == Phase.LEARN && publishedItems(cycle.getId()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.evidence", List.of()));
        }
        return Optional.empty();
    }
}
