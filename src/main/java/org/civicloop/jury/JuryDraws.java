package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.jury.selection.InfeasibleQuotasException;
import org.civicloop.jury.selection.Method;
import org.civicloop.jury.selection.PanelDistribution;
import org.civicloop.jury.selection.SeedCommitment;
import org.civicloop.jury.selection.Selection;
import org.civicloop.jury.selection.SelectionOptions;
import org.civicloop.jury.selection.io.QuotasCsv;
import org.civicloop.jury.selection.model.Panel;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Seeds;

/**
 * Use cases of the jury draw: quotas, the committed seed, the draw itself (LEXIMIN or a simple lottery), and test
 * panels that record nothing.
 */
@ApplicationScoped
public class JuryDraws {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    JuryService jury;

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
        if (cycle.phase().isAfter(Phase.RECRUIT) || jury.findDraw(cycleId).isPresent()) {
            return Result.refused("refused.quotas.fixed");
        }
        if (!jury.pool(cycleId).isEmpty()) {
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
        for (JuryQuota old : jury.quotas(cycleId)) {
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
        if (jury.findDraw(cycleId).isPresent()) {
            return Result.refused("refused.jury.committed");
        }
        int poolSize = jury.pool(cycleId).size();
        if (size < 1 || size > poolSize) {
            return Result.refused("refused.jury.size", poolSize);
        }
        if (seed == null || seed.isBlank() || seed.length() > 200) {
            return Result.refused("refused.jury.seed");
        }
        String method = jury.quotas(cycleId).isEmpty() ? "SIMPLE" : "LEXIMIN";
        JuryDraw draw = new JuryDraw(cycleId, method, size, SeedCommitment.commitment(seed.strip()), seed.strip(),
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
        List<Volunteer> pool = new ArrayList<>(jury.pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        List<Long> chosen = new ArrayList<>();
        String minimum;
        String mean;
        String tolerance = null;
        if ("LEXIMIN".equals(draw.getMethod())) {
            PanelDistribution distribution;
            try {
                distribution = Selection.leximin(jury.selectionPool(cycleId, pool), jury.selectionQuotas(cycleId),
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
            Random random = new Random(Seeds.of(draw.seed()));
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
        if (!draw.getId().equals(plan.drawId()) || !jury.pool(cycleId).stream().map(Volunteer::getId).toList()
                .equals(plan.poolIds())) {
            return Result.refused("refused.jury.poolChanged");
        }
        List<Volunteer> chosen = new ArrayList<>();
        for (Long id : plan.chosen()) {
            Volunteer v = em.find(Volunteer.class, id);
            String before = audit.digestOf("volunteer", v.getId());
            v.select();
            audit.record(actor, "jury.selected", "volunteer", v.getId(), before, null);
            jury.grantJuror(v);
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
        JuryDraw draw = jury.findDraw(cycleId).orElse(null);
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
        List<Volunteer> pool = new ArrayList<>(jury.pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        if (size < 1 || size > pool.size()) {
            return Result.refused("refused.jury.size", pool.size());
        }
        if (jury.quotas(cycleId).isEmpty()) {
            return Result.refused("refused.jury.noQuotas");
        }
        PanelDistribution distribution;
        try {
            distribution = Selection.distribution(m, jury.selectionPool(cycleId, pool), jury.selectionQuotas(cycleId), size,
                    SelectionOptions.defaults());
        } catch (InfeasibleQuotasException e) {
            return Result.refused(InfeasibilityReport.REFUSAL, InfeasibilityReport.of(e.infeasibility()));
        }
        byte[] bytes = new byte[8];
        new java.security.SecureRandom().nextBytes(bytes);
        String seed = java.util.HexFormat.of().formatHex(bytes);
        java.util.Set<String> chosen = new java.util.HashSet<>(distribution.draw(seed).ids());
        Map<Long, Map<String, String>> answers = jury.answers(cycleId);
        List<CategoryCount> counts = jury.quotas(cycleId).stream().map(q -> new CategoryCount(q.getFeature(),
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
}
