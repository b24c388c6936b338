package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.ValueCell;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The demo's measured outcomes for "Greener streets 2026", made through the measure use cases (so they are audited):
 * objectives and indicator sets for its funded options, readings over a year with explanations, progress and
 * milestones, providers' public value accounts with marked promises, the co-production ledger, trust survey answers,
 * the review panel and its comments. Then it closes the cycle and opens its successor.
 */
@ApplicationScoped
public class MeasureDemo {

    private final Actor officer = new Actor("officer", EnumSet.of(Role.OFFICER));

    @Inject
    Clock clock;
    @Inject
    MeasureService measure;
    @Inject
    AccountabilityService accountability;
    @Inject
    ParticipationMeasures participation;
    @Inject
    CycleService cycles;
    @Inject
    Juries jury;
    @Inject
    AccountService accounts;

    /** Called by the demo while the cycle is in MEASURE: measures it, closes it and opens the next cycle. */
    public void measureAndClose(long cycleId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        // A: school crossings (adopted).
        OutcomeObjective crossings = ok(measure.setObjective(officer, cycleId, "A", new ObjectiveDraft(
                "Our children can walk to school safely, and more of them do.", ValueCell.MY_WELLBEING,
                "Sam Patel, Head of Neighbourhoods", "Riverside Police; Mill Road and Park Lane schools",
                "33% of pupils walk to the two schools (travel survey, last June)",
                "45% of pupils walk, with no rise in road injuries near the schools", today.plusYears(1))));
        ok(measure.addMilestone(officer, crossings.getId(), "Design agreed with both schools", today.minusMonths(8)));
        ok(measure.addMilestone(officer, crossings.getId(), "Both crossings open", today.minusMonths(4)));
        for (Milestone m : measure.milestones(crossings.getId())) {
            ok(measure.completeMilestone(officer, m.getId(), m.getDueOn().plusDays(5)));
        }
        OutcomeIndicator walking = ok(measure.addIndicator(officer, crossings.getId(), new IndicatorDraft(
                "Children walking to school (share of pupils)", IndicatorKind.OUTCOME, "%",
                "The two schools' travel survey (hands up, every pupil)", Frequency.QUARTERLY,
                "A survey taken on a dry, sunny week, or counting pupils who walk only the last few metres.",
                "Road injuries near the two schools", new BigDecimal("33"), new BigDecimal("45"))));
        OutcomeIndicator injuries = ok(measure.addIndicator(officer, crossings.getId(), new IndicatorDraft(
                "Road injuries near the two schools", IndicatorKind.DISTRIBUTIONAL, "injuries a year",
                "Police collision records within 400 m of the schools", Frequency.ANNUAL,
                "Minor injuries that are never reported to the police.",
                "Children walking to school (share of pupils)", new BigDecimal("4"), new BigDecimal("1"))));
        ok(measure.addIndicator(officer, crossings.getId(), new IndicatorDraft(
                "Parents satisfied with the school run", IndicatorKind.SATISFACTION, "%",
                "Parent survey at the school gates", Frequency.ANNUAL,
                "Asking only the parents who already walk.", "Children walking to school (share of pupils)",
                null, null)));
        ok(measure.publishIndicatorSet(officer, crossings.getId()));
        reading(walking, "33", today.minusMonths(9), "Baseline from the June survey, before any work started.");
        reading(walking, "35", today.minusMonths(6), "Autumn survey: a small rise while the crossings were being"
                + " built; the schools ran a walk-to-school week, which may have helped.");
        reading(walking, "38", today.minusMonths(3), "First survey after both crossings opened; winter weather"
                + " usually lowers walking, so this is encouraging.");
        reading(walking, "41", today, "Up from 33% before the crossings opened; counted by the schools' travel"
                + " survey in June.");
        reading(injuries, "4", today.minusMonths(9), "Four injuries in the year before the works (police records).");
        reading(injuries, "2", today, "Two minor injuries this year, neither on the new crossings; one year is too"
                + " short to call it a trend.");
        ok(measure.updateProgress(officer, crossings.getId(), ProgressStatus.COMPLETED, 100, 58_400,
                "Both crossings open; £1,600 under budget (the lighting came in cheaper)."));

        // B: street trees (modified: phased over two years).
        OutcomeObjective trees = ok(measure.setObjective(officer, cycleId, "B", new ObjectiveDraft(
                "Our streets are shadier and nicer to walk along in summer.", ValueCell.OUR_WELLBEING,
                "Riverside tree officer", "Greenways Trust (planting and watering)",
                "6% canopy cover on the funded streets", "10% canopy cover by the review, 95% of trees surviving",
                today.plusYears(3))));
        ok(measure.addMilestone(officer, trees.getId(), "Watering contract tendered", today.minusMonths(5)));
        ok(measure.addMilestone(officer, trees.getId(), "First 20 trees planted", today.minusMonths(2)));
        ok(measure.addMilestone(officer, trees.getId(), "Remaining 20 trees planted", today.plusMonths(4)));
        for (Milestone m : measure.milestones(trees.getId())) {
            if (!m.getDueOn().isAfter(today)) {
                ok(measure.completeMilestone(officer, m.getId(), m.getDueOn()));
            }
        }
        OutcomeIndicator canopy = ok(measure.addIndicator(officer, trees.getId(), new IndicatorDraft(
                "Canopy cover on the funded streets", IndicatorKind.OUTCOME, "%",
                "Aerial survey measured by the tree officer", Frequency.ANNUAL,
                "Planting fast-growing species that give quick cover but do not last.",
                "Trees still alive after two summers", new BigDecimal("6"), new BigDecimal("10"))));
        OutcomeIndicator surviving = ok(measure.addIndicator(officer, trees.getId(), new IndicatorDraft(
                "Trees still alive after two summers", IndicatorKind.OUTPUT, "%",
                "Greenways Trust watering log, checked by the tree officer", Frequency.TWICE_A_YEAR,
                "Replacing dead trees quietly before the count.", "Canopy cover on the funded streets",
                new BigDecimal("100"), new BigDecimal("95"))));
        ok(measure.publishIndicatorSet(officer, trees.getId()));
        reading(canopy, "6", today.minusMonths(6), "Baseline from last summer's aerial survey.");
        reading(canopy, "6.5", today, "Young trees add little cover at first; most of the gain comes in years"
                + " three to ten.");
        reading(surviving, "100", today.minusMonths(1), "All 20 trees planted so far are alive after a dry month;"
                + " watering visits are logged weekly.");
        ok(measure.updateProgress(officer, trees.getId(), ProgressStatus.ON_TRACK, 55, 21_000,
                "Half the trees are in; the rest go in next spring, as the council's response said."));

        // Providers' public value accounts.
        ValueAccount highways = ok(accountability.submitValueAccount(officer, crossings.getId(),
                "Riverside Highways Ltd", today.getYear(), "Designed and built the two zebra crossings.", List.of(
                        new PromiseDraft(ValueDimension.SOCIAL, "Two local apprentices on the build",
                                "One local apprentice worked on both crossings."),
                        new PromiseDraft(ValueDimension.ECONOMIC, "40% of materials bought from local suppliers",
                                "52% of materials by value came from suppliers in the borough."),
                        new PromiseDraft(ValueDimension.ENVIRONMENTAL, "Recycled asphalt for half the surfacing",
                                "Virgin asphalt was used: the recycled batch failed its test."))));
        Map<ValueDimension, String> evidence = Map.of(
                ValueDimension.SOCIAL, "Apprenticeship contract seen; one of two places filled.",
                ValueDimension.ECONOMIC, "Invoices checked by the finance team (52% local by value).",
                ValueDimension.ENVIRONMENTAL, "Materials test certificate: the recycled batch failed.");
        Map<ValueDimension, PromiseVerdict> verdict = Map.of(ValueDimension.SOCIAL, PromiseVerdict.PARTLY_DELIVERED,
                ValueDimension.ECONOMIC, PromiseVerdict.DELIVERED, ValueDimension.ENVIRONMENTAL,
                PromiseVerdict.NOT_DELIVERED);
        for (ValuePromise p : accountability.promises(highways.getId())) {
            ok(accountability.markPromise(officer, p.getId(), verdict.get(p.getDimension()),
                    evidence.get(p.getDimension())));
        }
        ValueAccount greenways = ok(accountability.submitValueAccount(officer, trees.getId(), "Greenways Trust",
                today.getYear(), "Planting and three years' watering of 40 street trees.", List.of(
                        new PromiseDraft(ValueDimension.SOCIAL, "Two planting days with local schools",
                                "Two planting days with 60 pupils from both schools."),
                        new PromiseDraft(ValueDimension.ENVIRONMENTAL, "Native species only",
                                "All 20 trees planted so far are native species."))));
        for (ValuePromise p : accountability.promises(greenways.getId())) {
            ok(accountability.markPromise(officer, p.getId(), PromiseVerdict.DELIVERED,
                    "Tree officer's site visits and the planting-day register."));
        }

        // Co-production ledger: what residents gave and what the engagement cost.
        List<Juries.Member> jurors = jury.jurors(cycleId);
        ok(accountability.recordLedgerEntry(officer, cycleId, LedgerKind.VOLUNTEER_HOURS,
                "Jurors' time over two jury days", new BigDecimal(12 * jurors.size()), 0));
        ok(accountability.recordLedgerEntry(officer, cycleId, LedgerKind.IN_KIND,
                "St Mark's community hall lent for the jury days", null, 400));
        ok(accountability.recordLedgerEntry(officer, cycleId, LedgerKind.STAFF_HOURS,
                "Officer and facilitator time", new BigDecimal("120"), 4_800));
        ok(accountability.recordLedgerEntry(officer, cycleId, LedgerKind.VENUE, "Library meeting room and catering",
                null, 600));
        ok(accountability.recordLedgerEntry(officer, cycleId, LedgerKind.INCENTIVES,
                "£50 thank-you vouchers for the jurors", null, 50L * jurors.size()));
        ok(accountability.recordLedgerEntry(officer, cycleId, LedgerKind.OTHER_COST, "Translation and printing",
                null, 450));

        // Trust survey: some of the jurors answer.
        int[][] answers = {{4, 5}, {5, 4}, {3, 3}, {4, 4}, {2, 3}};
        for (int i = 0; i < Math.min(answers.length, jurors.size()); i++) {
            Actor juror = resident(accounts.usernameOf(jurors.get(i).accountId()));
            ok(participation.answerTrustSurvey(juror, cycleId, answers[i][0], answers[i][1], answers[i][0] >= 3));
        }

        // The review panel, drawn by lot from the cycle's volunteers, comments on the last two quarters.
        ReviewPanel panel = ok(participation.drawReviewPanel(officer, cycleId, 3, "greener-streets-review-2026"));
        List<Long> members = panel.getMembers().stream().sorted().toList();
        ok(participation.commentOnReadings(resident(accounts.usernameOf(members.get(0))), walking.getId(),
                quarter(today.minusMonths(3)), "The rise is real at Mill Road; at Park Lane parents still drive"
                        + " because the crossing is on the far side of the school."));
        ok(participation.commentOnReadings(resident(accounts.usernameOf(members.get(1))), walking.getId(),
                quarter(today), "Good progress. Please also count pupils who cycle: some switched from walking."));
        ok(participation.commentOnReadings(resident(accounts.usernameOf(members.get(2))), canopy.getId(),
                quarter(today), "Too early to judge the canopy; the survival figure is the one to watch."));

        ok(cycles.advance(officer, cycleId, Phase.MEASURE));
        ok(cycles.openNextCycle(officer, cycleId, "Greener streets 2027"));
    }

