package org.civicloop.deliberation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;
import org.civicloop.evidence.EvidenceDemo;

/**
 * The demo's jury days, made through the deliberation use cases (so the audit chain holds them): a completed session
 * for the closed cycle (rounds with notes, agreements and a minority position, two seatings at tables with their
 * outputs, a question from the floor, before and after answers that shift), and a planned session for the cycle in
 * its vote that a facilitator can run live on first start. Called by {@code DemoData} while each cycle is on jury day.
 */
@ApplicationScoped
public class DeliberationDemo {

    @Inject
    SessionService sessions;
    @Inject
    SessionFloor floor;
    @Inject
    SessionNotes notes;
    @Inject
    SessionPlanning planning;
    @Inject
    RoundControl rounds;
    @Inject
    JuryTables tables;
    @Inject
    ParticipationService participation;
    @Inject
    DiscussionService discussion;
    @Inject
    JuryService jury;
    @Inject
    Volunteering volunteering;
    @Inject
    JuryDraws draws;
    @Inject
    Juries juries;
    @Inject
    AccountService accounts;
    @Inject
    VotingService voting;
    @Inject
    CycleService cycles;
    @Inject
    MandateService mandate;
    @Inject
    EvidenceDemo evidenceDemo;
    @Inject
    Clock clock;
    /** For the latency load test only: a rehearsal cycle on jury day with this many jurors (0: none). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "civicloop.demo.rehearsalJurors",
            defaultValue = "0")
    int rehearsalJurors;

    public static final String REHEARSAL_TITLE = "Jury day rehearsal (load test)";

    private final Actor facilitator = new Actor("facilitator", EnumSet.of(Role.FACILITATOR));

    /** Both demo jury days: {@code completedCycle} while it deliberates, {@code liveCycle} once it is open. */
    public void load(long cycleId, boolean complete) {
        if (complete) {
            completedSession(cycleId);
        } else {
            plannedSession(cycleId);
            if (rehearsalJurors > 0) {
                rehearsal(Math.min(rehearsalJurors, 500));
            }
        }
    }

    /**
     * A cycle on jury day with {@code n} jurors (accounts rehearsal001.., the demo password) and a session with five
     * statement polls, for {@code LiveLatencyBenchmark}. Made only when civicloop.demo.rehearsalJurors is set.
     */
    void rehearsal(int n) {
        Actor officer = new Actor("officer", EnumSet.of(Role.OFFICER));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        CycleView c = cycles.openDemoCycle(officer, "Riverside Borough Council (demo)", new MandateDraft(REHEARSAL_TITLE,
                "Rehearsal of a jury day at full size.", "Measure live updates with a full jury.", "Sam Patel",
                "Cabinet", null, 10_000L, "GBP", LadderLevel.INVOLVE, Set.of(ValueCell.OUR_WELLBEING),
                CountingRule.GREEDY, false, false, 10, "Facilitation", 100L, today.plusDays(60),
                "A report on this site.", "This website"));
        long id = c.id();
        ok(mandate.addDecisionItem(officer, id, "Which rehearsal option wins", DecisionItem.Status.OPEN, null,
                LadderLevel.INVOLVE, null));
        ok(mandate.addSuccessCriterion(officer, id, CriterionKind.OUTCOME, "Every screen keeps up with the room"));
        ok(cycles.advance(officer, id, Phase.AUTHORISE));
        for (int i = 1; i <= n; i++) {
            String name = String.format("rehearsal%03d", i);
            accounts.createDemoAccount(name, "Rehearsal juror " + i, "civicloop-demo", EnumSet.of(Role.RESIDENT));
            ok(volunteering.volunteer(resident(name), id, true));
        }
        ok(draws.drawJury(officer, id, n, "rehearsal"));
        ok(cycles.advance(officer, id, Phase.RECRUIT));
        evidenceDemo.minimalPack(id, "Rehearsal evidence", "For the load test.");
        ok(cycles.advance(officer, id, Phase.LEARN));
        ok(voting.defineOption(officer, id, "R1", "Rehearsal option one", "For the load test.", 5_000));
        ok(voting.defineOption(officer, id, "R2", "Rehearsal option two", "For the load test.", 5_000));
        ok(planning.addStatement(facilitator, id, "The screens keep up with the room."));
    }

