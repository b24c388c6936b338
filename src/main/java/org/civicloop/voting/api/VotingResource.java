package org.civicloop.voting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Csv;
import org.civicloop.platform.ApiLanguage;
import org.civicloop.platform.Problem;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.ValueCell;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.BallotBoxes;
import org.civicloop.voting.BallotCounting;
import org.civicloop.voting.BallotExport;
import org.civicloop.voting.FlaggedBallots;
import org.civicloop.voting.StoredCounts;
import org.civicloop.voting.Budget;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;
import org.civicloop.voting.count.TieBreaking;
import org.civicloop.platform.RateLimits;

/** The vote of a cycle: its budget options, casting, and once the vote closed the count and the ballots. */
@Path("/v1/cycles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vote", description = "Budget options, casting ballots, and the count and ballots of a closed vote")
public class VotingResource {

    @Inject
    RateLimits rateLimits;
    @Context
    HttpHeaders headers;
    @Inject
    CurrentUser currentUser;
    @Inject
    VotingService voting;
    @Inject
    BallotBoxes boxes;
    @Inject
    FlaggedBallots flaggedBallots;
    @Inject
    StoredCounts storedCounts;
    @Inject
    Budgets budgets;
    @Inject
    Cycles cycleViews;

    /** The budget named by a {@code budget} parameter (absent or {@value Budget#CITY}: the city-wide one), else 404. */
    private Budget budget(long id, String code) {
        return budgets.find(id, code).orElseThrow(() -> new WebApplicationException(Problem.of(404, "Not Found",
                "problem.detail.noBudget", code)));
    }

    public record ValueChain(String inputs, String activities, String outputs, String outcomes) {
    }

    public record OptionView(String code, String title, String description, long cost, String currency,
                             List<ValueCell> valueCells, ValueChain valueChain, String groupsAffected,
                             String knockOnCosts, List<Long> evidenceIds) {
    }

    @GET
    @Path("/{id}/options")
    @Operation(summary = "The costed budget options of a published cycle, with their public value cells, value"
            + " chain, the groups they affect, knock-on costs and the evidence they rest on")
    @APIResponse(responseCode = "404", description = "No published cycle has this id, or no budget this code")
    public List<OptionView> options(@PathParam("id") long id,
                                    @Parameter(description = "A budget's code (see /budgets); absent: the city-wide"
                                            + " budget") @QueryParam("budget") String budget) {
        CycleView c = cycleViews.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
        return voting.options(id, budget(id, budget).id()).stream().map(o -> new OptionView(o.getCode(), o.getTitle(), o.getDescription(),
                o.getCost(), c.currency(), o.getValueCellList(), new ValueChain(o.getChainInputs(),
                o.getChainActivities(), o.getChainOutputs(), o.getChainOutcomes()), o.getGroupsAffected(),
                o.getKnockOnCosts(), o.getEvidenceIdList())).toList();
    }

    public record CastRequest(@NotNull Ballot.Channel channel, @NotNull @Size(min = 1, max = 200) List<String> ranking,
                              @Size(max = 20) String previousReceipt, @Size(max = 20) String budget) {
    }

    public record CastReply(String receipt) {
    }

