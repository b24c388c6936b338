package org.civicloop.deliberation.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicloop.deliberation.JurySession;
import org.civicloop.deliberation.LiveBus;
import org.civicloop.deliberation.LiveViews;
import org.civicloop.deliberation.ParticipantViews;
import org.civicloop.deliberation.ParticipationService;
import org.civicloop.deliberation.RoundControl;
import org.civicloop.deliberation.SessionFloor;
import org.civicloop.deliberation.SessionPlanning;
import org.civicloop.deliberation.SessionQuestion;
import org.civicloop.deliberation.SessionRound;
import org.civicloop.deliberation.SessionService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The live jury session: its public state (what the projector shows), a juror's own inputs, the facilitator's
 * console, and the inputs themselves (join, answer a poll, ask a question, raise a hand; run rounds, put questions on
 * screen, lower hands). State changes are pushed to screens over the WebSocket {@code /live/socket/{screenKey}}.
 */
@Path("/v1/live")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliberation", description = "Jury sessions, live rounds and how views changed")
public class LiveResource {

    @Inject
    SessionService sessions;
    @Inject
    SessionFloor floor;
    @Inject
    SessionPlanning planning;
    @Inject
    RoundControl rounds;
    @Inject
    ParticipationService participation;
    @Inject
    ParticipantViews participantViews;
    @Inject
    LiveViews views;
    @Inject
    LiveBus bus;
    @Inject
    Juries jury;
    @Inject
    CurrentUser currentUser;

    public record JoinRequest(@NotBlank @Size(max = 12) String code) {
    }

    public record Joined(long sessionId, String title, String screenKey) {
    }

    public record AnswerRequest(@Min(1) @Max(5) Integer score, @Size(max = 200) List<String> ranking) {
    }

    public record QuestionRequest(@NotBlank @Size(max = 500) String body) {
    }

    public record HandRequest(boolean raised) {
    }

    public record ControlRequest(@NotNull RoundControl.Control control, @Min(0) @Max(60) int minutes) {
    }

    public record DecisionRequest(@NotNull SessionQuestion.Status status) {
    }

    public record Done(boolean done) {
    }

    public record SessionRequest(@NotNull Long cycleId, @NotBlank @Size(max = 200) String title) {
    }

    public record SessionCreated(long sessionId, String joinCode, String screenKey) {
    }

    public record RoundRequest(@NotNull SessionRound.Kind kind,
                               @NotBlank @Size(max = 300) String title, @Size(max = 2000) String question,
                               @Min(1) @Max(240) int minutes, SessionRound.Stage stage,
                               Long statementId) {
    }

    public record RoundCreated(long roundId) {
    }

    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Plan a jury session for a cycle; answers its join code (for jurors) and screen key (for"
            + " projectors)")
    @APIResponse(responseCode = "409", description = "Not in a phase where sessions can be planned")
    public SessionCreated createSession(@Valid @NotNull SessionRequest r) {
        JurySession s = Refusals.orThrow(planning.createSession(currentUser.actor(), r.cycleId(), r.title()));
        return new SessionCreated(s.getId(), s.getJoinCode(), s.getScreenKey());
    }

