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
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
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
import org.civicloop.jury.selection.io.CsvDataException;
import org.civicloop.jury.selection.io.PeopleCsv;
import org.civicloop.jury.selection.model.Addresses;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.jury.selection.Method;
import org.civicloop.jury.selection.Replacement;
import org.civicloop.kernel.Csv;

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

    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent) {
        return volunteer(actor, cycleId, consent, Map.of());
    }

    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers) {
        return volunteer(actor, cycleId, consent, answers, null);
    }

    /**
     * A resident volunteers, answering the cycle's category questions (one value per feature) and, for the
     * household rule, giving their address (optional; kept apart as personal data, for officers only).
     */
    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers,
                                       String address) {
        return volunteer(actor, cycleId, consent, answers, address, null);
    }

    /**
     * A resident volunteers as above, giving the registration code of an invitation letter (stage two of a letter
     * round, docs/jury.md): the code must be this cycle's, drawn and unused; it is then used up and the letter's
     * address becomes the volunteer's household (a typed address is ignored). When the cycle's volunteering is
     * letters-only, the code is required. A wrong or used code is refused and changes nothing.
     */
    @Transactional
    public Result<Volunteer> volunteer(Actor actor, long cycleId, boolean consent, Map<String, String> answers,
                                       String address, String code) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.volunteer.residentsOnly");
        }
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        if (cycle == null || !cycle.published()) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.phase() != Phase.RECRUIT) {
            return Result.refused("refused.volunteer.closed");
        }
        if (findDraw(cycleId).filter(JuryDraw::isDrawn).isPresent()) {
            return Result.refused("refused.volunteer.drawn");
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
        String addr = address == null ? "" : address.strip();
        if (addr.length() > 500) {
            return Result.refused("refused.volunteer.address");
        }
        LetterAddress letter = null;
        if (code != null && !code.isBlank()) {
            Result<LetterAddress> usable = letters.usableCode(cycleId, code);
            if (usable instanceof Result.Refused<LetterAddress> r) {
                return Result.refused(r.key(), r.args().toArray());
            }
            letter = usable.value();
            addr = letters.addressOf(letter);
        } else if (setting(cycleId).isLettersOnly()) {
            return Result.refused("refused.volunteer.codeRequired");
        }
        Volunteer v = new Volunteer(cycleId, account.getId(), true, clock.instant());
        em.persist(v);
        em.flush();
        audit.record(actor, "jury.volunteered", "volunteer", v.getId(), null, "cycle=" + cycleId
                + (letter == null ? "" : "; by letter"));
        if (letter != null) {
            letters.registered(actor, letter, v.getId());
        }
        if (!addr.isEmpty()) {
            VolunteerPersonal p = new VolunteerPersonal(v.getId(), cycleId, null, null,
                    addr.length() > 500 ? addr.substring(0, 500) : addr,
                    letter == null ? householdKey(List.of(addr)) : letter.getHouseholdKey());
            em.persist(p);
            em.flush();
            audit.record(actor, "jury.addressGiven", "volunteer_personal", p.getId(), null, null);
        }
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
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        CycleView cycle = found.value();
        if (cycle.phase().isAfter(Phase.RECRUIT) || findDraw(cycleId).isPresent()) {
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
            String gone = audit.digestOf("jury_quota", old.getId());
            em.remove(old);
            em.flush();
            audit.record(actor, "jury.quotaRemoved", "jury_quota", old.getId(), gone, old.getFeature() + "="
                    + old.getFeatureValue());
        }
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
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        CycleView cycle = found.value();
        if (cycle.phase() != Phase.RECRUIT) {
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
        return drawJury(actor, cycleId, s -> { });
    }

    /** {@link #drawJury(Actor, long)}, telling {@code progress} how the computation goes, in one transaction. */
    @Transactional
    public Result<List<Volunteer>> drawJury(Actor actor, long cycleId, java.util.function.Consumer<String> progress) {
        Result<DrawPlan> plan = planDraw(actor, cycleId, progress);
        if (plan instanceof Result.Refused<DrawPlan> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        return recordDraw(actor, cycleId, plan.value());
    }

    /** The panel a committed draw selects, computed but not recorded: the pool it read, the chosen and the fairness. */
    /** @param tolerance the tolerance the leximin was computed to, null when exact (or another method) */
    public record DrawPlan(long drawId, List<Long> poolIds, List<Long> chosen, String minimum, String mean,
            String tolerance) {
    }

    /**
     * Computes the committed draw without recording it (and without a transaction, as a large pool takes minutes):
     * with quotas, the maximally fair (LEXIMIN) panel distribution over the pool, then a lottery from the committed
     * seed; without quotas, a simple seeded lottery. Same pool, quotas, households and seed, same jury. Infeasible
     * quotas are refused with the reason and the smallest relaxation that would work.
     */
    public Result<DrawPlan> planDraw(Actor actor, long cycleId, java.util.function.Consumer<String> progress) {
        Result<JuryDraw> ready = readyToDraw(actor, cycleId);
        if (ready instanceof Result.Refused<JuryDraw> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        JuryDraw draw = ready.value();
        List<Volunteer> pool = new ArrayList<>(pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        List<Long> chosen = new ArrayList<>();
        String minimum;
        String mean;
        String tolerance = null;
        if ("LEXIMIN".equals(draw.getMethod())) {
            PanelDistribution distribution;
            try {
                distribution = Selection.leximin(selectionPool(cycleId, pool), selectionQuotas(cycleId),
                        draw.getPanelSize(), SelectionOptions.defaults().withProgress(progress));
            } catch (InfeasibleQuotasException e) {
                return Result.refused(InfeasibilityReport.REFUSAL, InfeasibilityReport.of(e.infeasibility()));
            }
            Panel panel = distribution.draw(draw.seed());
            panel.ids().forEach(id -> chosen.add(Long.valueOf(id)));
            minimum = String.format(java.util.Locale.ROOT, "%.6f", distribution.minimumProbability());
            mean = String.format(java.util.Locale.ROOT, "%.6f", (double) draw.getPanelSize() / pool.size());
            // published with the draw, so that a re-run with civicloop-tools.jar select passes the same --tolerance
            if (Boolean.FALSE.equals(distribution.diagnostics().get("exact"))) {
                tolerance = String.valueOf(distribution.diagnostics().get("tolerance"));
            }
        } else {
            Random random = new Random(seedOf(draw.seed()));
            List<Volunteer> remaining = new ArrayList<>(pool);
            for (int i = 0; i < draw.getPanelSize(); i++) {
                chosen.add(remaining.remove(random.nextInt(remaining.size())).getId());
            }
            minimum = mean = String.format(java.util.Locale.ROOT, "%.6f", (double) draw.getPanelSize() / pool.size());
        }
        return Result.done(new DrawPlan(draw.getId(), pool.stream().map(Volunteer::getId).toList(), chosen, minimum,
                mean, tolerance));
    }

    /**
     * Records a computed draw: the chosen become the jury and the seed is published. Refused, changing nothing, if
     * the draw was recorded meanwhile or the pool changed since the plan was computed.
     */
    @Transactional
    public Result<List<Volunteer>> recordDraw(Actor actor, long cycleId, DrawPlan plan) {
        Result<JuryDraw> ready = readyToDraw(actor, cycleId);
        if (ready instanceof Result.Refused<JuryDraw> r) {
            return Result.refused(r.key(), r.args().toArray());
        }
        JuryDraw draw = ready.value();
        if (!draw.getId().equals(plan.drawId()) || !pool(cycleId).stream().map(Volunteer::getId).toList()
                .equals(plan.poolIds())) {
            return Result.refused("refused.jury.poolChanged");
        }
        List<Volunteer> chosen = new ArrayList<>();
        for (Long id : plan.chosen()) {
            Volunteer v = em.find(Volunteer.class, id);
            String before = audit.digestOf("volunteer", v.getId());
            v.select();
            audit.record(actor, "jury.selected", "volunteer", v.getId(), before, null);
            grantJuror(v);
            chosen.add(v);
        }
        String before = audit.digestOf("jury_draw", draw.getId());
        draw.drawn(clock.instant(), plan.minimum(), plan.mean(), plan.tolerance());
        audit.record(actor, "jury.drawn", "jury_draw", draw.getId(), before, "seed=" + draw.seed()
                + "; min probability=" + plan.minimum()
                + (plan.tolerance() == null ? "" : "; leximin within tolerance " + plan.tolerance()));
        return Result.done(chosen);
    }

    /** Whether this person may draw the cycle's jury now: the committed, not yet drawn draw, or why not. */
    public Result<JuryDraw> readyToDraw(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT) {
            return Result.refused("refused.jury.phase");
        }
        JuryDraw draw = findDraw(cycleId).orElse(null);
        if (draw == null) {
            return Result.refused("refused.jury.notCommitted");
        }
        if (draw.isDrawn()) {
            return Result.refused("refused.jury.drawn");
        }
        return Result.done(draw);
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
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT) {
            return Result.refused("refused.jury.phase");
        }
        Method m;
        try {
            m = Method.parse(method == null ? "" : method);
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
            return Result.refused(InfeasibilityReport.REFUSAL, InfeasibilityReport.of(e.infeasibility()));
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
            // Voters of earlier cycles too (read as a table: the register belongs to the voting capability).
            for (Object id : em.createNativeQuery("SELECT DISTINCT account_id FROM voter_register WHERE cycle_id IN ("
                    + earlier.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")) + ")")
                    .getResultList()) {
                before.add(((Number) id).longValue());
            }
        }
        // People without an account (imported, or pseudonymised) cannot be recognised: never counted as repeats.
        before.remove(null);
        java.util.function.Predicate<Volunteer> repeat = v -> v.getAccountId() != null
                && before.contains(v.getAccountId());
        List<Volunteer> onJury = pool.stream().filter(Volunteer::isOnJury).toList();
        return new RepeatParticipants(pool.size(), pool.stream().filter(repeat).count(),
                onJury.size(), onJury.stream().filter(repeat).count());
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
        Optional<Replacement.Result> r = Replacement.draw(
                people, quotas, panel, Long.toString(declinedId), unavailable, draw.seed() + ":replace:" + declinedId);
        if (r.isEmpty()) {
            return Result.refused("refused.jury.noReplacement");
        }
        Volunteer replacement = em.find(Volunteer.class, Long.valueOf(r.get().person().id()));
        String before = audit.digestOf("volunteer", replacement.getId());
        replacement.selectAsReplacementFor(declinedId);
        audit.record(actor, "jury.replacementDrawn", "volunteer", replacement.getId(), before,
                "replaces=" + declinedId + "; quotas met=" + r.get().quotasSatisfied());
        grantJuror(replacement);
        return Result.done(replacement);
    }

    /** A drawn volunteer with an account may act as a juror; imported people without one are invited by letter. */
    private void grantJuror(Volunteer v) {
        if (v.getAccountId() == null) {
            return;
        }
        Account account = em.find(Account.class, v.getAccountId());
        if (!account.roles().contains(Role.JUROR)) {
            accounts.grantRole(Actor.system(), account.getUsername(), Role.JUROR);
        }
    }

    /** The pool as the sortition engine (and the published pool.csv) sees it: volunteer ids and answers, in id order. */
    private Pool selectionPool(long cycleId, List<Volunteer> poolInIdOrder) {
        Map<Long, Map<String, String>> answers = answers(cycleId);
        Map<Long, String> households = setting(cycleId).isOnePerHousehold() ? householdKeys(cycleId) : Map.of();
        return Pool.of(poolInIdOrder.stream()
                .map(v -> Person.of(Long.toString(v.getId()), answers.getOrDefault(v.getId(), Map.of()),
                        households.get(v.getId()))).toList());
    }

    private Map<Long, String> householdKeys(long cycleId) {
        Map<Long, String> keys = new java.util.HashMap<>();
        for (VolunteerPersonal p : personal(cycleId)) {
            if (p.getHouseholdKey() != null) {
                keys.put(p.getVolunteerId(), p.getHouseholdKey());
            }
        }
        return keys;
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
        CycleView cycle = cycleViews.find(v.getCycleId()).orElse(null);
        if (cycle.phase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.jury.phase");
        }
        return Result.done(v);
    }

    /** The cycle's recruitment settings (household rule on, nothing imported, if never changed). */
    public JurySetting setting(long cycleId) {
        return em.createQuery("SELECT s FROM JurySetting s WHERE s.cycleId = :c", JurySetting.class)
                .setParameter("c", cycleId).getResultStream().findFirst().orElseGet(() -> new JurySetting(cycleId));
    }

    private JurySetting storedSetting(Actor actor, long cycleId) {
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
     * Turns the household rule (at most one person per address) on or off for a cycle, before the draw is
     * committed. On by default.
     */
    @Transactional
    public Result<JurySetting> setHouseholdRule(Actor actor, long cycleId, boolean on) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT || findDraw(cycleId).isPresent()) {
            return Result.refused("refused.household.fixed");
        }
        JurySetting s = storedSetting(actor, cycleId);
        String before = audit.digestOf("jury_setting", s.getId());
        s.householdRule(on);
        audit.record(actor, "jury.householdRule", "jury_setting", s.getId(), before, on ? "on" : "off");
        return Result.done(s);
    }

    /**
     * Sets who may volunteer while recruiting, before the jury draw is committed: anyone (OPEN, with or without a
     * letter's code) or only residents who give a letter's registration code (LETTERS_ONLY).
     */
    @Transactional
    public Result<JurySetting> setVolunteering(Actor actor, long cycleId, JurySetting.Volunteering volunteering) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT || findDraw(cycleId).isPresent()) {
            return Result.refused("refused.volunteering.fixed");
        }
        if (volunteering == null) {
            return Result.refused("refused.volunteering.value");
        }
        JurySetting s = storedSetting(actor, cycleId);
        String before = audit.digestOf("jury_setting", s.getId());
        s.volunteering(volunteering);
        audit.record(actor, "jury.volunteeringSet", "jury_setting", s.getId(), before, volunteering.name());
        return Result.done(s);
    }

    /**
     * Imports volunteers from a people CSV (the Sortition Foundation's format: an id column, one column per feature
     * with quotas, any other columns such as names and address lines) while recruiting, before the draw. The people
     * join the pool without an account; every row is stored as it came and exported back unchanged (officers only).
     * {@code addressColumns} name the columns that form the address for the household rule. A second import must
     * have the same columns and new ids. Any problem (named with its line) refuses the whole file.
     */
    @Transactional
    public Result<Integer> importPool(Actor actor, long cycleId, String csv, String idColumn,
                                      List<String> addressColumns) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.RECRUIT || findDraw(cycleId).isPresent()) {
            return Result.refused("refused.pool.closed");
        }
        if (quotas(cycleId).isEmpty()) {
            return Result.refused("refused.pool.noQuotas");
        }
        if (csv == null || csv.isBlank() || csv.length() > 5_000_000) {
            return Result.refused("refused.pool.csv", "empty or larger than 5 MB");
        }
        String id = idColumn == null || idColumn.isBlank() ? "id" : idColumn.strip();
        List<String> address = addressColumns == null ? List.of()
                : addressColumns.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
        Pool imported;
        try {
            imported = PeopleCsv.read(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv),
                    "pool.csv", selectionQuotas(cycleId), id, address);
        } catch (CsvDataException e) {
            return Result.refused("refused.pool.csv", e.getMessage());
        } catch (IOException | RuntimeException e) {
            return Result.refused("refused.pool.csv", e.getMessage());
        }
        if (imported.size() == 0) {
            return Result.refused("refused.pool.csv", "no people in the file");
        }
        JurySetting setting = setting(cycleId);
        String header = CsvLine.of(imported.header());
        if (setting.getPoolHeader() != null && !setting.getPoolHeader().equals(header)) {
            return Result.refused("refused.pool.header", setting.getPoolHeader());
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        personal(cycleId).forEach(p -> known.add(p.getExternalId()));
        for (int i = 0; i < imported.people().size(); i++) {
            if (known.contains(imported.people().get(i).id())) {
                return Result.refused("refused.pool.duplicate", imported.people().get(i).id());
            }
        }
        setting = storedSetting(actor, cycleId);
        String before = audit.digestOf("jury_setting", setting.getId());
        setting.imported(header, imported.idColumn().orElse(id), address.isEmpty() ? null : CsvLine.of(imported.addressColumns()));
        audit.record(actor, "jury.poolImported", "jury_setting", setting.getId(), before,
                "people=" + imported.size() + "; sha256=" + AuditChain.sha256Hex(csv));
        for (Person person : imported.people()) {
            Volunteer v = new Volunteer(cycleId, null, true, clock.instant());
            em.persist(v);
            em.flush();
            audit.recordCreationQueued(actor, "jury.volunteerImported", "volunteer", v.getId(), "cycle=" + cycleId);
            VolunteerPersonal p = new VolunteerPersonal(v.getId(), cycleId, person.id(),
                    CsvLine.of(imported.header().stream().map(h -> person.columns().getOrDefault(h, "")).toList()),
                    null, householdKey(imported.addressColumns().stream()
                            .map(a -> person.columns().getOrDefault(a, "")).toList()));
            em.persist(p);
            for (Map.Entry<String, String> answer : person.features().entrySet()) {
                em.persist(new VolunteerAnswer(v.getId(), answer.getKey(), answer.getValue()));
            }
            em.flush();
            audit.recordCreationQueued(actor, "jury.personalImported", "volunteer_personal", p.getId(), null);
        }
        for (VolunteerAnswer a : em.createQuery("SELECT a FROM VolunteerAnswer a WHERE a.volunteerId IN (SELECT"
                + " p.volunteerId FROM VolunteerPersonal p WHERE p.cycleId = :c AND p.externalId IN :ids)",
                VolunteerAnswer.class).setParameter("c", cycleId)
                .setParameter("ids", imported.people().stream().map(Person::id).toList()).getResultList()) {
            audit.recordCreationQueued(actor, "jury.answered", "volunteer_answer", a.getId(), null);
        }
        return Result.done(imported.size());
    }

    /**
     * The imported people as they came: the file's header, then each imported row unchanged, in import order
     * (officers only; personal data). Refused when nothing was imported or retention has deleted it.
     */
    public Result<String> importedPeopleCsv(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        JurySetting s = setting(cycleId);
        List<VolunteerPersonal> rows = personal(cycleId).stream().filter(p -> p.getSourceRow() != null).toList();
        if (s.getPoolHeader() == null || rows.isEmpty()) {
            return Result.refused("refused.pool.nothingImported");
        }
        // stored exactly as uploaded; written out as every export is (formula-like cells defused)
        StringBuilder out = new StringBuilder(Csv.exportRow(CsvLine.cells(s.getPoolHeader())));
        rows.forEach(p -> out.append(Csv.exportRow(CsvLine.cells(p.getSourceRow()))));
        return Result.done(out.toString());
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
        return accounts.find(username).flatMap(a -> find(cycleId, a.getId())).filter(Volunteer::isOnJury).isPresent();
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from == Phase.RECRUIT && jury(cycle.id()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.jury", List.of()));
        }
        return Optional.empty();
    }
}