    @POST
    @Path("/{id}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Cast a ranked ballot (most wanted first) in the JURY or RESIDENTS channel",
            description = "One person, one ballot per channel and budget, enforced by the database. budget: the code"
                    + " of a district budget (RESIDENTS only, for residents verified in its district; absent or city:"
                    + " the city-wide budget). Answers the receipt code;"
                    + " 409 when this person has already voted (unless the mandate lets them change it and they give"
                    + " the receipt of their current ballot).")
    @APIResponse(responseCode = "201", description = "Cast; the body holds the receipt code")
    @APIResponse(responseCode = "400", description = "A bad ranking, or previousReceipt is not the receipt of the"
            + " ballot this account cast (only the caster can change a ballot)")
    @APIResponse(responseCode = "403", description = "Not a juror (JURY), not verified for the cycle, or (a district"
            + " budget) not verified in its district; nothing is recorded")
    @APIResponse(responseCode = "404", description = "No budget with this code")
    @APIResponse(responseCode = "409", description = "Already voted, or the vote is not open")
    @APIResponse(responseCode = "429", description = "Too many casting attempts from this account or address;"
            + " Retry-After says when to try again")
    public Response cast(@PathParam("id") long id, @Valid @NotNull CastRequest r,
                         @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest request) {
        java.util.Optional<java.time.Duration> wait = rateLimits.ballot(currentUser.getUsername(),
                request.getRemoteAddr());
        if (wait.isPresent()) {
            throw new WebApplicationException(RateLimits.tooManyRequestsSaying(wait.get(),
                    "problem.detail.ballotSubmissions"));
        }
        String receipt = Refusals.orThrow(voting.castBallot(currentUser.actor(), id, r.channel(), r.budget(),
                r.ranking(), r.previousReceipt()));
        return Response.status(201).entity(new CastReply(receipt)).build();
    }


    private CycleView closedVote(long id) {
        CycleView c = cycleViews.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
        if (!c.phase().isAfter(Phase.VOTE)) {
            throw new WebApplicationException(Problem.of(409, "Conflict",
                    "problem.detail.resultsNotYet"));
        }
        return c;
    }

