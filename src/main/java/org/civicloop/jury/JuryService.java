package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.OfficerAccess;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.identity.Account;
import org.civicloop.identity.AccountService;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.jury.selection.Audit;
import org.civicloop.jury.selection.InfeasibleQuotasException;
import org.civicloop.jury.selection.PanelDistribution;
import org.civicloop.jury.selection.Selection;
import org.civicloop.jury.selection.SelectionOptions;
import org.civicloop.jury.selection.io.QuotasCsv;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

/**
 * Use cases of recruitment: residents volunteer, an officer draws the jury. The walking skeleton draws a simple
 * seeded lottery; the stratified, maximally fair draw replaces it (jury issue).
 */
@ApplicationScoped
public class JuryService implements PhaseGate {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;

    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent) {
        return volunteer(actor, cycleId, consent, Map.of());
    }

    /** A resident volunteers, answering the cycle's category questions (one value per feature). */
    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.volunteer.residentsOnly");
        }
        Cycle cycle = em.find(Cycle.class, cycleId);
        if (cycle == null || !cycle.isPublished()) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.getPhase() != Phase.RECRUIT) {
            return Result.refused("refused.volunteer.closed");
        }
        if (!consent) {
            return Result.refused("refused.volunteer.consent");
        }
        Account account = accounts.find(actor.username()).orElseThrow();
        if (find(cycleId, account.getId()).isPresent()) {
            return Result.refused("refused.volunteer.already");
        }
        Map<String, List<String>> features = features(cycleId);
        for (Map.Entry<String, List<String>> f : features.entrySet()) {
            String answer = answers == null ? null : answers.get(f.getKey());
            if (answer == null || !f.getValue().contains(answer)) {
                return Result.refused("refused.volunteer.answer", f.getKey());
            }
        }
        Volunteer v = new Volunteer(cycleId, account.getId(), true, clock.instant());
        em.persist(v);
        em.flush();
        audit.record(actor, "jury.volunteered", "volunteer", v.getId(), null, "cycle=" + cycleId);
        for (String feature : features.keySet()) {
            VolunteerAnswer a = new VolunteerAnswer(v.getId(), feature, answers.get(feature));
            em.persist(a);
            em.flush();
            audit.record(actor, "jury.answered", "volunteer_answer", a.getId(), null, null);
        }
        return Result.done(v);
    }

    /**
     * Sets the jury's categories and quotas from CSV ({@code feature,value,min,max}, the Sortition Foundation's
     * format; {@code category,feature,min,max} also accepted), replacing earlier ones, while recruiting.
     */
    @Transactional
    public Result<List<JuryQuota>> setQuotas(Actor actor, long cycleId, String csv) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase().isAfter(Phase.RECRUIT) || findDraw(cycleId).isPresent()) {
            return Result.refused("refused.quotas.fixed");
        }
        if (!pool(cycleId).isEmpty()) {
            return Result.refused("refused.quotas.volunteers");
        }
        if (csv == null || csv.isBlank() || csv.length() > 20_000) {
            return Result.refused("refused.quotas.csv", "empty");
        }
        Quotas quotas;
        try {
            quotas = QuotasCsv.read(new StringReader(csv.strip()), "quotas");
        } catch (IOException | RuntimeException e) {
            return Result.refused("refused.quotas.csv", e.getMessage());
        }
        for (JuryQuota old : quotas(cycleId)) {
            em.remove(old);
            audit.note(actor, "jury.quotaRemoved", "jury_quota", Long.toString(old.getId()), old.getFeature() + "="
                    + old.getFeatureValue());
        }
        em.flush();
        List<JuryQuota> saved = new ArrayList<>();
        for (Quota q : quotas.quotas()) {
            JuryQuota jq = new JuryQuota(cycleId, q.value().feature(), q.value().value(), q.min(), q.max());
            em.persist(jq);
            em.flush();
            audit.record(actor, "jury.quotaSet", "jury_quota", jq.getId(), null, null);
            saved.add(jq);
        }
        return Result.done(saved);
    }

    /**
     * Commits to the draw before it happens: the jury size and the seed, of which only the SHA-256 is published
     * now. The seed is published with the jury, so anyone can re-run the draw and check it.
     */
    @Transactional
    public Result<JuryDraw> commitDraw(Actor actor, long cycleId, int size, String seed) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase() != Phase.RECRUIT) {
            return Result.refused("refused.jury.phase");
        }
        if (findDraw(cycleId).isPresent()) {
            return Result.refused("refused.jury.committed");
        }
        int poolSize = pool(cycleId).size();
        if (size < 1 || size > poolSize) {
            return Result.refused("refused.jury.size", poolSize);
        }
        if (seed == null || seed.isBlank() || seed.length() > 200) {
            return Result.refused("refused.jury.seed");
        }
        String method = quotas(cycleId).isEmpty() ? "SIMPLE" : "LEXIMIN";
        JuryDraw draw = new JuryDraw(cycleId, method, size, Audit.commitment(seed.strip()), seed.strip(),
                clock.instant(), actor.username());
        em.persist(draw);
        em.flush();
        audit.record(actor, "jury.drawCommitted", "jury_draw", draw.getId(), null,
                "size=" + size + "; sha256(seed)=" + draw.getSeedCommitment());
        return Result.done(draw);
    }

    /**
     * Draws the committed jury. With quotas: the maximally fair (LEXIMIN) panel distribution over the pool, then a
     * lottery from the committed seed; without quotas: a simple seeded lottery. Same pool, quotas and seed, same jury.
     */
    @Transactional
    public Result<List<Volunteer>> drawJury(Actor actor, long cycleId) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Cycle cycle = found.value();
        if (cycle.getPhase() != Phase.RECRUIT) {
            return Result.refused("refused.jury.phase");
        }
        JuryDraw draw = findDraw(cycleId).orElse(null);
        if (draw == null) {
            return Result.refused("refused.jury.notCommitted");
        }
        if (draw.isDrawn()) {
            return Result.refused("refused.jury.drawn");
        }
        List<Volunteer> pool = new ArrayList<>(pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        List<Volunteer> chosen = new ArrayList<>();
        String minimum;
        String mean;
        if ("LEXIMIN".equals(draw.getMethod())) {
            PanelDistribution distribution;
            try {
                distribution = Selection.leximin(selectionPool(cycleId, pool), selectionQuotas(cycleId),
                        draw.getPanelSize(), SelectionOptions.defaults());
            } catch (InfeasibleQuotasException e) {
                return Result.refused("refused.jury.infeasible", e.infeasibility().message());
            }
            Panel panel = distribution.draw(draw.seed());
            Map<String, Volunteer> byId = new java.util.HashMap<>();
            pool.forEach(v -> byId.put(Long.toString(v.getId()), v));
            panel.ids().forEach(id -> chosen.add(byId.get(id)));
            minimum = String.format(java.util.Locale.ROOT, "%.6f", distribution.minimumProbability());
            mean = String.format(java.util.Locale.ROOT, "%.6f", (double) draw.getPanelSize() / pool.size());
        } else {
            Random random = new Random(seedOf(draw.seed()));
            List<Volunteer> remaining = new ArrayList<>(pool);
            for (int i = 0; i < draw.getPanelSize(); i++) {
                chosen.add(remaining.remove(random.nextInt(remaining.size())));
            }
            minimum = mean = String.format(java.util.Locale.ROOT, "%.6f", (double) draw.getPanelSize() / pool.size());
        }
        for (Volunteer v : chosen) {
            String before = audit.digestOf("volunteer", v.getId());
            v.select();
            audit.record(actor, "jury.selected", "volunteer", v.getId(), before, null);
            Account account = em.find(Account.class, v.getAccountId());
            if (!account.roles().contains(Role.JUROR)) {
                accounts.grantRole(Actor.system(), account.getUsername(), Role.JUROR);
            }
        }
        String before = audit.digestOf("jury_draw", draw.getId());
        draw.drawn(clock.instant(), minimum, mean);
        audit.record(actor, "jury.drawn", "jury_draw", draw.getId(), before, "seed=" + draw.seed()
                + "; min probability=" + minimum);
        return Result.done(chosen);
    }

    /** A panel drawn in test mode: nothing is recorded, the seed is random, the figures are for comparing methods. */
    public record TestPanel(String method, int size, String seed, double minProbability, double meanProbability,
                            List<CategoryCount> categories) {
    }

    public record CategoryCount(String feature, String value, int min, int max, long selected) {
    }

    /**
     * Draws a test panel with a method (LEXIMIN, MAXIMIN or LEGACY) from the current pool and quotas without
     * recording anything, so that officers can compare methods and see whether the quotas work before committing
     * the real draw. Officers only; while recruiting.
     */
    public Result<TestPanel> testPanel(Actor actor, long cycleId, int size, String method) {
        Result<Cycle> found = OfficerAccess.cycle(em, actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().getPhase() != Phase.RECRUIT) {
            return Result.refused("refused.jury.phase");
        }
        org.civicloop.jury.selection.Method m;
        try {
            m = org.civicloop.jury.selection.Method.parse(method == null ? "" : method);
        } catch (IllegalArgumentException e) {
            return Result.refused("refused.jury.method");
        }
        List<Volunteer> pool = new ArrayList<>(pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        if (size < 1 || size > pool.size()) {
            return Result.refused("refused.jury.size", pool.size());
        }
        if (quotas(cycleId).isEmpty()) {
            return Result.refused("refused.jury.noQuotas");
        }
        PanelDistribution distribution;
        try {
            distribution = Selection.distribution(m, selectionPool(cycleId, pool), selectionQuotas(cycleId), size,
                    SelectionOptions.defaults());
        } catch (InfeasibleQuotasException e) {
            return Result.refused("refused.jury.infeasible", e.infeasibility().message());
        }
        byte[] bytes = new byte[8];
        new java.security.SecureRandom().nextBytes(bytes);
        String seed = java.util.HexFormat.of().formatHex(bytes);
        java.util.Set<String> chosen = new java.util.HashSet<>(distribution.draw(seed).ids());
        Map<Long, Map<String, String>> answers = answers(cycleId);
        List<CategoryCount> counts = quotas(cycleId).stream().map(q -> new CategoryCount(q.getFeature(),
                q.getFeatureValue(), q.getMinCount(), q.getMaxCount(), pool.stream()
                .filter(v -> chosen.contains(Long.toString(v.getId())))
                .filter(v -> q.getFeatureValue().equals(answers.getOrDefault(v.getId(), Map.of()).get(q.getFeature())))
                .count())).toList();
        return Result.done(new TestPanel(m.label(), size, seed, distribution.minimumProbability(),
                (double) size / pool.size(), counts));
    }

    /** Commits and draws in one go (demo data, and tests): the commitment still precedes the draw in the log. */
    @Transactional
    public Result<List<Volunteer>> drawJury(Actor actor, long cycleId, int size, String seed) {
        Result<JuryDraw> committed = commitDraw(actor, cycleId, size, seed);
        if (committed instanceof Result.Refused<JuryDraw> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        return drawJury(actor, cycleId);
    }

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
        Cycle cycle = em.find(Cycle.class, cycleId);
        List<Volunteer> pool = pool(cycleId);
        if (cycle == null || pool.isEmpty()) {
            return new RepeatParticipants(0, 0, 0, 0);
        }
        List<Long> earlier = em.createQuery("SELECT c.id FROM Cycle c WHERE c.createdAt < :t AND c.id <> :id",
                Long.class).setParameter("t", cycle.getCreatedAt()).setParameter("id", cycleId).getResultList();
        java.util.Set<Long> before = new java.util.HashSet<>();
        if (!earlier.isEmpty()) {
            before.addAll(em.createQuery("SELECT DISTINCT v.accountId FROM Volunteer v WHERE v.cycleId IN :ids",
                    Long.class).setParameter("ids", earlier).getResultList());
            // Voters of earlier cycles too (read as a table: the register belongs to the voting capability).
            for (Object id : em.createNativeQuery("SELECT DISTINCT account_id FROM voter_register WHERE cycle_id IN ("
                    + earlier.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")")
                    .getResultList()) {
                before.add(((Number) id).longValue());
            }
        }
        List<Volunteer> onJury = pool.stream().filter(Volunteer::isOnJury).toList();
        return new RepeatParticipants(pool.size(), pool.stream().filter(v -> before.contains(v.getAccountId())).count(),
                onJury.size(), onJury.stream().filter(v -> before.contains(v.getAccountId())).count());
    }

    static long seedOf(String seed) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /** An officer records a drawn juror's answer to the invitation. */
    @Transactional
    public Result<Volunteer> recordResponse(Actor actor, long volunteerId, Volunteer.Response response) {
        Result<Volunteer> v = drawnVolunteer(actor, volunteerId);
        if (!v.isDone()) {
            return v;
        }
        if (response == null) {
            return Result.refused("refused.jury.response");
        }
        if (v.value().getResponse() == Volunteer.Response.DECLINED) {
            return Result.refused("refused.jury.declined");
        }
        String before = audit.digestOf("volunteer", volunteerId);
        v.value().respond(response);
        audit.record(actor, "jury.responded", "volunteer", volunteerId, before, response.name());
        return v;
    }

    /** An officer records that an accepted juror attended. */
    @Transactional
    public Result<Volunteer> recordAttendance(Actor actor, long volunteerId) {
        Result<Volunteer> v = drawnVolunteer(actor, volunteerId);
        if (!v.isDone()) {
            return v;
        }
        if (v.value().getResponse() != Volunteer.Response.ACCEPTED) {
            return Result.refused("refused.jury.notAccepted");
        }
        String before = audit.digestOf("volunteer", volunteerId);
        v.value().attend();
        audit.record(actor, "jury.attended", "volunteer", volunteerId, before, null);
        return v;
    }

    /**
     * Draws a replacement for a juror who declined, within the same categories as far as the quotas need, from the
     * rest of the pool; reproducible from the draw's seed and the decliner's id.
     */
    @Transactional
    public Result<Volunteer> drawReplacement(Actor actor, long declinedId) {
        Result<Volunteer> d = drawnVolunteer(actor, declinedId);
        if (!d.isDone()) {
            return d;
        }
        Volunteer declined = d.value();
        if (declined.getResponse() != Volunteer.Response.DECLINED) {
            return Result.refused("refused.jury.notDeclined");
        }
        long cycleId = declined.getCycleId();
        if (invited(cycleId).stream().anyMatch(v -> declined.getId().equals(v.getReplacesId()))) {
            return Result.refused("refused.jury.replaced");
        }
        JuryDraw draw = findDraw(cycleId).orElseThrow();
        List<Volunteer> pool = new ArrayList<>(pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        Pool people = selectionPool(cycleId, pool);
        Quotas quotas = selectionQuotas(cycleId);
        List<String> panel = jury(cycleId).stream().map(v -> Long.toString(v.getId())).toList();
        List<String> unavailable = invited(cycleId).stream()
                .filter(v -> v.getResponse() == Volunteer.Response.DECLINED).map(v -> Long.toString(v.getId())).toList();
        Optional<org.civicloop.jury.selection.Replacement.Result> r = org.civicloop.jury.selection.Replacement.draw(
                people, quotas, panel, Long.toString(declinedId), unavailable, draw.seed() + ":replace:" + declinedId);
        if (r.isEmpty()) {
            return Result.refused("refused.jury.noReplacement");
        }
        Volunteer replacement = em.find(Volunteer.class, Long.valueOf(r.get().person().id()));
        String before = audit.digestOf("volunteer", replacement.getId());
        replacement.selectAsReplacementFor(declinedId);
        audit.record(actor, "jury.replacementDrawn", "volunteer", replacement.getId(), before,
                "replaces=" + declinedId + "; quotas met=" + r.get().quotasSatisfied());
        Account account = em.find(Account.class, replacement.getAccountId());
        if (!account.roles().contains(Role.JUROR)) {
            accounts.grantRole(Actor.system(), account.getUsername(), Role.JUROR);
        }
        return Result.done(replacement);
    }

    /** The pool as the sortition engine (and the published pool.csv) sees it: volunteer ids and answers, in id order. */
    private Pool selectionPool(long cycleId, List<Volunteer> poolInIdOrder) {
        Map<Long, Map<String, String>> answers = answers(cycleId);
        return Pool.of(poolInIdOrder.stream()
                .map(v -> Person.of(Long.toString(v.getId()), answers.getOrDefault(v.getId(), Map.of()))).toList());
    }

    private Quotas selectionQuotas(long cycleId) {
        return Quotas.of(quotas(cycleId).stream()
                .map(q -> Quota.of(q.getFeature(), q.getFeatureValue(), q.getMinCount(), q.getMaxCount())).toList());
    }

    private Result<Volunteer> drawnVolunteer(Actor actor, long volunteerId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Volunteer v = em.find(Volunteer.class, volunteerId);
        if (v == null || v.getStatus() != Volunteer.Status.SELECTED) {
            return Result.refused("refused.jury.notDrawn");
        }
        Cycle cycle = em.find(Cycle.class, v.getCycleId());
        if (cycle.getPhase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.jury.phase");
        }
        return Result.done(v);
    }

    /** Whether this person sits on this cycle's jury (a juror of one cycle cannot act in another). */
    public boolean isJuror(long cycleId, String username) {
        return accounts.find(username).flatMap(a -> find(cycleId, a.getId())).filter(Volunteer::isOnJury).isPresent();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(Cycle cycle, Phase from) {
        if (from == Phase.RECRUIT && jury(cycle.getId()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.jury", List.of()));
        }
        return Optional.empty();
    }
}
