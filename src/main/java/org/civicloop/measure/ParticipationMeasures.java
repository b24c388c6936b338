package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.voting.Voters;

/**
 * Use cases of residents in measuring: the short post-cycle trust survey (participants, one answer each) and the
 * resident review panel, drawn by lot, whose members comment on the readings each quarter.
 */
@ApplicationScoped
public class ParticipationMeasures {

    private static final Pattern QUARTER = Pattern.compile("(20\\d\\d)-Q([1-4])");

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;
    @Inject
    Juries juries;
    @Inject
    Voters voters;

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    /**
     * A participant answers the trust survey once the cycle is measuring or closed: trust in the process and
     * feeling heard (1 = not at all .. 5 = completely) and whether they would take part again. Only people who took
     * part (volunteered or voted), once each.
     */
    @Transactional
    public Result<TrustAnswer> answerTrustSurvey(Actor actor, long cycleId, int trust, int heard, boolean again) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.findLocked(cycleId).orElse(null);
        if (cycle == null || !cycle.published()) {
            return Result.refused("refused.cycle.unknown");
        }
        if (!cycle.phase().atLeast(Phase.MEASURE)) {
            return Result.refused("refused.survey.phase");
        }
        Optional<Long> account = accounts.idOf(actor.username());
        if (account.isEmpty() || !participants(cycleId).contains(account.get())) {
            return Result.refused("refused.survey.notAllowed");
        }
        if (trust < 1 || trust > 5 || heard < 1 || heard > 5) {
            return Result.refused("refused.survey.scale");
        }
        if (em.find(TrustAnswer.class, key(cycleId, account.get())) != null) {
            return Result.refused("refused.survey.already");
        }
        TrustAnswer a = new TrustAnswer(cycleId, account.get(), trust, heard, again, today());
        em.persist(a);
        em.flush();
        // The answer row has a composite key, so the entry is a note: that an answer was given, never what it was.
        // Its subject is the survey (not the cycle row), so the verifier keeps checking the cycle's own digest.
        audit.note(actor, "measure.trustAnswered", "trust_survey", Long.toString(cycleId), null);
        return Result.done(a);
    }

    private static TrustAnswer.Key key(long cycleId, long accountId) {
        TrustAnswer.Key k = new TrustAnswer.Key();
        k.cycleId = cycleId;
        k.accountId = accountId;
        return k;
    }

    /**
     * Draws the cycle's review panel by lot: a uniform draw of {@code size} from the residents who volunteered for
     * the cycle, reproducible from the recorded seed ({@link PanelLottery}). Once per cycle, once it is measuring.
     */
    @Transactional
    public Result<ReviewPanel> drawReviewPanel(Actor actor, long cycleId, int size, String seed) {
        Result<CycleView> found = cycleViews.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (!found.value().phase().atLeast(Phase.MEASURE)) {
            return Result.refused("refused.panel.phase");
        }
        if (panel(cycleId).isPresent()) {
            return Result.refused("refused.panel.already");
        }
        if (seed == null || seed.isBlank() || seed.length() > 200) {
            return Result.refused("refused.panel.seed");
        }
        List<Long> pool = pool(cycleId);
        if (size < 1 || size > pool.size()) {
            return Result.refused("refused.panel.size", pool.size());
        }
        ReviewPanel p = new ReviewPanel(cycleId, seed.strip(), pool.size(),
                new HashSet<>(PanelLottery.draw(pool, size, seed.strip())), clock.instant(), actor.username());
        em.persist(p);
        em.flush();
        audit.record(actor, "measure.reviewPanelDrawn", "review_panel", p.getId(), null,
                "size=" + size + " pool=" + pool.size() + " seed=" + seed.strip());
        return Result.done(p);
    }

    /**
     * A review panel member comments on an indicator's readings for a quarter (e.g. 2026-Q3, not a future quarter);
     * the comment is published beside the figures.
     */
    @Transactional
    public Result<ReviewComment> commentOnReadings(Actor actor, long indicatorId, String quarter, String comment) {
        if (actor.isAnonymous()) {
            return Result.refused("refused.notAllowed");
        }
        OutcomeIndicator indicator = em.find(OutcomeIndicator.class, indicatorId);
        if (indicator == null) {
            return Result.refused("refused.indicator.unknown");
        }
        long cycleId = em.find(OutcomeObjective.class, indicator.getObjectiveId()).getCycleId();
        Optional<ReviewPanel> panel = panel(cycleId);
        Optional<Long> account = accounts.idOf(actor.username());
        if (panel.isEmpty() || account.isEmpty() || !panel.get().getMembers().contains(account.get())) {
            return Result.refused("refused.review.notAllowed");
        }
        var m = quarter == null ? null : QUARTER.matcher(quarter.strip());
        if (m == null || !m.matches()) {
            return Result.refused("refused.review.quarter");
        }
        LocalDate start = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
        if (start.isAfter(today())) {
            return Result.refused("refused.review.quarter");
        }
        if (MeasureService.blankOrLonger(comment, 2000)) {
            return Result.refused("refused.review.comment");
        }
        ReviewComment c = new ReviewComment(cycleId, indicatorId, quarter.strip(), comment.strip(),
                account.get(), clock.instant());
        em.persist(c);
        em.flush();
        audit.record(actor, "measure.reviewCommented", "review_comment", c.getId(), null,
                "indicator=" + indicatorId + " " + quarter.strip());
        return Result.done(c);
    }

    /**
     * Accounts that took part in a cycle: volunteered for its jury or voted in it (either channel). People an officer
     * imported into a jury pool have no account and are not among them: see {@link #importedPeople}.
     */
    public Set<Long> participants(long cycleId) {
        Set<Long> out = new HashSet<>(juries.volunteerAccounts(cycleId));
        out.addAll(voters.accounts(cycleId));
        return out;
    }

    /**
     * People an officer imported into the cycle's jury pool (docs/jury.md): they took part without an account, each
     * once. Known by the imported row kept for them, so they are counted until the retention rule deletes those rows
     * (docs/measure.md).
     */
    public int importedPeople(long cycleId) {
        return juries.importedPeople(cycleId);
    }

    /** How many voted in each of the cycle's budgets, city-wide first (one line for a cycle with one budget). */
    public List<Voters.Turnout> turnout(long cycleId) {
        return voters.turnout(cycleId);
    }

    /** Accounts that took part in any cycle other than this one. */
    public Set<Long> participantsElsewhere(long cycleId) {
        Set<Long> out = new HashSet<>(juries.volunteerAccountsElsewhere(cycleId));
        out.addAll(voters.accountsElsewhere(cycleId));
        return out;
    }

    /** The review panel's pool: accounts that volunteered for the cycle (they agreed to be contacted). */
    public List<Long> pool(long cycleId) {
        return juries.consentingAccounts(cycleId);
    }

    public Optional<ReviewPanel> panel(long cycleId) {
        return em.createQuery("SELECT p FROM ReviewPanel p WHERE p.cycleId = :c", ReviewPanel.class)
                .setParameter("c", cycleId).getResultStream().findFirst();
    }

    public boolean isPanelMember(long cycleId, String username) {
        Optional<Long> a = accounts.idOf(username);
        return a.isPresent() && panel(cycleId).map(p -> p.getMembers().contains(a.get())).orElse(false);
    }

    public boolean hasAnswered(long cycleId, String username) {
        Optional<Long> a = accounts.idOf(username);
        return a.isPresent() && em.find(TrustAnswer.class, key(cycleId, a.get())) != null;
    }

    public boolean canAnswer(long cycleId, String username) {
        Optional<Long> a = accounts.idOf(username);
        return a.isPresent() && participants(cycleId).contains(a.get())
                && em.find(TrustAnswer.class, key(cycleId, a.get())) == null;
    }

    public List<TrustAnswer> trustAnswers(long cycleId) {
        return em.createQuery("SELECT t FROM TrustAnswer t WHERE t.cycleId = :c", TrustAnswer.class)
                .setParameter("c", cycleId).getResultList();
    }

    public List<ReviewComment> comments(long cycleId) {
        return em.createQuery("SELECT c FROM ReviewComment c WHERE c.cycleId = :c ORDER BY c.quarter, c.id",
                ReviewComment.class).setParameter("c", cycleId).getResultList();
    }
}