    private List<Actor> jurors(long cycleId) {
        List<Actor> out = new ArrayList<>();
        for (String juror : juries.jurorUsernames(cycleId)) {
            out.add(new Actor(juror, EnumSet.of(Role.RESIDENT, Role.JUROR)));
        }
        return out;
    }

    private static Actor resident(String name) {
        return new Actor(name, EnumSet.of(Role.RESIDENT));
    }

    /** "Greener streets 2026": a whole jury day, ended, with a real shift. */
    void completedSession(long cycleId) {
        OpinionStatement safety = ok(planning.addStatement(facilitator, cycleId,
                "Making it safe for children to walk to school matters more than anything else in this pot."));
        OpinionStatement trees = ok(planning.addStatement(facilitator, cycleId,
                "Street trees are worth their upkeep costs."));
        OpinionStatement parking = ok(planning.addStatement(facilitator, cycleId,
                "Losing some parking spaces is an acceptable price for greener streets."));
        List<Actor> jurors = jurors(cycleId);
        // Before (at the start of jury day): scores for the three statements and a ranking of A..D per juror.
        int[][] before = {{3, 4, 2}, {4, 2, 2}, {2, 5, 3}, {3, 3, 1}, {4, 4, 2}, {2, 5, 3}};
        String[][] rankBefore = {{"B", "A", "C", "D"}, {"A", "D", "C", "B"}, {"B", "C", "A", "D"},
                {"C", "A", "B", "D"}, {"A", "B", "C", "D"}, {"B", "A", "D", "C"}};
        for (int i = 0; i < jurors.size(); i++) {
            int[] b = before[i % before.length];
            ok(participation.answerQuestions(jurors.get(i), cycleId, SessionRound.Stage.BEFORE,
                    Map.of(safety.getId(), b[0], trees.getId(), b[1], parking.getId(), b[2]),
                    List.of(rankBefore[i % rankBefore.length])));
        }
        // Residents online (not jurors): their own before answers, reported beside the jury's.
        List<Actor> online = List.of(resident("resident"), resident("resident12"), resident("resident13"));
        int[][] onlineBefore = {{3, 3, 2}, {2, 4, 3}, {4, 2, 1}};
        String[][] onlineRank = {{"B", "C", "A", "D"}, {"C", "B", "A", "D"}, {"A", "B", "C", "D"}};
        for (int i = 0; i < online.size(); i++) {
            int[] b = onlineBefore[i];
            ok(participation.answerQuestions(online.get(i), cycleId, SessionRound.Stage.BEFORE,
                    Map.of(safety.getId(), b[0], trees.getId(), b[1], parking.getId(), b[2]), List.of(onlineRank[i])));
        }
        DiscussionPost pro = ok(discussion.post(online.get(0), cycleId, "B", DiscussionPost.Stance.FOR, null,
                "Trees planted now shade the street for our grandchildren; nothing else here lasts as long."));
        ok(discussion.post(online.get(1), cycleId, "B", DiscussionPost.Stance.AGAINST, null,
                "£80 a year per tree adds up, and roots lift the pavements older people walk on."));
        ok(discussion.post(online.get(2), cycleId, "B", DiscussionPost.Stance.REPLY, pro.getId(),
                "Agreed, if the watering contract is part of the price."));
        ok(discussion.post(online.get(2), cycleId, "A", DiscussionPost.Stance.FOR, null,
                "Two crossings by the schools would change the school run for hundreds of children."));
        DiscussionPost rude = ok(discussion.post(online.get(1), cycleId, "C", DiscussionPost.Stance.AGAINST, null,
                "Parklets are for people who never have to park, and whoever suggested them is an idiot."));
        ok(discussion.hide(facilitator, rude.getId(), "Personal attack: argue with the idea, not the person."));

        JurySession s = ok(planning.createSession(facilitator, cycleId, "Jury day: Greener streets"));
        long id = s.getId();
        SessionRound evidence = round(id, SessionRound.Kind.EVIDENCE, "Evidence: trees, crossings, parklets",
                "What does each option cost and what does it change?", 30, null, null);
        SessionRound witnesses = round(id, SessionRound.Kind.WITNESS_QUESTIONS, "Questions to the witnesses",
                "Ask the tree officer, the highways team and a parent from Mill Road.", 30, null, null);
        SessionRound tables1 = round(id, SessionRound.Kind.SMALL_GROUP, "Tables: what matters most?",
                "What would make the biggest difference to your street?", 40, null, null);
        SessionRound tables2 = round(id, SessionRound.Kind.SMALL_GROUP, "Tables, mixed again: trade-offs",
                "If we can only fund two options, which two and why?", 40, null, null);
        SessionRound open = round(id, SessionRound.Kind.OPEN_DISCUSSION, "Open discussion: towards a view",
                "Where do we agree, and where do we not?", 30, null, null);
        SessionRound pollSafety = round(id, SessionRound.Kind.POLL_STATEMENT, "After: safe walk to school",
                null, 5, SessionRound.Stage.AFTER, safety.getId());
        SessionRound pollTrees = round(id, SessionRound.Kind.POLL_STATEMENT, "After: trees and their upkeep",
                null, 5, SessionRound.Stage.AFTER, trees.getId());
        SessionRound pollParking = round(id, SessionRound.Kind.POLL_STATEMENT, "After: parking for greener streets",
                null, 5, SessionRound.Stage.AFTER, parking.getId());
        SessionRound ranking = round(id, SessionRound.Kind.POLL_RANKING, "After: rank the options",
                "Put the four options in order, your first choice at the top.", 10, SessionRound.Stage.AFTER, null);

        run(evidence);
        ok(notes.recordNote(facilitator, evidence.getId(), DeliberationNote.Kind.NOTE,
                "Jurors asked how long new trees take to give shade: about ten years.", null));
        run(witnesses);
        Actor asker = jurors.get(1);
        SessionQuestion q = ok(participation.askQuestion(asker, id,
                "How many children cross Mill Road each morning?"));
        ok(floor.decideQuestion(facilitator, q.getId(), SessionQuestion.Status.QUEUED));
        ok(participation.hand(jurors.get(2), id, true));
        ok(floor.decideQuestion(facilitator, q.getId(), SessionQuestion.Status.ANSWERED));
        ok(floor.lowerHand(facilitator, sessions.raisedHands(id).get(0).getId()));
        finish(witnesses);
        seatAndRecord(tables1, new String[][] {
                {"Crossings first: children's safety came up at every seat.", "Safety near schools comes first.",
                        "Whether trees or parklets come second."},
                {"Trees matter for summer heat; upkeep needs a contract.", "Any tree planting must include care.",
                        "Some would give up parking for parklets, some would not."}});
        seatAndRecord(tables2, new String[][] {
                {"Crossings and trees make the best pair within the budget.", "Fund crossings in full.",
                        "Two jurors still prefer all trees."},
                {"Crossings and trees; hangars can wait for the next pot.", "Hangars are not urgent.",
                        "None recorded."}});
        run(open);
        ok(notes.recordNote(facilitator, open.getId(), DeliberationNote.Kind.AGREEMENT,
                "Safe crossings near schools come first, then street trees with three years' care.", null));
        ok(notes.recordNote(facilitator, open.getId(), DeliberationNote.Kind.MINORITY_POSITION,
                "Spend everything on trees: shade lasts for generations and crossings could come from the highways"
                        + " budget.", 2));
        // After: each statement as a poll round, then the ranking, answered on the jurors' phones.
        int[][] after = {{5, 4, 3}, {5, 3, 3}, {3, 5, 4}, {4, 3, 2}, {5, 4, 3}, {4, 5, 4}};
        String[][] rankAfter = {{"A", "B", "C", "D"}, {"A", "B", "D", "C"}, {"B", "A", "C", "D"},
                {"A", "C", "B", "D"}, {"A", "B", "C", "D"}, {"A", "B", "D", "C"}};
        SessionRound[] polls = {pollSafety, pollTrees, pollParking};
        for (int p = 0; p < polls.length; p++) {
            start(polls[p]);
            for (int i = 0; i < jurors.size(); i++) {
                ok(participation.answerPoll(jurors.get(i), polls[p].getId(),
                        new ParticipationService.PollAnswer(after[i % after.length][p], null)));
            }
            finish(polls[p]);
        }
        start(ranking);
        for (int i = 0; i < jurors.size(); i++) {
            ok(participation.answerPoll(jurors.get(i), ranking.getId(),
                    new ParticipationService.PollAnswer(null, List.of(rankAfter[i % rankAfter.length]))));
        }
        ok(rounds.endSession(facilitator, id));
        // Residents online answer again after the discussion.
        int[][] onlineAfter = {{4, 3, 2}, {3, 4, 3}, {5, 2, 2}};
        String[][] onlineRankAfter = {{"A", "B", "C", "D"}, {"B", "C", "A", "D"}, {"A", "B", "C", "D"}};
        for (int i = 0; i < online.size(); i++) {
            int[] a = onlineAfter[i];
            ok(participation.answerQuestions(online.get(i), cycleId, SessionRound.Stage.AFTER,
                    Map.of(safety.getId(), a[0], trees.getId(), a[1], parking.getId(), a[2]),
                    List.of(onlineRankAfter[i])));
        }
    }

