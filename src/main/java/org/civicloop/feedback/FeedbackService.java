package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseChanged;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * Use cases of deciding and feeding back: the count becomes recommendations (each district budget's too); officers
 * answer each one (with an elected member's sign-off for items for political decision); the "you said, we did" report
 * ({@link ReportPublication}) is published as
 * immutable versions, and the people who asked to hear about it are told.
 */
@ApplicationScoped
public class FeedbackService implements PhaseGate {

    static final int MAX_TEXT = 4000;
    static final int MAX_MEDIUM = 2000;
    static final int MAX_SHORT = 200;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    VotingService voting;
    @Inject
    ReportAssembler assembler;
    @Inject
    DistrictRecommendations districts;

    /**
     * On entering DECIDE: each option the jury's count funds becomes a recommendation, with its level of support
     * (who ranked it, who ranked it first), the jurors who did not back it and the residents' channel's result;
     * then each district budget's winners ({@link DistrictRecommendations}).
     */
    void onPhaseChanged(@Observes PhaseChanged event) {
        if (event.to() != Phase.DECIDE) {
            return;
        }
        long cycleId = event.cycle().id();
        VotingService.Count count = voting.count(cycleId, Ballot.Channel.JURY);
        VotingService.Count residents = voting.count(cycleId, Ballot.Channel.RESIDENTS);
        List<List<String>> rankings = voting.rankings(cycleId, Ballot.Channel.JURY);
        Map<String, Integer> firsts = new HashMap<>();
        Map<String, Integer> ranked = new HashMap<>();
        for (List<String> ranking : rankings) {
            if (!ranking.isEmpty()) {
                firsts.merge(ranking.get(0), 1, Integer::sum);
            }
            ranking.stream().distinct().forEach(code -> ranked.merge(code, 1, Integer::sum));
        }
        List<String> residentWinners = residents.winners().stream().map(CostedOption::getCode).toList();
        List<CostedOption> fromCount = count.winners();
        List<CostedOption> fromResidents = residents.winners().stream()
                .filter(o -> fromCount.stream().noneMatch(w -> w.getCode().equals(o.getCode()))).toList();
        int position = 1;
        for (CostedOption option : fromCount) {
            persist(event.actor(), cycleId, position++, Recommendation.Source.COUNT, option, count, residents,
                    firsts, ranked, residentWinners);
        }
        for (CostedOption option : fromResidents) {
            persist(event.actor(), cycleId, position++, Recommendation.Source.RESIDENTS, option, count, residents,
                    firsts, ranked, residentWinners);
        }
        districts.recommend(event.actor(), cycleId, position);
    }

    private void persist(Actor actor, long cycleId, int position, Recommendation.Source source, CostedOption option,
                         VotingService.Count count, VotingService.Count residents, Map<String, Integer> firsts,
                         Map<String, Integer> ranked, List<String> residentWinners) {
        String code = option.getCode();
        int first = firsts.getOrDefault(code, 0);
        int rankedBy = ranked.getOrDefault(code, 0);
        String juryScore = source == Recommendation.Source.COUNT ? count.score(code) : null;
        // the English line is kept for readers of the stored row; pages write it in their language from the figures
        String support = source == Recommendation.Source.COUNT
                ? SupportText.count(juryScore, first, count.ballots(), Locale.ENGLISH)
                : SupportText.residents(residents.score(code), residents.ballots(), Locale.ENGLISH);
        String minority = SupportText.notRanked(count.ballots(), rankedBy, Locale.ENGLISH);
        Recommendation r = new Recommendation(cycleId, position, source, option.getId(), code, option.getTitle(),
                support, new Recommendation.Support(count.ballots(), first, rankedBy, minority, residents.ballots(),
                residentWinners.contains(code), residents.score(code), juryScore));
        em.persist(r);
        em.flush();
        audit.record(actor, "feedback.recommendationMade", "recommendation", r.getId(), null,
                "cycle=" + cycleId + "; source=" + source + "; option=" + code);
    }

    /**
     * The facilitator (or an officer) adds a recommendation the jury agreed in deliberation that is not a budget
     * option (e.g. a change of policy), with how strongly it was supported and any minority positions. DECIDE only.
     */
    @Transactional
    public Result<Recommendation> addJuryRecommendation(Actor actor, long cycleId, String title, String support,
                                                        String minorityPositions) {
        if (!actor.hasAny(Role.OFFICER, Role.FACILITATOR, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        CycleView cycle = cycleViews.findLocked(cycleId).orElse(null);
        if (cycle == null) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.phase() != Phase.DECIDE) {
            return Result.refused("refused.recommendation.phase");
        }
        if (blank(title) || title.length() > 300) {
            return Result.refused("refused.recommendation.title");
        }
        if (blank(support) || support.length() > 1000) {
            return Result.refused("refused.recommendation.support");
        }
        if (minorityPositions != null && minorityPositions.length() > MAX_TEXT) {
            return Result.refused("refused.minority.tooLong");
        }
        int position = recommendations(cycleId).stream().mapToInt(Recommendation::getRankPosition).max().orElse(0) + 1;
        int ballots = voting.rankings(cycleId, Ballot.Channel.JURY).size();
        Recommendation r = new Recommendation(cycleId, position, Recommendation.Source.JURY, null, null, title.strip(),
                support.strip(), new Recommendation.Support(ballots, 0, 0, strip(minorityPositions), 0, false, null,
                        null));
        em.persist(r);
        em.flush();
        audit.record(actor, "feedback.recommendationAdded", "recommendation", r.getId(), null, "cycle=" + cycleId);
        return Result.done(r);
    }

    /**
     * An officer records the council's response to a recommendation. Allowed from DECIDE until the cycle closes
     * (after publication a changed response shows in the next correction). A changed response loses its sign-off.
     */
    @Transactional
    public Result<Recommendation> respond(Actor actor, long recommendationId, ResponseDraft d) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Recommendation r = em.find(Recommendation.class, recommendationId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            return Result.refused("refused.recommendation.unknown");
        }
        CycleView cycle = cycleViews.find(r.getCycleId()).orElse(null);
        if (!cycle.phase().atLeast(Phase.DECIDE) || cycle.phase() == Phase.CLOSED) {
            return Result.refused("refused.response.phaseRange");
        }
        Optional<Result.Refused<Recommendation>> invalid = validate(d);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String before = audit.digestOf("recommendation", recommendationId);
        r.respond(clean(d), actor.username(), clock.instant());
        audit.record(actor, "feedback.responded", "recommendation", recommendationId, before,
                d.response().name() + (d.politicalDecision() ? "; for political decision" : ""));
        return Result.done(r);
    }

    private static Optional<Result.Refused<Recommendation>> validate(ResponseDraft d) {
        if (d == null || d.response() == null) {
            return refusal("refused.response.missing");
        }
        if (blank(d.rationale()) || d.rationale().length() > MAX_TEXT) {
            return refusal("refused.response.rationale");
        }
        if (blank(d.tradeOff()) || d.tradeOff().length() > MAX_MEDIUM) {
            return refusal("refused.response.tradeOff");
        }
        if (blank(d.whoLoses()) || d.whoLoses().length() > MAX_MEDIUM) {
            return refusal("refused.response.whoLoses");
        }
        if (blank(d.offered()) || d.offered().length() > MAX_MEDIUM) {
            return refusal("refused.response.offered");
        }
        if (blank(d.decisionMaker()) || d.decisionMaker().length() > MAX_SHORT) {
            return refusal("refused.response.decisionMaker");
        }
        if (d.budgetLine() != null && d.budgetLine().length() > MAX_SHORT
                || d.amountCommitted() != null && (d.amountCommitted() < 0 || d.amountCommitted() > 1_000_000_000_000L)) {
            return refusal("refused.response.budget");
        }
        if (d.response().taken() && (blank(d.budgetLine()) || d.amountCommitted() == null || d.amountCommitted() <= 0)) {
            return refusal("refused.response.budgetNeeded");
        }
        return Optional.empty();
    }

    private static <T> Optional<Result.Refused<T>> refusal(String key, Object... args) {
        return Optional.of(new Result.Refused<>(key, List.of(args)));
    }

    private static ResponseDraft clean(ResponseDraft d) {
        return new ResponseDraft(d.response(), d.rationale().strip(), d.tradeOff().strip(), strip(d.budgetLine()),
                d.amountCommitted(), d.whoLoses().strip(), d.offered().strip(), d.decisionMaker().strip(),
                d.politicalDecision());
    }

    /**
     * An officer records that an elected member signed off the response to a recommendation for political
     * decision. The rule: the response must be recorded and marked for political decision; the member is named;
     * the date is the day the member signed, not in the future and not before the response was recorded; and the
     * officer recording it is not the officer who recorded the response (a second pair of eyes). Changing the
     * response afterwards clears the sign-off.
     */
    @Transactional
    public Result<Recommendation> recordSignOff(Actor actor, long recommendationId, String member, LocalDate signedOn) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Recommendation r = em.find(Recommendation.class, recommendationId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            return Result.refused("refused.recommendation.unknown");
        }
        if (!r.isAnswered()) {
            return Result.refused("refused.signoff.unanswered");
        }
        if (!r.isPolitical()) {
            return Result.refused("refused.signoff.notPolitical");
        }
        if (r.isSignedOff()) {
            return Result.refused("refused.signoff.already");
        }
        if (blank(member) || member.length() > MAX_SHORT) {
            return Result.refused("refused.signoff.member");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate responded = LocalDate.ofInstant(r.getRespondedAt(), ZoneOffset.UTC);
        if (signedOn == null || signedOn.isAfter(today) || signedOn.isBefore(responded)) {
            return Result.refused("refused.signoff.date", responded.toString());
        }
        if (actor.username().equals(r.getRespondedBy())) {
            return Result.refused("refused.signoff.sameOfficer");
        }
        String before = audit.digestOf("recommendation", recommendationId);
        r.signOff(member.strip(), signedOn, actor.username(), clock.instant());
        audit.record(actor, "feedback.signedOff", "recommendation", recommendationId, before,
                "member=" + member.strip() + "; on=" + signedOn);
        return Result.done(r);
    }

    /** An officer or the facilitator records the minority positions on a recommendation, in plain words. */
    @Transactional
    public Result<Recommendation> noteMinorityPositions(Actor actor, long recommendationId, String text) {
        if (!actor.hasAny(Role.OFFICER, Role.FACILITATOR, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Recommendation r = em.find(Recommendation.class, recommendationId, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            return Result.refused("refused.recommendation.unknown");
        }
        if (cycleViews.phaseOf(r.getCycleId()) == Phase.CLOSED) {
            return Result.refused("refused.response.phaseRange");
        }
        if (text != null && text.length() > MAX_TEXT) {
            return Result.refused("refused.minority.tooLong");
        }
        String before = audit.digestOf("recommendation", recommendationId);
        r.noteMinorityPositions(strip(text));
        audit.record(actor, "feedback.minorityNoted", "recommendation", recommendationId, before, null);
        return Result.done(r);
    }

    public List<Recommendation> recommendations(long cycleId) {
        return em.createQuery("SELECT r FROM Recommendation r WHERE r.cycleId = :c ORDER BY r.rankPosition",
                Recommendation.class).setParameter("c", cycleId).getResultList();
    }

    /** The mandate's decision-maker (a scalar read: it loads no cycle entity). */
    public String decisionMakerOf(long cycleId) {
        return cycleViews.decisionMakerOf(cycleId);
    }

    public Optional<Recommendation> recommendation(long id) {
        return Optional.ofNullable(em.find(Recommendation.class, id));
    }

    /** The published versions of a cycle's report, oldest first. */
    public List<ReportVersion> versions(long cycleId) {
        return em.createQuery("SELECT v FROM ReportVersion v WHERE v.cycleId = :c ORDER BY v.versionNo",
                ReportVersion.class).setParameter("c", cycleId).getResultList();
    }

    public Optional<ReportVersion> latest(long cycleId) {
        List<ReportVersion> all = versions(cycleId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public Optional<ReportVersion> version(long cycleId, int number) {
        return versions(cycleId).stream().filter(v -> v.getVersionNo() == number).findFirst();
    }

    /** The report as a reader sees it: a published version read back from its snapshot. */
    public Report read(ReportVersion version) {
        return ReportJson.read(version.getSnapshot());
    }

    /** What the report would say if published now (officers preview it before publishing). */
    public Report preview(long cycleId, ReportDraft draft) {
        CycleView cycle = cycleViews.find(cycleId).orElse(null);
        ReportDraft d = draft == null ? new ReportDraft("", "", null) : draft;
        List<ReportVersion> earlier = versions(cycleId);
        return assembler.assemble(cycle, recommendations(cycleId), d, earlier.size() + 1, clock.instant(), null,
                earlier, audit.headHash());
    }

    /** The promise is overdue: the mandate is public, its feedback date has passed and no report is published. */
    public boolean isOverdue(CycleView c) {
        return c.mandatePublished() && c.feedbackPromiseDate() != null && !c.reportPublished()
                && c.feedbackPromiseDate().isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from == Phase.DECIDE) {
            // Counted in the database, not from loaded entities: a page asks this after a response was saved in
            // another transaction, and its request may still hold the recommendations as they were before.
            long open = em.createQuery("SELECT COUNT(r) FROM Recommendation r WHERE r.cycleId = :c AND r.response IS NULL",
                    Long.class).setParameter("c", cycle.id()).getSingleResult();
            if (open > 0) {
                return Optional.of(new Result.Refused<>("refused.gate.responses", List.of(open)));
            }
        }
        if (from == Phase.FEEDBACK && latest(cycle.id()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.report", List.of()));
        }
        return Optional.empty();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
