package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.civicloop.cycle.ValueCell;
import org.civicloop.evidence.EvidenceItem.Kind;
import org.civicloop.evidence.EvidenceItem.Perspective;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The demo cycles' evidence packs, written, reviewed, questioned and answered through the evidence use cases (so
 * the audit chain holds all of it). A second demo officer, "reviewer", signs off the balance.
 */
@ApplicationScoped
public class EvidenceDemo {

    public static final String REVIEWER = "reviewer";

    @Inject
    EvidenceService evidence;

    @Inject

    EvidenceAuthoring authoring;

    @Inject

    EvidenceReview review;

    @Inject

    WitnessQuestions witnessQuestions;

    @Inject

    PackReading reading;
    @Inject
    AccountService accounts;
    @Inject
    Juries jury;
    @Inject
    Clock clock;

    private final Actor officer = new Actor("officer", EnumSet.of(Role.OFFICER));
    private final Actor reviewer = new Actor(REVIEWER, EnumSet.of(Role.OFFICER));
    private final Actor facilitator = new Actor("facilitator", EnumSet.of(Role.FACILITATOR));

    /**
     * "Greener streets 2026", while the jury is learning (before its options are written): a first submission
     * rejected for balance, the missing evidence added and the pack published; questions merged, rejected and
     * answered; some reading.
     */
    @Transactional
    public void greenerStreets(long cycleId) {
        ensureReviewer();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        EvidenceVersion trees = add(cycleId, Kind.BRIEFING, Perspective.NEUTRAL, "Street trees: costs and benefits",
                TREES_V1, "Council tree officer", "Priya Shah, Tree Officer", today.minusDays(40), List.of(),
                Set.of(ValueCell.OUR_WELLBEING), null);
        add(cycleId, Kind.COUNTER_ARGUMENT, Perspective.AGAINST, "Why not more trees?",
                "Roots can lift pavements and leaves block drains in autumn; maintenance adds about £80 a year per"
                        + " tree, which the highways budget has to find for decades.",
                "Highways team", "Dan Okafor, Highways Engineer", today.minusDays(38), List.of(),
                Set.of(ValueCell.OUR_RIGHTS_DUTIES), null);
        EvidenceVersion millRoad = add(cycleId, Kind.LIVED_EXPERIENCE_WITNESS, Perspective.LIVED_EXPERIENCE,
                "Living on Mill Road", "\"Our children cannot cross to the park safely. Every morning I walk my"
                        + " two to school because the traffic does not stop.\" A parent's account of the school run.",
                "Witness statement, recorded 3 March", "Amina H., parent on Mill Road", today.minusDays(35),
                List.of(), Set.of(ValueCell.MY_WELLBEING), null);
        add(cycleId, Kind.EXPERT_WITNESS, Perspective.FOR, "Crossings near schools cut child casualties",
                "Zebra crossings within 200 m of a school gate reduce child pedestrian casualties by about a third"
                        + " in the council's own collision data for 2015–2024.",
                "Road safety team, collision data 2015–2024", "Grace Liu, Road Safety Officer", today.minusDays(33),
                List.of(), Set.of(ValueCell.MY_WELLBEING, ValueCell.OUR_RIGHTS_DUTIES), null);
        add(cycleId, Kind.DATA_TABLE, Perspective.NEUTRAL, "Traffic and footfall counts, 2025",
                "Mill Road: 7,400 vehicles a day, 85th percentile speed 31 mph. Station Parade: 2,900 people on foot"
                        + " on a Saturday; 14% of parking bays empty at peak.",
                "Council traffic counts, October 2025", "Transport data team", today.minusDays(45), List.of(),
                Set.of(), null);
        add(cycleId, Kind.COUNTER_ARGUMENT, Perspective.AGAINST, "Parklets take parking from shops",
                "The traders' association fears that losing eight bays on Station Parade will push car-borne"
                        + " shoppers to the retail park.",
                "Letter from Station Parade Traders' Association", "Station Parade Traders' Association",
                today.minusDays(28), List.of(), Set.of(ValueCell.OUR_RIGHTS_DUTIES), null);
        ok(review.submitForReview(officer, cycleId, "First pack for the jury."));
        ok(review.reject(reviewer, cycleId, "Cycle hangars have no evidence at all, and nobody who would use a"
                + " hangar speaks in the pack. Add both before this goes to the jury."));
        add(cycleId, Kind.EXPERT_WITNESS, Perspective.FOR, "Cycle hangars: who is waiting",
                "212 households are on the waiting list for a secure cycle space; each hangar holds six bikes and"
                        + " costs £4,000 including installation.",
                "Active travel team, waiting list January", "Sam Reid, Active Travel Officer", today.minusDays(26),
                List.of(), Set.of(ValueCell.MY_WELLBEING), null);
        add(cycleId, Kind.LIVED_EXPERIENCE_WITNESS, Perspective.LIVED_EXPERIENCE, "Carrying a bike up three flights",
                "\"I live in a third-floor flat. I carry my bike up and down every day, or I leave it in the hall"
                        + " and the neighbours complain.\" A resident of Riverside Court.",
                "Witness statement, recorded 10 March", "Leon M., Riverside Court", today.minusDays(25),
                List.of(), Set.of(ValueCell.MY_WELLBEING), null);
        add(cycleId, Kind.COUNTER_ARGUMENT, Perspective.AGAINST, "Hangars on the carriageway",
                "Each hangar takes one car parking space; on streets with few spaces residents object.",
                "Parking services note", "Parking services", today.minusDays(25), List.of(), Set.of(), null);
        ok(review.submitForReview(officer, cycleId, "Cycle hangars now have evidence and a witness."));
        ok(review.approve(reviewer, cycleId, "Balanced across the proposals and perspectives."));

        List<Actor> jurors = jurors(cycleId);
        EvidenceQuestion shade = ok(witnessQuestions.askQuestion(jurors.get(0), trees.getItemId(),
                "How long does a new street tree take to give real shade?"));
        EvidenceQuestion duplicate = ok(witnessQuestions.askQuestion(jurors.get(1), trees.getItemId(),
                "How many years before the trees shade the pavement?"));
        ok(witnessQuestions.mergeQuestion(facilitator, duplicate.getId(), shade.getId()));
        ok(witnessQuestions.answerQuestion(facilitator, shade.getId(), "About ten years for the species we plant; the"
                + " first summer they already cool the pavement a little.", "Priya Shah, Tree Officer"));
        EvidenceQuestion crossing = ok(witnessQuestions.askQuestion(jurors.get(2), millRoad.getItemId(),
                "Where do the children cross now, and how long do they wait?"));
        ok(witnessQuestions.acceptQuestion(facilitator, crossing.getId()));
        ok(witnessQuestions.answerQuestion(officer, crossing.getId(), "By the bus stop outside number 40, where there"
                + " is no crossing; at 8:30 a gap in the traffic can take two minutes.", "Amina H., parent on Mill Road"));
        EvidenceQuestion rude = ok(witnessQuestions.askQuestion(jurors.get(3), trees.getItemId(),
                "Why should we listen to the highways lot at all, they are useless."));
        ok(witnessQuestions.rejectQuestion(facilitator, rude.getId(), "Questions are about the evidence, not about people."
                + " You are welcome to ask about the roots and drains points instead."));
        List<EvidenceViews.PublishedItem> items = evidence.publishedItems(cycleId);
        for (int i = 0; i < jurors.size(); i++) {
            for (EvidenceViews.PublishedItem item : items.subList(0, Math.min(items.size(), 3 + i))) {
                ok(reading.markRead(jurors.get(i), item.itemId()));
            }
        }
    }