    @POST
    @Path("/sessions/{id}/rounds")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Add a round to the end of a session's agenda (polls: stage BEFORE, AFTER or DURING; a"
            + " statement poll names its statement)")
    public RoundCreated addRound(@PathParam("id") long id, @Valid @NotNull RoundRequest r) {
        return new RoundCreated(Refusals.orThrow(planning.addRound(currentUser.actor(), id, r.kind(), r.title(),
                r.question(), r.minutes(), r.stage(), r.statementId())).getId());
    }

    @POST
    @Path("/sessions/{id}/end")
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "End a session: its open round finishes and every screen shows the preference shift")
    public Done end(@PathParam("id") long id) {
        Refusals.orThrow(rounds.endSession(currentUser.actor(), id));
        return new Done(true);
    }

    @GET
    @Path("/screens/{key}")
    @Operation(summary = "A session's public state by its screen key (what every projector shows)",
            description = "The current round, its question, timer (endsAt in epoch ms, or remainingSeconds when"
                    + " paused), live poll counts or running ranking, the questions put on screen, how many hands"
                    + " are raised, the agenda, and at the end the preference shift. Never names or individual"
                    + " answers.")
    @APIResponse(responseCode = "404", description = "No session has this screen key")
    public LiveViews.PublicState screen(@Parameter(description = "screen key") @PathParam("key") String key) {
        return views.publicState(sessions.byScreenKey(key).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("/join")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "A juror joins a live session with its code")
    @APIResponse(responseCode = "403", description = "Not on this cycle's jury")
    public Joined join(@Valid @NotNull JoinRequest r) {
        JurySession s = Refusals.orThrow(participation.join(currentUser.actor(), r.code()));
        return new Joined(s.getId(), s.getTitle(), s.getScreenKey());
    }

    @GET
    @Path("/sessions/{id}/me")
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "The signed-in juror's own inputs in this session (their answer to the current poll, their"
            + " hand, their questions) and the table they sit at (the latest allocation that seated them, or null)")
    public ParticipantViews.Mine me(@PathParam("id") long id) {
        JurySession s = sessions.find(id).orElseThrow(NotFoundException::new);
        if (!jury.isJuror(s.getCycleId(), currentUser.actor().username())) {
            throw new ForbiddenException();
        }
        return participantViews.mine(currentUser.actor(), s);
    }

    @GET
    @Path("/sessions/{id}/console")
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "The facilitator's console: the public state plus submitted questions and who raised a hand")
    public LiveViews.ConsoleState console(@PathParam("id") long id) {
        JurySession s = sessions.find(id).orElseThrow(NotFoundException::new);
        return views.consoleState(s, bus.subscribers(id));
    }

    @POST
    @Path("/rounds/{roundId}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "A juror answers the running poll: a score 1..5 for a statement, or all option codes in rank"
            + " order for a ranking or vote round (a new answer replaces the earlier one)")
    @APIResponse(responseCode = "409", description = "The round is not running")
    public Done answer(@PathParam("roundId") long roundId, @Valid @NotNull AnswerRequest r) {
        Refusals.orThrow(participation.answerPoll(currentUser.actor(), roundId,
                new ParticipationService.PollAnswer(r.score(), r.ranking())));
        return new Done(true);
    }

    @POST
    @Path("/sessions/{id}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "A juror submits a question (the facilitator decides whether it goes on screen)")
    public Done ask(@PathParam("id") long id, @Valid @NotNull QuestionRequest r) {
        Refusals.orThrow(participation.askQuestion(currentUser.actor(), id, r.body()));
        return new Done(true);
    }

    @POST
    @Path("/sessions/{id}/hand")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "A juror raises (raised=true) or lowers their hand for the speaking queue")
    public Done hand(@PathParam("id") long id, @NotNull HandRequest r) {
        return new Done(Refusals.orThrow(participation.hand(currentUser.actor(), id, r.raised())));
    }

    @POST
    @Path("/rounds/{roundId}/control")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Run a round: START, PAUSE, RESUME, EXTEND (by minutes), SKIP or FINISH")
    @APIResponse(responseCode = "409", description = "Not possible in the round's state or the cycle's phase")
    public Done control(@PathParam("roundId") long roundId, @Valid @NotNull ControlRequest r) {
        Actor actor = currentUser.actor();
        Refusals.orThrow(rounds.control(actor, roundId, r.control(), r.minutes()));
        return new Done(true);
    }

    @POST
    @Path("/questions/{questionId}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Put a juror's question on screen (QUEUED), mark it ANSWERED, or set it aside (DISMISSED)")
    public Done decide(@PathParam("questionId") long questionId, @Valid @NotNull DecisionRequest r) {
        Refusals.orThrow(floor.decideQuestion(currentUser.actor(), questionId, r.status()));
        return new Done(true);
    }

    @POST
    @Path("/hands/{handId}/lower")
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Take a hand out of the speaking queue (the juror was given the floor)")
    public Done lower(@PathParam("handId") long handId) {
        Refusals.orThrow(floor.lowerHand(currentUser.actor(), handId));
        return new Done(true);
    }
}
