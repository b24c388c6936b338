package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CriterionKind;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.LadderLevel;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.ValueCell;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.JuryDraws;
import org.civicloop.jury.Volunteering;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.VotingService;
import org.civicloop.evidence.EvidenceDemo;

/**
 * The demo's decisions and reports, made through the feedback use cases: the completed cycle's responses of every
 * kind (one signed off by an elected member), its report and a correction; and a cycle whose recommendations await
 * responses while its feedback promise is overdue.
 */
@ApplicationScoped
public class FeedbackDemo {

    static final String OVERDUE_TITLE = "Riverside play streets";

    @Inject
    Clock clock;
    @Inject
    FeedbackService feedback;
    @Inject
    ReportPublication publication;
    @Inject
    Notifications notifications;
    @Inject
    CycleService cycles;
    @Inject
    MandateService mandate;
    @Inject
    JuryService jury;
    @Inject
    Volunteering volunteering;
    @Inject
    JuryDraws draws;
    @Inject
    Juries juries;
    @Inject
    EvidenceDemo evidenceDemo;
    @Inject
    VotingService voting;
    @Inject
    AccountService accounts;

    private final Actor officer = new Actor("officer", EnumSet.of(Role.OFFICER));
    private final Actor admin = new Actor("demo-admin", EnumSet.of(Role.ADMIN));
    private final Actor facilitator = new Actor("facilitator", EnumSet.of(Role.FACILITATOR));

    /**
     * Called with the completed cycle in DECIDE (its recommendations made from the count): answers each, has the
     * political one signed off, moves on to FEEDBACK, publishes the report and then a correction.
     */
    @Transactional
    public void decideAndReport(long cycleId) {
        ok(notifications.setReportUpdates(resident("resident"), true));
        ok(notifications.setReportUpdates(resident("juror"), true));
        ok(feedback.addJuryRecommendation(facilitator, cycleId, "A 20 mph limit on Mill Road",
                "Agreed by 5 of 6 jurors in round 3",
                "One juror thought average-speed cameras would work better than a lower limit."));
        String cabinet = "Cabinet Member for Communities";
        for (Recommendation r : feedback.recommendations(cycleId)) {
            String code = r.getOptionCode() == null ? "" : r.getOptionCode();
            switch (code) {
                case "A" -> {
                    ok(feedback.respond(officer, r.getId(), new ResponseDraft(Recommendation.Response.ADOPTED,
                            "Funded in full from the neighbourhood pot; works start in spring.",
                            "The resurfacing of Hill Street moves to next year to free the design team.",
                            "Neighbourhood pot 2026/27 (NP-2026-04)", 60_000L,
                            "Drivers lose six parking spaces near the schools.",
                            "Six new spaces on Mill Lane, open before the crossings.", cabinet, true)));
                    ok(feedback.recordSignOff(admin, r.getId(), "Cllr Amina Shah, Cabinet Member for Communities",
                            today()));
                }
                case "B" -> ok(feedback.respond(officer, r.getId(), new ResponseDraft(Recommendation.Response.MODIFIED,
                        "Funded, phased over two years so that the watering contract can be tendered.",
                        "20 trees this winter and 20 next winter instead of 40 at once.",
                        "Neighbourhood pot 2026/27 (NP-2026-05)", 24_000L,
                        "Streets in the second phase wait a year.",
                        "Those streets choose their tree species first.", "Head of Neighbourhoods", false)));
                case "C" -> ok(feedback.respond(officer, r.getId(), new ResponseDraft(Recommendation.Response.REJECTED,
                        "The residents' vote backed parklets, but the jury's count funded crossings and trees and"
                                + " the pot has £12,000 left, not the £30,000 parklets cost.",
                        "Spending the rest on parklets would have meant fewer street trees.", null, null,
                        "Residents who voted for parklets.",
                        "Parklets go first on the list for next year's cycle; the £12,000 left rolls over.",
                        "Head of Neighbourhoods", false)));
                default -> ok(feedback.respond(officer, r.getId(), new ResponseDraft(Recommendation.Response.DEFERRED,
                        "Speed limits are set by a traffic order; the Cabinet decides in March after the statutory"
                                + " consultation.",
                        "A lower limit slows buses on route 12 by about a minute.", null, null,
                        "Bus passengers on route 12.", "The bus company is consulted on the timetable first.",
                        cabinet, false)));
            }
        }
        ok(cycles.advance(officer, cycleId, Phase.DECIDE));
        ReportDraft draft = new ReportDraft("Because of you, two school crossings open this year and 40 street"
                + " trees are planted over two winters. Parklets, which residents backed, come first next year.",
                "Crossings: design in spring, building in summer. Trees: first 20 planted this winter.",
                today().plusMonths(3));
        ok(publication.publishReport(officer, cycleId, draft));
        Recommendation trees = feedback.recommendations(cycleId).stream()
                .filter(r -> "B".equals(r.getOptionCode())).findFirst().orElseThrow();
        ok(feedback.respond(officer, trees.getId(), new ResponseDraft(Recommendation.Response.MODIFIED,
                trees.getRationale(), trees.getTradeOff(), trees.getBudgetLine(), 48_000L, trees.getWhoLoses(),
                trees.getOffered(), trees.getDecidedBy(), false)));
        ok(publication.publishCorrection(officer, cycleId, draft, "The amount committed to street trees is £48,000 for"
                + " both winters, not £24,000 (the first winter only)."));
    }

