package org.civicloop.feedback.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.Cycles;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Recommendation;
import org.civicloop.feedback.ResponseDraft;
import org.civicloop.feedback.SupportText;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.ApiLanguage;
import org.civicloop.platform.Refusals;
import org.civicloop.voting.Budget;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cycle's recommendations as officers work on them: responses, sign-offs, recommendations from deliberation. */
@Path("v1/cycles/{id}/recommendations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Report", description = "\"You said, we did\": what was decided on each recommendation and why")
public class RecommendationResource {

    @Inject
    Cycles cycles;

    /** Lists under an unknown cycle answer 404, not an empty list. */
    private void requireCycle(long id) {
        cycles.find(id).orElseThrow(NotFoundException::new);
    }

    @Inject
    FeedbackService feedback;
    @Inject
    CurrentUser currentUser;
    @Context
    HttpHeaders headers;

    public record View(long id, int rank, Recommendation.Source source, String optionCode, String title,
                       String support, int juryBallots, int rankedBy, int firstChoices, String minorityPositions,
                       int residentBallots, boolean residentFunded, Recommendation.Response response,
                       String rationale, String tradeOff, String budgetLine, Long amountCommitted, String whoLoses,
                       String offered, String decisionMaker, boolean politicalDecision, String respondedBy,
                       String signoffMember, LocalDate signoffOn, String signoffRecordedBy, boolean ready,
                       String supportCode, java.util.Map<String, Object> supportValues, String budget) {
        static View of(Recommendation r, java.util.Locale locale) {
            SupportText.Data data = SupportText.data(r.getSource(), r.getJuryScore(), r.getFirstChoices(),
                    r.getJuryBallots(), r.getResidentScore(), r.getResidentBallots());
            return new View(r.getId(), r.getRankPosition(), r.getSource(), r.getOptionCode(), r.getTitle(),
                    r.supportIn(locale), r.getJuryBallots(), r.getRankedBy(), r.getFirstChoices(), r.getMinorityPositions(),
                    r.getResidentBallots(), r.isResidentFunded(), r.getResponse(), r.getRationale(), r.getTradeOff(),
                    r.getBudgetLine(), r.getAmountCommitted(), r.getWhoLoses(), r.getOffered(), r.getDecidedBy(),
                    r.isPolitical(), r.getRespondedBy(), r.getSignoffMember(), r.getSignoffOn(),
                    r.getSignoffRecordedBy(), r.isReady(), data == null ? null : data.code(),
                    data == null ? null : data.values(),
                    r.getBudgetCode() == null ? Budget.CITY : r.getBudgetCode());
        }
    }

    public record ResponseRequest(@NotNull Recommendation.Response response, @Size(max = 4000) String rationale,
                                  @Size(max = 2000) String tradeOff, @Size(max = 200) String budgetLine,
                                  @jakarta.validation.constraints.PositiveOrZero
                                  @jakarta.validation.constraints.Max(1_000_000_000_000L) Long amountCommitted,
                                  @Size(max = 2000) String whoLoses,
                                  @Size(max = 2000) String offered, @Size(max = 200) String decisionMaker,
                                  boolean politicalDecision) {
    }

    public record SignOffRequest(@Size(max = 200) String member, LocalDate signedOn) {
    }

    public record AddRequest(@Size(max = 300) String title, @Size(max = 1000) String support,
                             @Size(max = 4000) String minorityPositions) {
    }

    private Recommendation ofCycle(long cycleId, long recommendationId) {
        return feedback.recommendation(recommendationId).filter(r -> r.getCycleId() == cycleId)
                .orElseThrow(NotFoundException::new);
    }

    @GET
    @RolesAllowed({"OFFICER", "ADMIN", "FACILITATOR"})
    @Operation(summary = "The recommendations with their current (unpublished) responses and sign-offs",
            description = "support is written in the request's language (?lang=en|es, else Accept-Language, else"
                    + " English) when it was generated from the count: supportCode and supportValues then hold the"
                    + " same as data (message key and figures: score, firstChoices, juryBallots or residentBallots);"
                    + " support a person typed (a jury recommendation) stays as typed, with supportCode null.")
    public List<View> list(@PathParam("id") long id, @QueryParam("lang") String lang) {
        requireCycle(id);
        java.util.Locale locale = ApiLanguage.of(headers, lang);
        return feedback.recommendations(id).stream().map(r -> View.of(r, locale)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN", "FACILITATOR"})
    @Operation(summary = "Add a recommendation the jury agreed in deliberation that is not a budget option (DECIDE)")
    @APIResponse(responseCode = "201", description = "Added")
    public Response add(@PathParam("id") long id, @Valid @NotNull AddRequest r) {
        Recommendation added = Refusals.orThrow(feedback.addJuryRecommendation(currentUser.actor(), id, r.title(),
                r.support(), r.minorityPositions()));
        return Response.status(201).entity(View.of(added, ApiLanguage.of(headers, null))).build();
    }

    @PUT
    @Path("/{rid}/response")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Record the council's response: ADOPTED, MODIFIED, REJECTED or DEFERRED, why, the trade-off,"
            + " the budget line and amount (when adopted or modified), who loses out and what they are offered, who"
            + " decided, and whether an elected member must sign it off")
    @APIResponse(responseCode = "400", description = "Something missing or too long")
    public View respond(@PathParam("id") long id, @PathParam("rid") long rid, @Valid @NotNull ResponseRequest r) {
        ofCycle(id, rid);
        return View.of(Refusals.orThrow(feedback.respond(currentUser.actor(), rid, new ResponseDraft(r.response(),
                r.rationale(), r.tradeOff(), r.budgetLine(), r.amountCommitted(), r.whoLoses(), r.offered(),
                r.decisionMaker(), r.politicalDecision()))), ApiLanguage.of(headers, null));
    }

    @POST
    @Path("/{rid}/signoff")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Record an elected member's sign-off of a response for political decision",
            description = "Recorded by an officer other than the one who recorded the response; the date is when the"
                    + " member signed (not in the future, not before the response).")
    @APIResponse(responseCode = "409", description = "Already signed off")
    public View signOff(@PathParam("id") long id, @PathParam("rid") long rid, @Valid @NotNull SignOffRequest r) {
        ofCycle(id, rid);
        return View.of(Refusals.orThrow(feedback.recordSignOff(currentUser.actor(), rid, r.member(), r.signedOn())),
                ApiLanguage.of(headers, null));
    }
}