    /** "Youth spaces fund": a session planned and ready for a facilitator to run live. */
    void plannedSession(long cycleId) {
        OpinionStatement evening = ok(planning.addStatement(facilitator, cycleId,
                "Young people need somewhere to go after 6pm more than anything else."));
        ok(planning.addStatement(facilitator, cycleId, "Sports facilities benefit all young people, not just a few."));
        JurySession s = ok(planning.createSession(facilitator, cycleId, "Youth jury day (live)"));
        long id = s.getId();
        round(id, SessionRound.Kind.POLL_STATEMENT, "Where do you stand?", null, 5, SessionRound.Stage.DURING,
                evening.getId());
        round(id, SessionRound.Kind.EVIDENCE, "What young people told us",
                "Survey of 412 young people: what did they ask for?", 15, null, null);
        round(id, SessionRound.Kind.WITNESS_QUESTIONS, "Questions to the youth workers",
                "Ask about opening hours, staffing and safety.", 20, null, null);
        round(id, SessionRound.Kind.SMALL_GROUP, "Tables: which two spaces first?", null, 25, null, null);
        round(id, SessionRound.Kind.OPEN_DISCUSSION, "Open discussion", "Where do we agree?", 20, null, null);
        round(id, SessionRound.Kind.POLL_RANKING, "Rank the options", "Your first choice at the top.", 5,
                SessionRound.Stage.AFTER, null);
        List<CostedOption> options = voting.options(cycleId);
        if (!options.isEmpty()) {
            ok(discussion.post(resident("resident02"), cycleId, options.get(0).getCode(), DiscussionPost.Stance.FOR,
                    null, "Two evenings a week would keep my son off the high street at night."));
        }
    }

    private SessionRound round(long sessionId, SessionRound.Kind kind, String title, String question, int minutes,
                               SessionRound.Stage stage, Long statementId) {
        return ok(planning.addRound(facilitator, sessionId, kind, title, question, minutes, stage, statementId));
    }

    private void start(SessionRound r) {
        ok(rounds.control(facilitator, r.getId(), RoundControl.Control.START, 0));
    }

    private void finish(SessionRound r) {
        ok(rounds.control(facilitator, r.getId(), RoundControl.Control.FINISH, 0));
    }

    private void run(SessionRound r) {
        start(r);
        if (r.getKind() != SessionRound.Kind.WITNESS_QUESTIONS) {
            finish(r);
        }
    }

    private void seatAndRecord(SessionRound r, String[][] outputs) {
        start(r);
        ok(tables.allocateTables(facilitator, r.getId(), outputs.length));
        for (int t = 0; t < outputs.length; t++) {
            ok(tables.recordTableOutput(facilitator, r.getId(), t + 1, outputs[t][0], outputs[t][1],
                    outputs[t][2]));
        }
        finish(r);
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Deliberation demo refused: " + r.key() + " " + r.message());
        }
        return result.value();
    }
}