    /**
     * "Greener streets 2026" once its options A–D are written (jury day): items are linked to the options they
     * bear on and a cost corrected (new versions), costed options with social value scores are added, and the
     * pack is signed off again; one question is still waiting for the facilitator.
     */
    @Transactional
    public void greenerStreetsOptions(long cycleId) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        java.util.Map<String, List<String>> links = java.util.Map.of(
                "Street trees: costs and benefits", List.of("B"), "Why not more trees?", List.of("B"),
                "Living on Mill Road", List.of("A"), "Crossings near schools cut child casualties", List.of("A"),
                "Traffic and footfall counts, 2025", List.of("A", "C"), "Parklets take parking from shops",
                List.of("C"), "Cycle hangars: who is waiting", List.of("D"), "Carrying a bike up three flights",
                List.of("D"), "Hangars on the carriageway", List.of("D"));
        for (EvidenceVersion v : evidence.latestVersions(cycleId)) {
            List<String> options = links.getOrDefault(v.getTitle(), List.of());
            boolean trees = v.getTitle().equals("Street trees: costs and benefits");
            ok(authoring.editItem(officer, v.getItemId(), new EvidenceDraft(v.getKind(), v.getPerspective(),
                    v.getTitle(), trees ? TREES_V2 : v.getSummary(), v.getSource(), v.getAuthor(), v.getItemDate(),
                    options, Set.copyOf(v.getValueCellList()), null, null, trees
                    ? "Linked to option B; cost per tree updated to the nursery's 2026 price."
                    : "Linked to the options it bears on.")));
        }
        EvidenceVersion costedA = add(cycleId, Kind.COSTED_OPTION, Perspective.FOR,
                "Costed option A: two school crossings",
                "£60,000 for design, consultation with both schools and building two zebra crossings. Trade-off:"
                        + " six parking spaces are lost (new spaces offered on Mill Lane).",
                "Highways design estimate, February", "Dan Okafor, Highways Engineer", today.minusDays(20),
                List.of("A"), Set.of(ValueCell.MY_WELLBEING),
                new SocialValue(1, "Safer walking routes keep local shops busy at school times.", 2,
                        "Children can walk to school on their own; parents gain time.", 0,
                        "No change in emissions expected from the crossings themselves."));
        add(cycleId, Kind.COSTED_OPTION, Perspective.NEUTRAL, "Costed option B: 40 street trees",
                "£48,000 for 40 trees with three years' watering and care. Trade-off: shade takes about ten years"
                        + " and upkeep continues after the third year.",
                "Tree officer's estimate, February", "Priya Shah, Tree Officer", today.minusDays(20), List.of("B"),
                Set.of(ValueCell.OUR_WELLBEING),
                new SocialValue(0, "Small effect on local trade.", 1, "Greener streets residents say they enjoy.",
                        2, "Shade, rain absorption and cleaner air for decades."));
        ok(review.submitForReview(officer, cycleId, "Linked to the options; costed options added."));
        ok(review.approve(reviewer, cycleId, null));
        ok(witnessQuestions.askQuestion(jurors(cycleId).get(4), costedA.getItemId(),
                "Does the £60,000 include lighting the crossings?"));
    }

    private static final String TREES_V1 = "Each street tree costs about £1,200 planted and watered for three"
            + " years. Trees cool streets by up to 2°C in summer, soak up rain and make drivers slow down.";
    private static final String TREES_V2 = "Each street tree costs about £1,250 planted and watered for three"
            + " years (the nursery's 2026 price). Trees cool streets by up to 2°C in summer, soak up rain and make"
            + " drivers slow down.";

    /** "Youth spaces fund", while the jury is learning: a small published pack with one answered question. */
    @Transactional
    public void youthSpaces(long cycleId) {
        ensureReviewer();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        EvidenceVersion survey = add(cycleId, Kind.DATA_TABLE, Perspective.NEUTRAL, "What young people said",
                "Survey of 412 young people: 63% want an evening space, 48% a sports court, 22% a music studio.",
                "Youth council survey 2026", "Riverside Youth Council", today.minusDays(21), List.of(),
                Set.of(ValueCell.OUR_WELLBEING), null);
        add(cycleId, Kind.EXPERT_WITNESS, Perspective.FOR, "Evening clubs and anti-social behaviour",
                "Where youth clubs opened two evenings a week, calls about anti-social behaviour fell by a fifth"
                        + " within a year.", "Community safety partnership report 2024", "Dr Nia Evans",
                today.minusDays(18), List.of(), Set.of(ValueCell.OUR_WELLBEING), null);
        add(cycleId, Kind.COUNTER_ARGUMENT, Perspective.AGAINST, "Floodlights next to homes",
                "Neighbours of the court worry about light and noise until 10pm; a timer and shielded lights cost"
                        + " £6,000 more.", "Residents' association letter", "Parkside Residents' Association",
                today.minusDays(15), List.of(), Set.of(ValueCell.OUR_RIGHTS_DUTIES), null);
        add(cycleId, Kind.LIVED_EXPERIENCE_WITNESS, Perspective.LIVED_EXPERIENCE, "Nowhere to go after six",
                "\"After six it's the bus shelter or someone's bedroom. We're not causing trouble, there's just"
                        + " nowhere.\" Two sixteen-year-olds from the North estate.",
                "Witness statement, youth council session", "Kai and Jess, 16", today.minusDays(14), List.of(),
                Set.of(ValueCell.MY_WELLBEING), null);
        ok(review.submitForReview(officer, cycleId, null));
        ok(review.approve(reviewer, cycleId, "Every proposal has a voice for and against, or neutral data."));
        List<Actor> jurors = jurors(cycleId);
        EvidenceQuestion q = ok(witnessQuestions.askQuestion(jurors.get(0), survey.getItemId(),
                "How many of the 412 were under 14?"));
        ok(witnessQuestions.answerQuestion(facilitator, q.getId(), "131 of them (32%).", "Riverside Youth Council"));
    }

    /** A one-item published pack (for a rehearsal cycle that only needs to get past LEARN). */
    @Transactional
    public void minimalPack(long cycleId, String title, String summary) {
        ensureReviewer();
        add(cycleId, Kind.BRIEFING, Perspective.NEUTRAL, title, summary, "Rehearsal", "Riverside Borough Council",
                LocalDate.now(clock.withZone(ZoneOffset.UTC)), List.of(), Set.of(), null);
        ok(review.submitForReview(officer, cycleId, null));
        ok(review.approve(reviewer, cycleId, "One neutral briefing: enough for a rehearsal."));
    }

    private EvidenceVersion add(long cycleId, Kind kind, Perspective perspective, String title, String summary,
                                String source, String author, LocalDate date, List<String> options,
                                Set<ValueCell> cells, SocialValue sv) {
        return ok(authoring.addItem(officer, cycleId, new EvidenceDraft(kind, perspective, title, summary, source,
                author, date, options, cells, sv, null, null)));
    }

    private List<Actor> jurors(long cycleId) {
        return jury.jurorUsernames(cycleId).stream()
                .map(u -> new Actor(u, EnumSet.of(Role.RESIDENT, Role.JUROR))).toList();
    }

    private void ensureReviewer() {
        if (accounts.find(REVIEWER).isEmpty()) {
            accounts.createDemoAccount(REVIEWER, "Rosa Reviewer", "civicloop-demo", EnumSet.of(Role.OFFICER));
        }
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Evidence demo refused: " + r.message());
        }
        return result.value();
    }
}
