package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.selection.model.Addresses;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.PastVoters;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * Use cases of recruitment: residents volunteer, an officer draws the jury. The walking skeleton draws a simple
 * seeded lottery; the stratified, maximally fair draw replaces it (jury issue).
 */
@ApplicationScoped
public class JuryService implements PhaseGate {
    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<PersonalDataErasing> erasing;
    @Inject
    AccountService accounts;
    @Inject
    LetterRoundService letters;
    @Inject
    PastVoters pastVoters;

    public Optional<JuryDraw> findDraw(long cycleId) {
        return em.createQuery("SELECT d FROM JuryDraw d WHERE d.cycleId = :c", JuryDraw.class)
                .setParameter("c", cycleId).getResultStream().findFirst();
    }

    public List<JuryQuota> quotas(long cycleId) {
        return em.createQuery("SELECT q FROM JuryQuota q WHERE q.cycleId = :c ORDER BY q.feature, q.id",
                JuryQuota.class).setParameter("c", cycleId).getResultList();
    }

    /** The cycle's category questions: each feature with its values, in quota order. */
    public Map<String, List<String>> features(long cycleId) {
        Map<String, List<String>> features = new java.util.LinkedHashMap<>();
        for (JuryQuota q : quotas(cycleId)) {
            features.computeIfAbsent(q.getFeature(), f -> new ArrayList<>()).add(q.getFeatureValue());
        }
        return features;
    }

    /** Volunteers' answers by volunteer id (officers only). */
    public Map<Long, Map<String, String>> answers(long cycleId) {
        Map<Long, Map<String, String>> out = new java.util.HashMap<>();
        for (VolunteerAnswer a : em.createQuery("SELECT a FROM VolunteerAnswer a WHERE a.volunteerId IN"
                + " (SELECT v.id FROM Volunteer v WHERE v.cycleId = :c)", VolunteerAnswer.class)
                .setParameter("c", cycleId).getResultList()) {
            out.computeIfAbsent(a.getVolunteerId(), k -> new java.util.HashMap<>()).put(a.getFeature(), a.getFeatureValue());
        }
        return out;
    }

    /** One line of the representativeness report: the quota against the pool and the jury. */
    public record RepresentationLine(String feature, String value, int min, int max, long pool, long invited,
                                     long accepted, long attended, long jury) {
        /** The larger of the quota's maximum and the jury count: what the chart scales to (always a long). */
        public long chartMax() {
            return Math.max(max, jury);
        }
    }

    public List<RepresentationLine> representation(long cycleId) {
        Map<Long, Map<String, String>> answers = answers(cycleId);
        List<Volunteer> invited = invited(cycleId);
        List<RepresentationLine> lines = new ArrayList<>();
        for (JuryQuota q : quotas(cycleId)) {
            java.util.function.Predicate<Long> has = id -> q.getFeatureValue()
                    .equals(answers.getOrDefault(id, Map.of()).get(q.getFeature()));
            long inPool = answers.keySet().stream().filter(has).count();
            long inv = invited.stream().filter(v -> has.test(v.getId())).count();
            long acc = invited.stream().filter(v -> v.getResponse() == Volunteer.Response.ACCEPTED)
                    .filter(v -> has.test(v.getId())).count();
            long att = invited.stream().filter(Volunteer::isAttended).filter(v -> has.test(v.getId())).count();
            long onJury = invited.stream().filter(Volunteer::isOnJury).filter(v -> has.test(v.getId())).count();
            lines.add(new RepresentationLine(q.getFeature(), q.getFeatureValue(), q.getMinCount(), q.getMaxCount(),
                    inPool, inv, acc, att, onJury));
        }
        return lines;
    }

    /** How many of the pool and of the jury took part in an earlier cycle (volunteered or voted): the usual suspects. */
    public record RepeatParticipants(long pool, long poolRepeat, long jury, long juryRepeat) {
    }

