package org.civicloop.deliberation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import java.util.List;
import java.util.Map;
import org.civicloop.deliberation.OpinionAnswer;
import org.civicloop.deliberation.ParticipationService;
import org.civicloop.deliberation.SessionRound;
import org.civicloop.deliberation.SessionService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.civicloop.voting.VotingService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.civicloop.cycle.Cycles;
import org.civicloop.deliberation.PreferenceShift;
import org.civicloop.deliberation.PreferenceShiftService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How views changed through deliberation: the jury's preference shift and, beside it, the residents' panel's. */
@Path("/v1/cycles/{id}/shift")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliberation", description = "Jury sessions, live rounds and how views changed")
public class ShiftResource {

    @Inject
    Cycles cycles;
    @Inject
    PreferenceShiftService shifts;
    @Inject
    SessionService sessions;
    @Inject
    ParticipationService participation;
    @Inject
    VotingService voting;
    @Inject
    CurrentUser currentUser;

    public record Statement(long id, String wording) {
    }

    public record OptionView(String code, String title) {
    }

    /** The before/after questions: the statements (answered 1..5) and the options (ranked, all of them). */
    public record Questions(List<Statement> statements, List<OptionView> options) {
    }

    /** {@code scores}: statement id (as text, JSON keys are strings) to 1..5. */
    public record AnswersRequest(@NotNull SessionRound.Stage stage, @NotNull Map<String, @jakarta.validation.constraints.Min(1)
                                         @jakarta.validation.constraints.Max(5) Integer> scores,
                                 @Size(max = 200) List<String> ranking) {
    }

    public record AnswersSaved(OpinionAnswer.Panel panel) {
    }

    @GET
    @Path("/questions")
    @Operation(summary = "The questions asked before and after deliberation: opinion statements and the options to"
            + " rank")
    @APIResponse(responseCode = "404", description = "No published cycle has this id")
    public Questions questions(@PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return new Questions(sessions.statements(id).stream().map(s -> new Statement(s.getId(), s.getWording()))
                .toList(), voting.options(id).stream().map(o -> new OptionView(o.getCode(), o.getTitle())).toList());
    }

    @POST
    @Path("/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Answer the before or after questions (every statement 1..5 and all options in rank order)",
            description = "A juror answers for the jury, anyone else for the residents' panel (reported separately)."
                    + " Answers are stored under a pseudonym; a second answer at the same stage replaces the first.")
    @APIResponse(responseCode = "409", description = "This stage is not open in the cycle's phase")
    public AnswersSaved answer(@PathParam("id") long id, @Valid @NotNull AnswersRequest r) {
        Map<Long, Integer> scores = new java.util.HashMap<>();
        for (Map.Entry<String, Integer> e : r.scores().entrySet()) {
            try {
                scores.put(Long.valueOf(e.getKey()), e.getValue());
            } catch (NumberFormatException ex) {
                throw new jakarta.ws.rs.BadRequestException("statement ids are numbers");
            }
        }
        return new AnswersSaved(Refusals.orThrow(participation.answerQuestions(currentUser.actor(), id, r.stage(),
                scores, r.ranking())));
    }

    @GET
    @Operation(summary = "The jury's preference shift",
            description = "For each opinion statement (1 = strongly disagree .. 5 = strongly agree) and each budget"
                    + " option (rank position, 1 = first choice): the distribution before and after deliberation,"
                    + " the mean before, after and the mean shift, how many answered both (respondents) and how many"
                    + " of them changed, overall and by jury category (feature and value). Only jurors who answered"
                    + " both before and after count.")
    @APIResponse(responseCode = "404", description = "No published cycle has this id")
    public PreferenceShift jury(@Parameter(description = "cycle id") @PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return shifts.shift(id);
    }

    @GET
    @Path("/residents")
    @Operation(summary = "The residents' panel's preference shift (online, not jurors), never mixed into the jury's",
            description = "The same figures for the residents who answered the same questions before and after"
                    + " taking part in the online discussion; no categories.")
    @APIResponse(responseCode = "404", description = "No published cycle has this id")
    public PreferenceShift residents(@Parameter(description = "cycle id") @PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return shifts.residentsShift(id);
    }
}
