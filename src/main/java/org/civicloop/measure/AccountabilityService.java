package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Use cases of accounting for public value: providers' annual public value accounts (entered by an officer as the
 * provider submitted them; officers then mark each promise with evidence) and the cycle's co-production ledger.
 */
@ApplicationScoped
public class AccountabilityService {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /**
     * Records a provider's annual account for a funded option: a summary and its social, economic and environmental
     * promises with what the provider says it delivered. One account per provider, option and year.
     */
    @Transactional
    public Result<ValueAccount> submitValueAccount(Actor actor, long objectiveId, String provider, int year,
                                                   String summary, List<PromiseDraft> promises) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        OutcomeObjective objective = em.find(OutcomeObjective.class, objectiveId);
        if (objective == null) {
            return Result.refused("refused.objective.unknown");
        }
        if (MeasureService.blankOrLonger(provider, 200)) {
            return Result.refused("refused.account.provider");
        }
        int thisYear = LocalDate.now(clock.withZone(ZoneOffset.UTC)).getYear();
        if (year < 2000 || year > thisYear) {
            return Result.refused("refused.account.year", thisYear);
        }
        if (MeasureService.blankOrLonger(summary, 4000)) {
            return Result.refused("refused.account.summary");
        }
        if (promises == null || promises.isEmpty() || promises.size() > 30) {
            return Result.refused("refused.account.promises");
        }
        for (PromiseDraft p : promises) {
            if (p == null || p.dimension() == null || MeasureService.blankOrLonger(p.promise(), 1000)
                    || MeasureService.blankOrLonger(p.delivered(), 2000)) {
                return Result.refused("refused.account.promise");
            }
        }
        boolean exists = !em.createQuery("SELECT a.id FROM ValueAccount a WHERE a.objectiveId = :o"
                        + " AND LOWER(a.provider) = :p AND a.accountYear = :y", Long.class)
                .setParameter("o", objectiveId).setParameter("p", provider.strip().toLowerCase())
                .setParameter("y", year).getResultList().isEmpty();
        if (exists) {
            return Result.refused("refused.account.already");
        }
        ValueAccount a = new ValueAccount(objective.getCycleId(), objectiveId, provider.strip(), year, summary.strip(),
                clock.instant(), actor.username());
        em.persist(a);
        em.flush();
        audit.record(actor, "measure.valueAccountSubmitted", "value_account", a.getId(), null,
                provider.strip() + " " + year);
        for (PromiseDraft p : promises) {
            ValuePromise vp = new ValuePromise(a.getId(), p.dimension(), p.promise().strip(), p.delivered().strip());
            em.persist(vp);
            em.flush();
            audit.record(actor, "measure.promiseStated", "value_promise", vp.getId(), null, p.dimension().name());
        }
        return Result.done(a);
    }

    /** An officer marks a promise delivered, partly delivered or not delivered, citing the evidence. */
    @Transactional
    public Result<ValuePromise> markPromise(Actor actor, long promiseId, PromiseVerdict verdict, String evidence) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        ValuePromise p = em.find(ValuePromise.class, promiseId);
        if (p == null) {
            return Result.refused("refused.promise.unknown");
        }
        if (verdict == null) {
            return Result.refused("refused.promise.verdict");
        }
        if (MeasureService.blankOrLonger(evidence, 2000)) {
            return Result.refused("refused.promise.evidence");
        }
        String before = audit.digestOf("value_promise", promiseId);
        p.mark(verdict, evidence.strip(), actor.username(), clock.instant());
        audit.record(actor, "measure.promiseMarked", "value_promise", promiseId, before, verdict.name());
        return Result.done(p);
    }

    /**
     * Records a line of the co-production ledger: citizens' contributions (volunteer hours, in-kind) or engagement
     * costs (staff hours, venue, incentives, other). Hour lines need hours; money is in whole units of the cycle's
     * currency (the value of in-kind resources, or what a cost cost).
     */
    @Transactional
    public Result<LedgerEntry> recordLedgerEntry(Actor actor, long cycleId, LedgerKind kind, String description,
                                                 BigDecimal hours, long amount) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (kind == null) {
            return Result.refused("refused.ledger.kind");
        }
        if (MeasureService.blankOrLonger(description, 500)) {
            return Result.refused("refused.ledger.description");
        }
        if (kind.isHours() && (hours == null || hours.signum() <= 0 || hours.compareTo(new BigDecimal("100000")) > 0)) {
            return Result.refused("refused.ledger.hours");
        }
        if (!kind.isHours() && hours != null) {
            return Result.refused("refused.ledger.noHours");
        }
        if (amount < 0 || amount > 1_000_000_000L || (!kind.isHours() && amount == 0)) {
            return Result.refused("refused.ledger.amount");
        }
        LedgerEntry e = new LedgerEntry(cycleId, kind, description.strip(), hours, amount, clock.instant(),
                actor.username());
        em.persist(e);
        em.flush();
        audit.record(actor, "measure.ledgerRecorded", "ledger_entry", e.getId(), null, kind.name());
        return Result.done(e);
    }

    public List<ValueAccount> accounts(long cycleId) {
        return em.createQuery("SELECT a FROM ValueAccount a WHERE a.cycleId = :c ORDER BY a.accountYear DESC, a.id",
                ValueAccount.class).setParameter("c", cycleId).getResultList();
    }

    public List<ValuePromise> promises(long accountId) {
        return em.createQuery("SELECT p FROM ValuePromise p WHERE p.accountId = :a ORDER BY p.dimension, p.id",
                ValuePromise.class).setParameter("a", accountId).getResultList();
    }

    public List<LedgerEntry> ledger(long cycleId) {
        return em.createQuery("SELECT e FROM LedgerEntry e WHERE e.cycleId = :c ORDER BY e.id", LedgerEntry.class)
                .setParameter("c", cycleId).getResultList();
    }
}
