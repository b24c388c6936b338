package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.evidence.EvidenceViews.JurorProgress;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Use cases of reading the published pack: readers mark items read; officers see each juror's progress.
 */
@ApplicationScoped
public class PackReading {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Juries jury;
    @Inject
    AccountService accounts;
    @Inject
    EvidenceService evidence;

    // -------------------------------------------------------------------------------------------------- reading

    /** A reader marks a published item as read (once; marking it again changes nothing). */
    @Transactional
    public Result<EvidenceReading> markRead(Actor actor, long itemId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.notAllowed");
        }
        EvidenceItem item = em.find(EvidenceItem.class, itemId);
        if (item == null || !evidence.publishedItemIds(item.getCycleId()).contains(itemId)) {
            return Result.refused("refused.evidence.unknown");
        }
        List<EvidenceReading> existing = em.createQuery("SELECT r FROM EvidenceReading r WHERE r.itemId = :i"
                        + " AND r.reader = :u", EvidenceReading.class).setParameter("i", itemId)
                .setParameter("u", actor.username()).getResultList();
        if (!existing.isEmpty()) {
            return Result.done(existing.get(0));
        }
        EvidenceReading r = new EvidenceReading(item.getCycleId(), itemId, actor.username(), clock.instant());
        em.persist(r);
        em.flush();
        audit.record(actor, "evidence.read", "evidence_reading", r.getId(), null, "item=" + itemId);
        return Result.done(r);
    }

    /** For the facilitator: how many of the published items each juror has read (counts only). */
    public Result<List<JurorProgress>> readingProgress(Actor actor, long cycleId) {
        if (!actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        if (cycleViews.find(cycleId).isEmpty()) {
            return Result.refused("refused.cycle.unknown");
        }
        Set<Long> published = evidence.publishedItemIds(cycleId);
        Map<String, Long> counts = new HashMap<>();
        for (EvidenceReading r : em.createQuery("SELECT r FROM EvidenceReading r WHERE r.cycleId = :c",
                EvidenceReading.class).setParameter("c", cycleId).getResultList()) {
            if (published.contains(r.getItemId())) {
                counts.merge(r.getReader(), 1L, Long::sum);
            }
        }
        List<JurorProgress> out = new ArrayList<>();
        for (Juries.Member v : jury.jurors(cycleId)) {
            if (v.accountId() == null) {
                // Imported into the pool without an account (invited by letter): reads on paper, not online.
                out.add(new JurorProgress("#" + v.volunteerId(), 0L, published.size()));
                continue;
            }
            String username = accounts.usernameOf(v.accountId());
            String name = accounts.displayNameOf(v.accountId()).orElse(username);
            out.add(new JurorProgress(name, counts.getOrDefault(username, 0L), published.size()));
        }
        out.sort(Comparator.comparing(JurorProgress::displayName));
        return Result.done(out);
    }

    /** Which published items this reader has marked read. */
    public Set<Long> readBy(String username, long cycleId) {
        return new HashSet<>(em.createQuery("SELECT r.itemId FROM EvidenceReading r WHERE r.cycleId = :c"
                        + " AND r.reader = :u", Long.class).setParameter("c", cycleId).setParameter("u", username)
                .getResultList());
    }
}
