package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The demo's finished proposals step, made through the same use cases: residents' proposals in three districts with
 * their supports, two duplicates merged, one proposal unfeasible with its reason, three selected as budget options,
 * one feasible proposal left on the shortlist, one advert reported and hidden; residents' comments, one reported
 * and hidden by the council with its reason; then the step closed.
 */
@ApplicationScoped
public class ProposalDemo {

    public static final String DISTRICTS = "Riverside North\nOld Town\nMill Quarter";

    /** The load-test cycle's title (made only when civicloop.demo.proposalLoad is above 0). */
    public static final String LOAD_TITLE = "Proposals at scale (load test)";

    @Inject
    ProposalService proposals;
    @Inject
    ProposalSupports supportsOf;
    @Inject
    ProposalDesk desk;
    @Inject
    ProposalCommentService comments;
    @Inject
    ProposalLoadData loadData;
    @Inject
    ProposalPhotos photos;
    @Inject
    java.time.Clock clock;
    /** For the proposals load test only: this many proposals with twenty times as many supports (0: none). */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "civicloop.demo.proposalLoad", defaultValue = "0")
    int loadSize;

    public int loadSize() {
        return loadSize;
    }

    /**
     * Opens the cycle's proposals step (AUTHORISE) in twelve districts and fills it with {@link #loadSize} proposals
     * and twenty supports a proposal on average, for the load script {@code ProposalListLoad} (in the tests).
     * Not audited.
     */
    @Transactional
    public void loadTest(Actor officer, long cycleId) {
        int n = Math.min(loadSize, 50_000);
        ok(proposals.setAccepting(officer, cycleId, true, String.join("\n", ProposalLoadData.DISTRICTS)));
        loadData.seed(cycleId, ProposalLoadData.DISTRICTS, n, n * 20, clock.instant());
    }

    private static Actor resident(String name) {
        return new Actor(name, EnumSet.of(Role.RESIDENT));
    }

    private long propose(long cycleId, String who, String title, String description, String district, long cost,
                         Double lat, Double lon, String credit) {
        return ok(proposals.propose(resident(who), cycleId, new ProposalDraft(title, description, district, cost, lat,
                lon, credit))).getId();
    }

    private void supportedBy(long proposalId, String... who) {
        for (String w : who) {
            ok(supportsOf.support(resident(w), proposalId));
        }
    }

    /** Runs the proposals step of a published cycle in AUTHORISE or RECRUIT, and closes it. */
    @Transactional
    public void finishedProposals(Actor officer, long cycleId) {
        ok(proposals.setAccepting(officer, cycleId, true, DISTRICTS));
        long benches = propose(cycleId, "resident01", "Benches along the river path",
                "There is nowhere to sit between the bridge and the weir. Six benches would let older people walk it.",
                "Old Town", 10_000, 51.4512, -0.3021, "Demo Resident 1");
        long seats = propose(cycleId, "resident02", "Seats by the river for older people",
                "My mother cannot walk by the river any more because there is nowhere to rest.", "Old Town", 5_000,
                null, null, null);
        long lido = propose(cycleId, "resident03", "Reopen the Mill Quarter lido",
                "The open-air pool closed in 2019. Reopening it would give the children somewhere to swim in summer.",
                "Mill Quarter", 900_000, 51.4470, -0.2950, "Demo Resident 3");
        long verges = propose(cycleId, "resident05", "Wildflower verges in Riverside North",
                "Sow the grass verges of Station Road and Park Lane with wildflowers and cut them twice a year.",
                "Riverside North", 8_000, null, null, "Demo Resident 5");
        ok(photos.attach(resident("resident01"), benches, DemoPhotos.riverPath(),
                "The river path at dusk, with one wooden bench on the grass beside it."));
        ok(photos.attach(resident("resident05"), verges, DemoPhotos.wildflowerVerge(),
                "A grass verge beside a road, dotted with red, yellow, purple and white wildflowers."));
        long bikes = propose(cycleId, "resident06", "Covered bike parking at the station",
                "Forty covered, lockable stands by the station entrance, so people can cycle to the train.",
                "Riverside North", 20_000, 51.4550, -0.3080, "Demo Resident 6");
        long shelter = propose(cycleId, "resident07", "A bike shelter near the station",
                "Bikes left at the station get rained on and stolen. A shelter with stands would help.",
                "Riverside North", 15_000, null, null, null);
        long mural = propose(cycleId, "resident08", "A street art wall in Old Town",
                "Let young artists paint the blank wall of the car park on Mill Street, with a new design each year.",
                "Old Town", 6_000, null, null, "Demo Resident 8");
        long advert = propose(cycleId, "resident09", "Cheap garden sheds this weekend",
                "Call us for the best prices on sheds.", "Mill Quarter", 100, null, null, null);

        supportedBy(benches, "resident05", "resident06", "resident07", "resident10", "juror");
        supportedBy(seats, "resident07", "resident11", "resident12");
        supportedBy(lido, "resident01", "resident08", "resident13", "resident14");
        supportedBy(verges, "resident02", "resident10", "resident11");
        supportedBy(bikes, "resident01", "resident03", "resident12", "resident13");
        supportedBy(shelter, "resident03", "resident14");
        supportedBy(mural, "resident10", "resident12");

        ok(desk.report(resident("resident10"), advert, "An advert for a business, not a proposal."));
        ok(desk.hide(officer, advert, "Advertising: proposals are for spending public money on the area."));

        ok(desk.merge(officer, seats, benches));
        ok(desk.merge(officer, shelter, bikes));

        ok(desk.assess(officer, lido, false, "The pool structure must be rebuilt before it can reopen: about"
                + " £4 million (structural survey, 2025), far beyond this cycle's budget. The leisure service will put it"
                + " to the council's capital programme instead.", null, "Leisure services"));
        ok(desk.assess(officer, benches, true, "Six benches with armrests, installed by the parks team.", 12_500L,
                "Parks and open spaces"));
        ok(desk.assess(officer, verges, true, null, 7_200L, "Parks and open spaces"));
        ok(desk.assess(officer, bikes, true, "Forty stands under a canopy; the rail operator gives the land.",
                18_000L, "Transport planning"));
        ok(desk.assess(officer, mural, true, "Needs the car park owner's consent each year.", 6_500L,
                "Culture and events"));

        ok(desk.select(officer, benches, "BENCH"));
        ok(desk.select(officer, verges, "VERGE"));
        ok(desk.select(officer, bikes, "BIKES"));

        ok(comments.comment(resident("resident11"), benches, "Yes please, and let some of them face the water."));
        ok(comments.comment(resident("resident01"), benches, "Thank you all: the parks team says the benches will"
                + " have armrests, which was the main worry of the older people I asked."));
        ok(comments.comment(resident("resident12"), lido, "A pity it cannot happen this year, but the reason is"
                + " clear. I hope the capital programme takes it."));
        ok(comments.comment(resident("resident14"), bikes, "¡Por fin! Mi hija podrá ir en bici a la estación sin"
                + " miedo a que se la roben."));
        ProposalComment rude = ok(comments.comment(resident("resident13"), mural, "The last wall was ruined by the"
                + " man at number 14 Mill Street, everyone knows it is him."));
        ok(comments.report(resident("resident10"), rude.getId(), "It accuses a neighbour and gives his address."));
        ok(comments.hide(officer, rude.getId(), "It named a private person and gave their address."));

        ok(proposals.setAccepting(officer, cycleId, false, null));
    }

    /**
     * The completed demo cycle's proposals step (RECRUIT): two residents' ideas assessed and made options B and D,
     * so that the rest of the cycle (the vote, the council's answer, the delivery) shows what became of each.
     */
    @Transactional
    public void greenerStreets(Actor officer, long cycleId) {
        ok(proposals.setAccepting(officer, cycleId, true, "North\nSouth"));
        long trees = propose(cycleId, "resident04", "Street trees", "40 street trees with three years' care.",
                "North", 40_000, null, null, "Demo Resident 4");
        long hangars = propose(cycleId, "resident09", "Cycle hangars", "Six secure cycle hangars.", "South", 20_000,
                null, null, null);
        supportedBy(trees, "resident01", "resident02", "resident06");
        supportedBy(hangars, "resident03");
        ok(desk.assess(officer, trees, true, "Planted and watered for three years by the parks team.", 48_000L,
                "Parks and open spaces"));
        ok(desk.assess(officer, hangars, true, null, 24_000L, "Transport planning"));
        ok(desk.select(officer, trees, "B"));
        ok(desk.select(officer, hangars, "D"));
        ok(proposals.setAccepting(officer, cycleId, false, null));
    }

    private static <T> T ok(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new IllegalStateException("Demo data refused: " + r.message());
        }
        return result.value();
    }
}