    /**
     * "Neighbourhood ideas 2026" in MEASURE: an outcome objective for every funded option of every budget (the
     * city-wide fund and the two district budgets), each with a milestone and its progress, so the outcomes page shows
     * delivery budget by budget. The cycle stays in MEASURE: delivery is under way.
     *
     * @param funded the options the council funded (what {@link MeasureService#fundedOptions} answers)
     */
    public void votedCycleDelivery(long cycleId, List<Funded> funded) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int n = 0;
        for (Funded o : funded) {
            OutcomeObjective objective = ok(measure.setObjective(officer, cycleId, o.code(), new ObjectiveDraft(
                    "Residents use and value \"" + o.title() + "\", as they asked.", ValueCell.OUR_WELLBEING,
                    "Sam Patel, Head of Neighbourhoods", o.district() ? "The district's residents' association"
                    : null, "Not there before the vote",
                    "Delivered within the year and used, by the next residents' survey", today.plusYears(1))));
            // Published with an outcome indicator and an output one (the public page shows published sets only).
            String used = "Residents who used " + o.title();
            String delivered = "Works of " + o.title() + " done";
            ok(measure.addIndicator(officer, objective.getId(), new IndicatorDraft(used, IndicatorKind.OUTCOME, "%",
                    "The district's residents' survey", Frequency.ANNUAL, "Asking only people who already use it.",
                    delivered, BigDecimal.ZERO, new BigDecimal("40"))));
            OutcomeIndicator works = ok(measure.addIndicator(officer, objective.getId(), new IndicatorDraft(delivered,
                    IndicatorKind.OUTPUT, "%", "Works orders and the contractor's sign-off", Frequency.QUARTERLY,
                    "Counting works as done before they are signed off.", used, BigDecimal.ZERO,
                    new BigDecimal("100"))));
            ok(measure.publishIndicatorSet(officer, objective.getId()));
            ok(measure.addMilestone(officer, objective.getId(), "Works ordered", today.minusDays(20)));
            for (Milestone m : measure.milestones(objective.getId())) {
                ok(measure.completeMilestone(officer, m.getId(), m.getDueOn()));
            }
            boolean done = n++ % 3 == 0;
            reading(works, done ? "100" : "40", today, done ? "Signed off by the contractor and the council."
                    : "Ordered and started; the rest is planned for next month.");
            ok(measure.updateProgress(officer, objective.getId(), done ? ProgressStatus.COMPLETED
                    : ProgressStatus.ON_TRACK, done ? 100 : 40, done ? o.cost() : o.cost() / 3, done
                    ? "Delivered." : "Ordered; work starts next month."));
        }
    }

    /** A funded option as the demo measures it: code, title, cost and whether it is in a district budget. */
    public record Funded(String code, String title, long cost, boolean district) {
    }

    private void reading(OutcomeIndicator i, String amount, LocalDate on, String explanation) {
        ok(measure.recordReading(officer, i.getId(), new BigDecimal(amount), on, explanation));
    }

    static String quarter(LocalDate d) {
        return d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    private static Actor resident(String name) {
        return new Actor(name, EnumSet.of(Role.RESIDENT));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
