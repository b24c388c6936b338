package org.civicloop.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.Set;
import org.civicloop.cycle.ChecklistItem;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CriterionKind;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.LadderLevel;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.ValueCell;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.Phase;
import org.civicloop.deliberation.DeliberationNote;
import org.civicloop.deliberation.DeliberationService;
import org.civicloop.eligibility.EligibilityDemo;
import org.civicloop.evidence.EvidenceDemo;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.PoolImport;
import org.civicloop.jury.JuryAttendance;
import org.civicloop.jury.JuryDraws;
import org.civicloop.jury.Volunteering;
import org.civicloop.jury.Volunteer;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.proposal.ProposalDemo;
import org.civicloop.measure.MeasureDemo;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.OptionProfile;
import org.civicloop.voting.VotingService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.civicloop.deliberation.DeliberationDemo;
import org.civicloop.feedback.FeedbackDemo;
import org.civicloop.jury.LetterAddress;
import org.civicloop.jury.LetterRoundService;
import org.civicloop.voting.DistrictBudgetDemo;
import org.civicloop.voting.PaperBallotDemo;

/**
 * The demo council: accounts for every role and cycles at several phases, one of them walked all the way to the
 * end, all made through the same use cases a person would use (so the audit chain holds it all). Loaded on the
 * first start of an empty database unless civicloop.demo=false.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class.getName());
    public static final String COUNCIL = "Riverside Borough Council (demo)";
    public static final String PASSWORD = "civicloop-demo";

    @Inject
    @ConfigProperty(name = "civicloop.demo", defaultValue = "true")
    boolean enabled;
    @Inject
    Clock clock;
    @Inject
    PaperBallotDemo paperDemo;
    @Inject
    AccountService accounts;
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
    JuryAttendance attendance;
    @Inject
    PoolImport poolImport;
    @Inject
    LetterRoundService letters;
    @Inject
    EvidenceDemo evidenceDemo;
    @Inject
    DeliberationService deliberation;
    @Inject
    VotingService voting;
    @Inject
    FeedbackDemo feedbackDemo;
    @Inject
    MeasureDemo measureDemo;
    @Inject
    DeliberationDemo deliberationDemo;
    @Inject
    ProposalDemo proposalDemo;
    @Inject
    DistrictBudgetDemo districtBudgetDemo;
    @Inject
    EligibilityDemo eligibilityDemo;
    @Inject
    VotedDistrictsDemo votedDistricts;

    private final Actor officer = new Actor("officer", EnumSet.of(Role.OFFICER));
    private final Actor facilitator = new Actor("facilitator", EnumSet.of(Role.FACILITATOR));

    public boolean isEnabled() {
        return enabled;
    }

    @Transactional
    public void loadIfEnabledAndEmpty() {
        if (!enabled || cycles.count() > 0) {
            return;
        }
        long start = System.nanoTime();
        accounts.createDemoAccount("officer", "Olu Officer", PASSWORD, EnumSet.of(Role.OFFICER));
        accounts.createDemoAccount("facilitator", "Fran Facilitator", PASSWORD, EnumSet.of(Role.FACILITATOR));
        accounts.createDemoAccount("demo-admin", "Ada Admin", PASSWORD, EnumSet.of(Role.ADMIN));
        accounts.createDemoAccount("resident", "Rita Resident", PASSWORD, EnumSet.of(Role.RESIDENT));
        accounts.createDemoAccount("juror", "Jo Juror", PASSWORD, EnumSet.of(Role.RESIDENT));
        List<Actor> residents = new ArrayList<>();
        residents.add(resident("juror"));
        for (int i = 1; i <= 14; i++) {
            String name = String.format("resident%02d", i);
            accounts.createDemoAccount(name, "Demo Resident " + i, PASSWORD, EnumSet.of(Role.RESIDENT));
            residents.add(resident(name));
        }

        completedCycle(residents);
        votingCycle(residents);
        recruitingCycle(residents);
        proposalsCycle();
        draftCycle();
        feedbackDemo.overdueCycleAwaitingResponses(COUNCIL);
        LOG.info(() -> "Loaded the demo council in " + (System.nanoTime() - start) / 1_000_000 + " ms.");
    }

    /**
     * "Neighbourhood ideas 2026", the cycle that has voted with district budgets, in a transaction of its own (the
     * demo council's nears the transaction time limit on a busy machine); once, after the demo council.
     */
    public void loadVotedDistrictsIfMissing() {
        long start = System.nanoTime();
        if (enabled && votedDistricts.loadIfMissing(COUNCIL, PASSWORD)) {
            LOG.info(() -> "Loaded the demo's " + VotedDistrictsDemo.TITLE + " in " + (System.nanoTime() - start)
                    / 1_000_000 + " ms.");
        }
    }

    /** The demo jury's categories: two age bands and two areas, two to four jurors each (for a jury of six). */
    static final String QUOTAS = "feature,value,min,max\nage,16-39,2,4\nage,40+,2,4\narea,North,2,4\narea,South,2,4\n";

    private static Map<String, String> answers(int n) {
        return Map.of("age", n % 3 == 0 ? "16-39" : "40+", "area", n % 2 == 0 ? "North" : "South");
    }

    private static Actor resident(String name) {
        return new Actor(name, EnumSet.of(Role.RESIDENT));
    }

    private MandateDraft mandate(String title, String question, String purpose, long budget, int promiseDays,
                                 LadderLevel ladder, Set<ValueCell> cells) {
        return new MandateDraft(title, question, purpose, "Sam Patel, Head of Neighbourhoods",
                "Cabinet Member for Communities", "Riverside Police; Riverside Housing Association", budget, "GBP",
                ladder, cells, CountingRule.GREEDY, true, false, 120, "Facilitation, data analysis, translation", 8_500L,
                LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(promiseDays),
                "A \"you said, we did\" report on this site and an e-mail to everyone who took part.",
                "This website, e-mail and the library notice boards");
    }

    /** What a real officer writes before launch: items up for grabs (and not), criteria, stakeholders, dates. */
    private void authorise(long id, String openItem, String fixedItem, String fixedReason) {
        authorise(id, openItem, fixedItem, fixedReason,
                "Residents feel safer walking in the area (ward survey, up 10 points in two years)",
                "Funded works completed on time");
    }

    /** As above, with the cycle's own outcome and output criteria (each cycle measures what it is about). */
    private void authorise(long id, String openItem, String fixedItem, String fixedReason, String outcome,
                           String output) {
        ok(mandate.addDecisionItem(officer, id, openItem, DecisionItem.Status.OPEN, null, LadderLevel.EMPOWER, null));
        ok(mandate.addDecisionItem(officer, id, fixedItem, DecisionItem.Status.FIXED, fixedReason, null, null));
        ok(mandate.addSuccessCriterion(officer, id, CriterionKind.OUTCOME, outcome));
        ok(mandate.addSuccessCriterion(officer, id, CriterionKind.DISTRIBUTIONAL,
                "The jury matches the ward's age, gender and tenure mix within 5 points"));
        ok(mandate.addSuccessCriterion(officer, id, CriterionKind.OUTPUT, output));
        ok(mandate.addStakeholder(officer, id, "Ward councillors", "Must back the spending at Cabinet"));
        ok(mandate.addStakeholder(officer, id, "Riverside Police", "Partner on community safety outcomes"));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int week = 1;
        for (Phase p : Phase.values()) {
            if (p != Phase.AUTHORISE) {
                ok(mandate.planPhase(officer, id, p, today.plusWeeks(week++ * 2L)));
            }
        }
        for (ChecklistItem item : mandate.checklist(id).subList(0, 3)) {
            ok(mandate.tickChecklistItem(officer, item.getId(), "https://riverside.example.org/engagement/evidence/"
                    + item.getId()));
        }
    }

    /** A cycle walked from mandate to measured outcomes (options B and D came from residents' proposals). */
    private void completedCycle(List<Actor> residents) {
        CycleView c = cycles.openDemoCycle(officer, COUNCIL, mandate("Greener streets 2026",
                "How should we spend £120,000 to make our streets greener and safer to walk?",
                "Residents asked for greener, calmer streets; this pot lets them choose what to fund first.",
                120_000, 30, LadderLevel.EMPOWER, Set.of(ValueCell.OUR_WELLBEING, ValueCell.MY_WELLBEING)));
        long id = c.id();
        authorise(id, "Which street improvements the £120,000 pot funds", "The highways maintenance budget",
                "Set by statute and the council's asset plan; not part of this pot.");
        ok(cycles.advance(officer, id, Phase.AUTHORISE));
        proposalDemo.greenerStreets(officer, id);
        ok(draws.setQuotas(officer, id, QUOTAS));
        int n = 0;
        for (Actor r : residents.subList(0, 10)) {
            ok(volunteering.volunteer(r, id, true, answers(n++)));
        }
        List<Volunteer> invited = ok(draws.drawJury(officer, id, 6, "greener-streets-2026"));
        // One invitee declines and a replacement is drawn within the same categories; everyone else accepts.
        ok(attendance.recordResponse(officer, invited.get(0).getId(), Volunteer.Response.DECLINED));
        ok(attendance.drawReplacement(officer, invited.get(0).getId()));
        List<Volunteer> drawn = jury.jury(id);
        for (Volunteer v : drawn) {
            ok(attendance.recordResponse(officer, v.getId(), Volunteer.Response.ACCEPTED));
            ok(attendance.recordAttendance(officer, v.getId()));
        }
        ok(cycles.advance(officer, id, Phase.RECRUIT));
        evidenceDemo.greenerStreets(id);
        ok(cycles.advance(facilitator, id, Phase.LEARN));
        ok(deliberation.recordNote(facilitator, id, "Round 1: evidence", DeliberationNote.Kind.NOTE,
                "Jurors asked how long trees take to give shade (about 10 years)."));
        ok(deliberation.recordNote(facilitator, id, "Round 3: deliberation", DeliberationNote.Kind.AGREEMENT,
                "Safe crossings near schools come first."));
        ok(deliberation.recordNote(facilitator, id, "Round 3: deliberation", DeliberationNote.Kind.MINORITY_POSITION,
                "2 of 6 jurors would rather spend everything on trees: shade lasts for generations."));
        CostedOption crossings = ok(voting.defineOption(officer, id, "A", "School crossings",
                "Two zebra crossings by schools.", 60_000));
        ok(voting.describeOption(officer, crossings.getId(), new OptionProfile(
                Set.of(ValueCell.MY_WELLBEING, ValueCell.OUR_RIGHTS_DUTIES), "£60,000; highways design team",
                "Design, consult the schools, build two zebra crossings", "Two crossings open by September",
                "More children walk to school safely", "Pupils and parents of two schools; drivers lose a few"
                        + " parking spaces (offered: new spaces on Mill Lane)",
                "Lighting and repainting: about £1,500 a year", List.of())));
        ok(voting.defineOption(officer, id, "C", "Parklets", "Four parklets with seating and planting.", 30_000));
        evidenceDemo.greenerStreetsOptions(id);
        deliberationDemo.load(id, true);
        ok(cycles.advance(facilitator, id, Phase.DELIBERATE));
        String[][] rankings = {{"A", "B", "C"}, {"A", "C", "D"}, {"B", "A", "D"}, {"A", "B", "D"}, {"C", "A", "B"},
                {"B", "A", "C"}};
        for (int i = 0; i < drawn.size(); i++) {
            String juror = accounts.usernameOf(drawn.get(i).getAccountId());
            ok(voting.castBallot(new Actor(juror, EnumSet.of(Role.RESIDENT, Role.JUROR)), id, Ballot.Channel.JURY,
                    List.of(rankings[i % rankings.length])));
        }
        ok(voting.castBallot(resident("resident"), id, Ballot.Channel.RESIDENTS, List.of("B", "C")));
        // A burst of identical residents' ballots is flagged as a possible campaign (the fifth on); the officer
        // excludes the flagged ones with a public reason, which the results, the open data and the report show.
        for (Actor r : residents.subList(0, 6)) {
            ok(voting.castBallot(r, id, Ballot.Channel.RESIDENTS, List.of("B", "C")));
        }
        ok(voting.decideFlagged(officer, id, "B,C", true, "Cast within two minutes from accounts opened the same"
                + " morning; the council could not confirm they were residents"));
        ok(cycles.advance(officer, id, Phase.VOTE));
        feedbackDemo.decideAndReport(id);
        ok(cycles.advance(officer, id, Phase.FEEDBACK));
        measureDemo.measureAndClose(id);
    }

    /** A cycle open for voting: jurors and residents can rank its options now. */
    private void votingCycle(List<Actor> residents) {
        CycleView c = cycles.openDemoCycle(officer, COUNCIL, mandate("Youth spaces fund",
                "Which youth spaces should we fund with £80,000 this year?",
                "Young people told the youth council there is nowhere to go after 6pm.", 80_000, 90,
                LadderLevel.EMPOWER, Set.of(ValueCell.OUR_WELLBEING)));
        long id = c.id();
        authorise(id, "Which youth spaces the £80,000 fund pays for", "Opening hours of existing youth centres",
                "Set in the staff contracts until March 2027.",
                "More young people say they have somewhere safe to go after 6pm (youth survey, up 15 points in a year)",
                "Funded youth spaces open by the end of the year");
        ok(cycles.advance(officer, id, Phase.AUTHORISE));
        ok(volunteering.volunteer(resident("juror"), id, true));
        for (Actor r : residents.subList(5, 12)) {
            ok(volunteering.volunteer(r, id, true));
        }
        // The demo juror is always on this jury, so the demo account can vote in the jury channel.
        List<Volunteer> pool = jury.pool(id);
        ok(draws.drawJury(officer, id, pool.size(), "youth-spaces"));
        ok(cycles.advance(officer, id, Phase.RECRUIT));
        evidenceDemo.youthSpaces(id);
        ok(cycles.advance(officer, id, Phase.LEARN));
        ok(voting.defineOption(officer, id, "Y1", "Evening youth club", "Two evenings a week for a year.", 35_000));
        ok(voting.defineOption(officer, id, "Y2", "Floodlit court", "Resurfaced, floodlit multi-use court.", 50_000));
        ok(voting.defineOption(officer, id, "Y3", "Skate park repair", "Repair and extend the skate park.", 25_000));
        ok(voting.defineOption(officer, id, "Y4", "Music studio", "A small recording studio at the library.", 18_000));
        ok(cycles.advance(facilitator, id, Phase.DELIBERATE));
        ok(voting.castBallot(new Actor("resident05", EnumSet.of(Role.RESIDENT, Role.JUROR)), id,
                Ballot.Channel.JURY, List.of("Y1", "Y3", "Y4")));
        paperDemo.load(id);
        deliberationDemo.load(id, false);
    }

    /** A cycle recruiting its jury: residents can volunteer. */
    private void recruitingCycle(List<Actor> residents) {
        CycleView c = cycles.openDemoCycle(officer, COUNCIL, mandate("Library opening hours",
                "How should our libraries' opening hours change within the same budget?",
                "Opening hours were set in 2009; usage has changed since.", 15_000, 120,
                LadderLevel.INVOLVE, Set.of(ValueCell.OUR_WELLBEING, ValueCell.OUR_RIGHTS_DUTIES)));
        long id = c.id();
        authorise(id, "How the libraries' opening hours are spread over the week", "The total staffing budget",
                "Agreed in the council's budget for 2026/27.",
                "More visits at the times residents said they can come (library counts, evening and weekend visits up"
                        + " 20 % in a year)",
                "New opening hours in place at every branch within three months of the decision");
        ok(cycles.advance(officer, id, Phase.AUTHORISE));
        ok(draws.setQuotas(officer, id, QUOTAS));
        int n = 0;
        for (Actor r : residents.subList(8, 13)) {
            ok(volunteering.volunteer(r, id, true, answers(n++)));
        }
        // This volunteer lives at an address that is also in the imported letter round: one household.
        ok(volunteering.volunteer(residents.get(13), id, true, answers(n), "4 Mill Lane, RV2 7QT"));
        ok(poolImport.importPool(officer, id, LibraryDemoFiles.POOL, "id", List.of("address", "postcode")));
        // A letter round: 12 letters drawn from a 60-line address list, split across three areas in proportion; two
        // residents registered with their letter's code (the letter's address is their household).
        ok(letters.uploadAddresses(officer, id, LibraryDemoFiles.ADDRESSES, "uprn", List.of("line1", "postcode"),
                "ward"));
        ok(letters.commitLetters(officer, id, 12, true, "library-letters-2026"));
        ok(letters.drawLetters(officer, id));
        List<LetterAddress> sent = letters.letters(id);
        for (int i = 0; i < 2; i++) {
            ok(volunteering.volunteer(residents.get(i), id, true, answers(i + 6), null, sent.get(i * 5).getCode()));
        }
    }

    /** A cycle whose residents' proposals step is finished: merged duplicates, one unfeasible, three options. */
    private void proposalsCycle() {
        CycleView c = cycles.openDemoCycle(officer, COUNCIL, mandate("Neighbourhood ideas 2027",
                "Which of residents' own ideas should the neighbourhood fund spend its £60,000 on?",
                "Residents asked to bring their own ideas rather than choose from the council's list.", 60_000, 150,
                LadderLevel.EMPOWER, Set.of(ValueCell.OUR_WELLBEING, ValueCell.OUR_RIGHTS_DUTIES)));
        long id = c.id();
        authorise(id, "Which residents' proposals are funded", "The fund's total of £60,000",
                "Set in the council's budget for 2027/28.");
        ok(cycles.advance(officer, id, Phase.AUTHORISE));
        proposalDemo.finishedProposals(officer, id);
        eligibilityDemo.electorate(officer, id, ProposalDemo.DISTRICTS);
        districtBudgetDemo.load(officer, id);
        if (proposalDemo.loadSize() > 0) {
            CycleView load = cycles.openDemoCycle(officer, COUNCIL, mandate(ProposalDemo.LOAD_TITLE,
                    "Which of thousands of residents' ideas should the city fund?",
                    "Measure listing and searching a city's worth of proposals.", 1_000_000, 150,
                    LadderLevel.EMPOWER, Set.of(ValueCell.OUR_WELLBEING)));
            authorise(load.id(), "Which residents' proposals are funded", "The fund's total",
                    "Set for the load test.");
            ok(cycles.advance(officer, load.id(), Phase.AUTHORISE));
            proposalDemo.loadTest(officer, load.id());
        }
    }

    /** A mandate still being written (not public yet). */
    private void draftCycle() {
        cycles.openDemoCycle(officer, COUNCIL, MandateDraft.basic("Community safety pot",
                "What should the community safety pot fund next year?", 50_000L, "GBP"));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