    /**
     * Called with "Neighbourhood ideas 2026" in DECIDE (its recommendations made from each budget's count): answers
     * each, the district budgets' winners as their residents chose; moves on to FEEDBACK and publishes the report,
     * which has a section per budget.
     *
     * @param cost each option's cost by its code (what an adopted option commits)
     */
    public void answerVotedCycle(long cycleId, Map<String, Long> cost) {
        for (Recommendation r : feedback.recommendations(cycleId)) {
            String budget = r.getBudgetCode();
            if (budget == null && r.getSource() == Recommendation.Source.RESIDENTS) {
                ok(feedback.respond(officer, r.getId(), new ResponseDraft(Recommendation.Response.DEFERRED,
                        "Residents backed it, but the jury's count has used the city-wide fund; it goes first on next"
                                + " year's list.", "Funding it now would mean dropping an option the count funded.",
                        null, null, "Residents who voted for it.", "It is first on the list for Neighbourhood ideas"
                        + " 2027.", "Head of Neighbourhoods", false)));
                continue;
            }
            String line = budget == null ? "Neighbourhood fund 2026/27 (NF-2026-" + r.getOptionCode() + ")"
                    : (budget.equals("old-town") ? "Old Town" : "Riverside North") + " district budget 2026/27";
            ok(feedback.respond(officer, r.getId(), new ResponseDraft(Recommendation.Response.ADOPTED,
                    budget == null ? "Funded in full, as the jury's count decided."
                            : "Funded in full, as the district's residents decided in their own budget.",
                    "Nothing else in this budget is delayed; the money was set aside for it.", line,
                    cost.get(r.getOptionCode()), "Nobody loses out.", "Nothing is needed.",
                    "Head of Neighbourhoods", false)));
        }
        ok(cycles.advance(officer, cycleId, Phase.DECIDE));
        ok(publication.publishReport(officer, cycleId, new ReportDraft("You chose what the neighbourhood fund pays"
                + " for, and Old Town and Riverside North each chose what their own district budget pays for. Every"
                + " option the jury's count and the two districts' counts funded is funded in full.",
                "Work on the funded options starts this winter; progress is on the outcomes page.",
                today().plusMonths(3))));
    }

    /**
     * A cycle voted on and waiting for the council's responses, whose feedback promise date has already passed:
     * officers see the alert; its public page says the promise is overdue.
     */
    @Transactional
    public void overdueCycleAwaitingResponses(String council) {
        LocalDate today = today();
        CycleView c = cycles.openDemoCycle(officer, council, new MandateDraft(OVERDUE_TITLE,
                "Which streets should close to traffic after school so that children can play?",
                "Parents asked for safe places to play near home; this pilot tests play streets.",
                "Sam Patel, Head of Neighbourhoods", "Cabinet Member for Communities", "Riverside Police", 20_000L,
                "GBP", LadderLevel.COLLABORATE, Set.of(ValueCell.OUR_WELLBEING), CountingRule.GREEDY, true, false, 40,
                "Facilitation", 2_500L, today.minusDays(3),
                "A \"you said, we did\" report on this site within four weeks of the vote.", "This website"));
        long id = c.id();
        ok(mandate.addDecisionItem(officer, id, "Which streets join the play-street pilot", DecisionItem.Status.OPEN,
                null, LadderLevel.COLLABORATE, null));
        ok(mandate.addSuccessCriterion(officer, id, CriterionKind.OUTCOME,
                "More children play outside after school (school survey, up 15 points)"));
        ok(cycles.advance(officer, id, Phase.AUTHORISE));
        List<String> names = List.of("resident09", "resident10", "resident11", "resident12", "resident13");
        for (String n : names) {
            ok(volunteering.volunteer(resident(n), id, true));
        }
        ok(draws.drawJury(officer, id, names.size(), "play-streets"));
        List<String> drawn = juries.jurorUsernames(id);
        ok(cycles.advance(officer, id, Phase.RECRUIT));
        evidenceDemo.minimalPack(id, "Play streets elsewhere",
                "In 40 towns, closing a street for two hours after school tripled outdoor play.");
        ok(cycles.advance(officer, id, Phase.LEARN));
        ok(voting.defineOption(officer, id, "P1", "Mill Lane play street", "Closed 3-5pm on school days.", 8_000));
        ok(voting.defineOption(officer, id, "P2", "Church Row play street", "Closed 3-5pm on school days.", 9_000));
        ok(voting.defineOption(officer, id, "P3", "Park Avenue play street", "Closed 3-6pm on Fridays.", 7_000));
        ok(cycles.advance(facilitator, id, Phase.DELIBERATE));
        String[][] rankings = {{"P1", "P3"}, {"P1", "P2"}, {"P3", "P1"}, {"P1", "P3", "P2"}, {"P2", "P1"}};
        for (int i = 0; i < drawn.size(); i++) {
            String juror = drawn.get(i);
            ok(voting.castBallot(new Actor(juror, EnumSet.of(Role.RESIDENT, Role.JUROR)), id, Ballot.Channel.JURY,
                    List.of(rankings[i % rankings.length])));
        }
        ok(cycles.advance(officer, id, Phase.VOTE));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
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