    @GET
    @Path("/{id}/results")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The count of each channel (jury, residents) with the rule of the mandate: winners, rounds,"
            + " ties broken, and why every other option lost",
            description = "Every parameter of the count is stated: rule, seats (STV; null for budget rules), tieBreak"
                    + " and budget; the .pb exports state the same, so a recount needs nothing unpublished. Sentences"
                    + " are in the request's language (?lang=en|es, else Accept-Language, else English; options by"
                    + " title, amounts as money): tieBreak, each round's description, each tie's method and lost"
                    + " (option code to sentence); the same as data beside them, whatever the language: tieBreakCode,"
                    + " each round's code and values, each tie's methodCode, and lostReasons (option code to {code,"
                    + " values}). residents.flagged: the"
                    + " residents' ballots flagged as a possible campaign and how they were treated (ballots, counted,"
                    + " excluded, undecided = counted without a decision, each decision with its public reason, and"
                    + " excludedReceipts: every receipt left out of the count with its reason). Excluded ballots stay"
                    + " in the ballot box, its root and the exports; the count, and a recount of the export, leave"
                    + " them out. With budget=CODE, the count of that district budget: budgetCode, district, its own"
                    + " rule, seats and budget (amount), and only residents (jury ballots are cast in the city-wide"
                    + " budget), with excludedReceipts among its ballots. The count is the one stored when the vote"
                    + " closed, never recounted on a read: stored (every channel's count is stored), and in each"
                    + " channel stored, storedAt, root (the Merkle root of the box it counted) and resultDigest"
                    + " (SHA-256 of the stored result); /recount compares a fresh count with it.")
    @APIResponse(responseCode = "404", description = "No budget with this code")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public String results(@PathParam("id") long id, @QueryParam("lang") String lang,
                          @Parameter(description = "A budget's code (see /budgets); absent: the city-wide budget")
                          @QueryParam("budget") String budgetCode) {
        CycleView c = closedVote(id);
        java.util.Locale locale = ApiLanguage.of(headers, lang);
        Budget budget = budget(id, budgetCode);
        if (!budget.cityWide()) {
            return districtResults(c, budget, locale);
        }
        VotingService.Count jury = voting.count(id, Ballot.Channel.JURY);
        VotingService.Count residents = voting.count(id, Ballot.Channel.RESIDENTS);
        String seats = jury.rule().isBudgetRule() ? "null"
                : Integer.toString(BallotCounting.seats(jury.rule(), voting.options(id).size()));
        return "{\"cycle\": " + id + ", \"rule\": \"" + jury.rule().cliName() + "\", \"seats\": " + seats
                + ", \"tieBreak\": " + jakarta.json.Json.createValue(jury.text(locale).tieMethod(TieBreaking.METHOD))
                + ", \"tieBreakCode\": \"" + TieBreaking.code(TieBreaking.METHOD) + "\", \"budgetCode\": \""
                + Budget.CITY + "\", \"district\": null, \"budget\": "
                + c.budgetAmount() + ", \"currency\": \"" + c.currency() + "\", " + storedJson(budget)
                + ",\n\"jury\": {\"ballots\": " + jury.ballots() + ", " + storedJson(budget, Ballot.Channel.JURY)
                + ", \"count\": " + jury.json(locale) + "},\n\"residents\": {\"ballots\": "
                + residents.ballots() + ", " + storedJson(budget, Ballot.Channel.RESIDENTS) + ", \"online\": "
                + residents.bySource(Ballot.Source.ONLINE)
                + ", \"paper\": " + residents.bySource(Ballot.Source.PAPER)
                + ", \"flagged\": " + campaignJson(voting.campaign(id), flaggedBallots.exclusions(id))
                + ", \"count\": " + residents.json(locale) + "}}";
    }

    /** A district budget's count: its own rule, seats and amount; residents' ballots only. */
    private String districtResults(CycleView c, Budget budget, java.util.Locale locale) {
        VotingService.Count residents = voting.count(budget, Ballot.Channel.RESIDENTS);
        String seats = budget.rule().isBudgetRule() ? "null"
                : Integer.toString(BallotCounting.seats(budget.rule(), voting.options(c.id(), budget.id()).size()));
        java.util.Map<String, String> excluded = new java.util.TreeMap<>();
        boxes.exported(budget, Ballot.Channel.RESIDENTS).stream().filter(b -> b.getExcludedReason() != null)
                .forEach(b -> excluded.put(b.getReceipt(), b.getExcludedReason()));
        StringBuilder receipts = new StringBuilder();
        excluded.forEach((receipt, reason) -> receipts.append(receipts.isEmpty() ? "" : ", ").append("{\"receipt\": ")
                .append(jakarta.json.Json.createValue(receipt)).append(", \"reason\": ")
                .append(jakarta.json.Json.createValue(reason)).append('}'));
        return "{\"cycle\": " + c.id() + ", \"budgetCode\": " + jakarta.json.Json.createValue(budget.code())
                + ", \"district\": " + jakarta.json.Json.createValue(budget.district()) + ", \"label\": "
                + jakarta.json.Json.createValue(budget.label()) + ", \"rule\": \"" + budget.rule().cliName()
                + "\", \"seats\": " + seats + ", \"tieBreak\": "
                + jakarta.json.Json.createValue(residents.text(locale).tieMethod(TieBreaking.METHOD))
                + ", \"tieBreakCode\": \"" + TieBreaking.code(TieBreaking.METHOD) + "\", \"budget\": "
                + budget.amount() + ", \"currency\": \"" + c.currency() + "\", " + storedJson(budget)
                + ",\n\"residents\": {\"ballots\": " + residents.ballots() + ", "
                + storedJson(budget, Ballot.Channel.RESIDENTS) + ", \"online\": " + residents.bySource(Ballot.Source.ONLINE) + ", \"paper\": "
                + residents.bySource(Ballot.Source.PAPER) + ", \"excludedReceipts\": [" + receipts + "], \"count\": "
                + residents.json(locale) + "}}";
    }

    /** Whether every channel of the budget has its count stored (once the vote closed it has; see /recount). */
    private String storedJson(Budget budget) {
        boolean all = StoredCounts.channels(budget).stream().allMatch(ch -> storedCounts.find(budget, ch).isPresent());
        return "\"stored\": " + all;
    }

    /** A channel's stored count: when it was stored, the Merkle root of the box it counted, its result's digest. */
    private String storedJson(Budget budget, Ballot.Channel channel) {
        return storedCounts.find(budget, channel).map(s -> "\"stored\": true, \"storedAt\": \"" + s.getStoredAt()
                + "\", \"root\": \"" + s.getRoot() + "\", \"resultDigest\": \"" + s.getResultDigest() + "\"")
                .orElse("\"stored\": false, \"storedAt\": null, \"root\": null, \"resultDigest\": null");
    }

    /** What was stored, or what a recount found: the box's root, ballots counted, winners and the result's digest. */
    public record CountFacts(String root, int ballots, List<String> winners, String resultDigest) {
    }

    /** One channel's recount beside its stored count; {@code differences} names what differs. */
    public record ChannelRecount(Ballot.Channel channel, boolean matches, List<String> differences, Instant storedAt,
                                 CountFacts stored, CountFacts recount) {
    }

    /** A budget's recount: whether every channel's fresh count equals the stored one. */
    public record RecountReply(long cycle, String budgetCode, boolean matches, List<ChannelRecount> channels) {
    }

    @GET
    @Path("/{id}/recount")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recounts the ballot box now and compares it with the count stored when the vote closed",
            description = "The published results are the count stored when the vote closed (results: stored, storedAt,"
                    + " root, resultDigest). This counts each channel's ballots afresh, with the same rule, options and"
                    + " officers' exclusions, and says whether the box's Merkle root, the number of ballots counted, the"
                    + " winners and the result's digest (SHA-256 of the stored result) equal the stored ones;"
                    + " differences names those that do not. Reads only: it changes nothing, the stored count stays"
                    + " the published one.")
    @APIResponse(responseCode = "404", description = "No published cycle has this id, or no budget this code")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public RecountReply recount(@PathParam("id") long id, @Parameter(description = "A budget's code (see /budgets);"
            + " absent: the city-wide budget") @QueryParam("budget") String budgetCode) {
        closedVote(id);
        Budget budget = budget(id, budgetCode);
        // a vote closed before counts were stored gets them stored first (as the results do), then compared
        StoredCounts.channels(budget).forEach(ch -> voting.count(budget, ch));
        List<ChannelRecount> channels = storedCounts.recount(budget).stream().map(r -> new ChannelRecount(r.channel(),
                r.matches(), r.differences(), r.storedAt(), new CountFacts(r.storedRoot(), r.storedBallots(),
                r.storedWinners(), r.storedDigest()), new CountFacts(r.freshRoot(), r.freshBallots(),
                r.freshWinners(), r.freshDigest()))).toList();
        return new RecountReply(id, budget.code(), channels.stream().allMatch(ChannelRecount::matches), channels);
    }

    /**
     * How the residents' ballots flagged as a possible campaign were treated: how many were flagged, counted and
     * excluded, each decision's reason with its number of ballots, and every excluded receipt with its reason.
     */
    private static String campaignJson(VotingService.CampaignTreatment t, java.util.Map<String, String> excluded) {
        StringBuilder json = new StringBuilder("{\"ballots\": " + t.flagged() + ", \"counted\": " + t.counted()
                + ", \"excluded\": " + t.excluded() + ", \"undecided\": " + t.undecided() + ", \"decisions\": [");
        String sep = "";
        for (VotingService.CampaignTreatment.Treated d : t.decisions()) {
            json.append(sep).append("{\"decision\": \"").append(d.excluded() ? "excluded" : "counted")
                    .append("\", \"ballots\": ").append(d.ballots()).append(", \"reason\": ")
                    .append(jakarta.json.Json.createValue(d.reason())).append('}');
            sep = ", ";
        }
        json.append("], \"excludedReceipts\": [");
        sep = "";
        for (java.util.Map.Entry<String, String> e : excluded.entrySet()) {
            json.append(sep).append("{\"receipt\": ").append(jakarta.json.Json.createValue(e.getKey()))
                    .append(", \"reason\": ").append(jakarta.json.Json.createValue(e.getValue())).append('}');
            sep = ", ";
        }
        return json.append("]}").toString();
    }

    @GET
    @Path("/{id}/ballots.pb")
    @Produces("text/plain;charset=UTF-8")
    @Operation(summary = "The jury's anonymised ballots in the pabulib .pb format (voter_id = receipt code), for"
            + " recounting with `java -jar civicloop-tools.jar count --rule RULE ballots.pb`")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public Response ballotsPb(@PathParam("id") long id) {
        return pb(id, Ballot.Channel.JURY);
    }

    @GET
    @Path("/{id}/ballots-residents.pb")
    @Produces("text/plain;charset=UTF-8")
    @Operation(summary = "The residents' channel's anonymised ballots in the pabulib .pb format",
            description = "Ballots an officer excluded from the count stay listed (the box's root covers them); META"
                    + " num_excluded counts them and VOTES then has a third column, excluded, with the public reason"
                    + " (empty for counted ballots). `count` leaves those rows out, as the published count did."
                    + " With budget=CODE, one file per district budget (as pabulib publishes per district): its"
                    + " options, amount, rule, META district, and the ballots cast in it, with its own box root.")
    @APIResponse(responseCode = "404", description = "No budget with this code")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public Response residentsPb(@PathParam("id") long id, @Parameter(description = "A budget's code (see /budgets);"
            + " absent: the city-wide budget") @QueryParam("budget") String budget) {
        CycleView c = closedVote(id);
        Budget b = budget(id, budget);
        if (b.cityWide()) {
            return pb(id, Ballot.Channel.RESIDENTS);
        }
        String body = BallotExport.pabulib(c, b, voting.options(id, b.id()),
                boxes.exported(b, Ballot.Channel.RESIDENTS), Ballot.Channel.RESIDENTS);
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"cycle-" + c.id()
                + b.fileSuffix() + "-residents.pb\"").build();
    }

    private Response pb(long id, Ballot.Channel channel) {
        CycleView c = closedVote(id);
        String body = BallotExport.pabulib(c, voting.cityWide(id), voting.options(id), boxes.exported(voting.cityWide(id), channel),
                channel);
        return Response.ok(body).header("Content-Disposition",
                "attachment; filename=\"cycle-" + id + "-" + channel.name().toLowerCase() + ".pb\"").build();
    }

    /**
     * A published ballot: no time or day of casting (that could be matched against who voted when); {@code budget} the
     * code of the budget it was cast in ({@value Budget#CITY}: the city-wide one).
     */
    public record BallotView(String receipt, Ballot.Channel channel, Ballot.Source source, List<String> ranking,
                             String budget) {
    }

    /** Every ballot of the cycle, budget by budget (city-wide first), each with its budget's code. */
    private void eachBallot(long id, java.util.function.BiConsumer<Ballot, String> out) {
        for (Budget budget : budgets.budgets(id)) {
            for (Ballot.Channel ch : Ballot.Channel.values()) {
                if (budget.cityWide() || ch == Ballot.Channel.RESIDENTS) {
                    voting.ballots(budget, ch).forEach(b -> out.accept(b, budget.code()));
                }
            }
        }
    }

    @GET
    @Path("/{id}/ballots")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every anonymised ballot of both channels and every budget as JSON: receipt, channel, source"
            + " (online or paper), ranking, budget (its code; city for the city-wide one), no day or time of casting")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public List<BallotView> ballotsJson(@PathParam("id") long id) {
        closedVote(id);
        List<BallotView> all = new java.util.ArrayList<>();
        eachBallot(id, (b, budget) -> all.add(new BallotView(b.getReceipt(), b.getChannel(), b.getSource(), b.ranking(),
                budget)));
        return all;
    }

    @GET
    @Path("/{id}/ballots.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "Every anonymised ballot of both channels and every budget as CSV: receipt, channel, source,"
            + " ranking, budget (no day or time of casting)")
    public Response ballotsCsv(@PathParam("id") long id) {
        closedVote(id);
        StringBuilder csv = new StringBuilder(Csv.exportRow(List.of("receipt", "channel", "source", "ranking",
                "budget")));
        eachBallot(id, (b, budget) -> csv.append(Csv.exportRow(java.util.Arrays.asList(b.getReceipt(), b.getChannel(),
                b.getSource(), b.getRanking(), budget))));
        return Response.ok(csv.toString()).header("Content-Disposition",
                "attachment; filename=\"cycle-" + id + "-ballots.csv\"").build();
    }
}