    public RepeatParticipants repeatParticipants(long cycleId) {
        Optional<JuryRetentionRecord> purged = retention(cycleId);
        if (purged.isPresent()) {
            return purged.get().frozen();
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        List<Volunteer> pool = pool(cycleId);
        if (cycle == null || pool.isEmpty()) {
            return new RepeatParticipants(0, 0, 0, 0);
        }
        List<Long> earlier = cycleViews.idsCreatedBefore(cycle.createdAt(), cycleId);
        java.util.Set<Long> before = new java.util.HashSet<>();
        if (!earlier.isEmpty()) {
            before.addAll(em.createQuery("SELECT DISTINCT v.accountId FROM Volunteer v WHERE v.cycleId IN :ids",
                    Long.class).setParameter("ids", earlier).getResultList());
            // Voters of earlier cycles too, as voting's register answers them.
            before.addAll(pastVoters.votedIn(earlier));
        }
        // People without an account (imported, or pseudonymised) cannot be recognised: never counted as repeats.
        before.remove(null);
        java.util.function.Predicate<Volunteer> repeat = v -> v.getAccountId() != null
                && before.contains(v.getAccountId());
        List<Volunteer> onJury = pool.stream().filter(Volunteer::isOnJury).toList();
        return new RepeatParticipants(pool.size(), pool.stream().filter(repeat).count(),
                onJury.size(), onJury.stream().filter(repeat).count());
    }

    public Optional<Volunteer> find(long cycleId, long accountId) {
        return em.createQuery("SELECT v FROM Volunteer v WHERE v.cycleId = :c AND v.accountId = :a", Volunteer.class)
                .setParameter("c", cycleId).setParameter("a", accountId).getResultStream().findFirst();
    }

    public List<Volunteer> pool(long cycleId) {
        return em.createQuery("SELECT v FROM Volunteer v WHERE v.cycleId = :c ORDER BY v.id", Volunteer.class)
                .setParameter("c", cycleId).getResultList();
    }

    /** The jury: drawn and not declined. */
    public List<Volunteer> jury(long cycleId) {
        return invited(cycleId).stream().filter(Volunteer::isOnJury).toList();
    }

    /** Everyone drawn (invited), including those who declined and their replacements. */
    public List<Volunteer> invited(long cycleId) {
        return em.createQuery("SELECT v FROM Volunteer v WHERE v.cycleId = :c AND v.status = :s ORDER BY v.id",
                Volunteer.class).setParameter("c", cycleId).setParameter("s", Volunteer.Status.SELECTED)
                .getResultList();
    }

    /** A drawn volunteer with an account may act as a juror; imported people without one are invited by letter. */
    void grantJuror(Volunteer v) {
        if (v.getAccountId() == null) {
            return;
        }
        if (!accounts.hasRole(v.getAccountId(), Role.JUROR)) {
            accounts.grantRole(Actor.system(), accounts.usernameOf(v.getAccountId()), Role.JUROR);
        }
    }

    /** The pool as the sortition engine (and the published pool.csv) sees it: volunteer ids and answers, in id order. */
    Pool selectionPool(long cycleId, List<Volunteer> poolInIdOrder) {
        Map<Long, Map<String, String>> answers = answers(cycleId);
        Map<Long, String> households = setting(cycleId).isOnePerHousehold() ? householdKeys(cycleId) : Map.of();
        return Pool.of(poolInIdOrder.stream()
                .map(v -> Person.of(Long.toString(v.getId()), answers.getOrDefault(v.getId(), Map.of()),
                        households.get(v.getId()))).toList());
    }

    Map<Long, String> householdKeys(long cycleId) {
        Map<Long, String> keys = new java.util.HashMap<>();
        for (VolunteerPersonal p : personal(cycleId)) {
            if (p.getHouseholdKey() != null) {
                keys.put(p.getVolunteerId(), p.getHouseholdKey());
            }
        }
        return keys;
    }

    Quotas selectionQuotas(long cycleId) {
        return Quotas.of(quotas(cycleId).stream()
                .map(q -> Quota.of(q.getFeature(), q.getFeatureValue(), q.getMinCount(), q.getMaxCount())).toList());
    }

    /** The cycle's recruitment settings (household rule on, nothing imported, if never changed). */
    public JurySetting setting(long cycleId) {
        return em.createQuery("SELECT s FROM JurySetting s WHERE s.cycleId = :c", JurySetting.class)
                .setParameter("c", cycleId).getResultStream().findFirst().orElseGet(() -> new JurySetting(cycleId));
    }

    JurySetting storedSetting(Actor actor, long cycleId) {
        JurySetting s = setting(cycleId);
        if (s.getId() == null) {
            em.persist(s);
            em.flush();
            audit.record(actor, "jury.settingCreated", "jury_setting", s.getId(), null, "cycle=" + cycleId);
        }
        return s;
    }

    /**
     * The household key of an address, given as one answer ("12 High St, RV1 2AB") or as an imported row's address
     * cells ("12 High St." and "RV1 2AB"): the cells joined and normalised ({@link Addresses}), so that both forms of
     * one address meet. Null when blank: such a person is in no household.
     */
    static String householdKey(List<String> cells) {
        return Addresses.key(List.of(String.join(" ", cells)));
    }

    /** Volunteers' personal data (imported rows, addresses, household keys): officers only. */
    public List<VolunteerPersonal> personal(long cycleId) {
        return em.createQuery("SELECT p FROM VolunteerPersonal p WHERE p.cycleId = :c ORDER BY p.volunteerId",
                VolunteerPersonal.class).setParameter("c", cycleId).getResultList();
    }

    /**
     * The households as published with the anonymised pool when the household rule is on: for each volunteer who
     * shares an address with someone else in the pool, the lowest volunteer id of that household (so
     * {@code --address-columns household} re-runs the draw); nobody else has one.
     */
    public Map<Long, String> publishedHouseholds(long cycleId) {
        if (!setting(cycleId).isOnePerHousehold()) {
            return Map.of();
        }
        Map<String, List<Long>> byKey = new java.util.HashMap<>();
        householdKeys(cycleId).forEach((v, k) -> byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        Map<Long, String> out = new java.util.HashMap<>();
        for (List<Long> members : byKey.values()) {
            if (members.size() > 1) {
                String name = "h" + members.stream().min(Long::compare).orElseThrow();
                members.forEach(m -> out.put(m, name));
            }
        }
        return out;
    }

    public Optional<JuryRetentionRecord> retention(long cycleId) {
        return em.createQuery("SELECT r FROM JuryRetentionRecord r WHERE r.cycleId = :c", JuryRetentionRecord.class)
                .setParameter("c", cycleId).getResultStream().findFirst();
    }

    /**
     * Retention (docs/jury.md): deletes the personal data of a closed cycle's volunteers and pseudonymises them. The
     * imported rows, ids from the file and addresses go; the household key becomes the published household
     * pseudonym; the volunteer loses the link to their account. Kept: the pseudonymous volunteer, their category
     * answers, the draw, responses and attendance (the representativeness report and the draw's re-run), and the
     * usual-suspects figures, frozen now. Done once per cycle; the caller decides that the cycle is due.
     */
    @Transactional
    public Result<Integer> erasePersonalData(Actor actor, long cycleId) {
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null || cycle.phase() != Phase.CLOSED) {
            return Result.refused("refused.retention.notClosed");
        }
        if (retention(cycleId).isPresent()) {
            return Result.refused("refused.retention.done");
        }
        JuryRetentionRecord record = new JuryRetentionRecord(cycleId, clock.instant(), repeatParticipants(cycleId));
        erasing.fire(new PersonalDataErasing(actor, cycleId));
        Map<Long, String> households = publishedHouseholds(cycleId);
        int erased = 0;
        for (VolunteerPersonal p : personal(cycleId)) {
            String before = audit.digestOf("volunteer_personal", p.getId());
            p.erase(households.get(p.getVolunteerId()));
            audit.record(actor, "jury.personalErased", "volunteer_personal", p.getId(), before, null);
            erased++;
        }
        for (Volunteer v : pool(cycleId)) {
            if (v.getAccountId() != null) {
                String before = audit.digestOf("volunteer", v.getId());
                v.pseudonymise();
                audit.record(actor, "jury.pseudonymised", "volunteer", v.getId(), before, null);
                erased++;
            }
        }
        erased += letters.erase(actor, cycleId);
        em.persist(record);
        em.flush();
        audit.record(actor, "jury.retentionApplied", "jury_retention", record.getId(), null,
                "cycle=" + cycleId + "; rows=" + erased);
        return Result.done(erased);
    }

    /** Whether this person sits on this cycle's jury (a juror of one cycle cannot act in another). */
    public boolean isJuror(long cycleId, String username) {
        return accounts.idOf(username).flatMap(a -> find(cycleId, a)).filter(Volunteer::isOnJury).isPresent();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from == Phase.RECRUIT && jury(cycle.id()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.jury", List.of()));
        }
        return Optional.empty();
    }
}
