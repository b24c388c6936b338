package org.civicloop.evidence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicloop.evidence.EvidenceQuestion;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.evidence.WitnessQuestions;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Questions to the witnesses behind published evidence: asked by residents and jurors, moderated, answered. */
@Path("/v1/cycles/{id}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Evidence packs: versioned items with content hashes, balance review,"
        + " attachments, questions to witnesses and reading progress")
public class WitnessQuestionResource {

    public record QuestionRequest(String text) {
    }

    public record MergeRequest(long into) {
    }

    public record AnswerRequest(String answer, String witness) {
    }

    public record QuestionView(long id, long itemId, EvidenceQuestion.Status status) {
        static QuestionView of(EvidenceQuestion q) {
            return new QuestionView(q.getId(), q.getItemId(), q.getStatus());
        }
    }

    @Inject
    WitnessQuestions witnessQuestions;
    @Inject
    EvidencePaths paths;
    @Inject
    CurrentUser currentUser;

    @GET
    @Path("/questions")
    @Operation(summary = "Answered questions to the witnesses (part of the pack)")
    public List<EvidenceViews.AnsweredQuestion> answered(@PathParam("id") long id) {
        paths.visibleCycle(id);
        return witnessQuestions.answeredQuestions(id);
    }

    @GET
    @Path("/questions/queue")
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Questions awaiting moderation or an answer")
    public List<EvidenceViews.QueuedQuestion> queue(@PathParam("id") long id) {
        paths.requireCycle(id);
        return witnessQuestions.queuedQuestions(id);
    }

    @GET
    @Path("/questions/mine")
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "The caller's own questions, with status and any rejection reason")
    public List<EvidenceViews.MyQuestion> mine(@PathParam("id") long id) {
        paths.requireCycle(id);
        return witnessQuestions.questionsBy(currentUser.actor().username(), id);
    }

    @POST
    @Path("/items/{itemId}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Ask the witness behind a published item a question (moderated before it is answered)")
    public Response ask(@PathParam("id") long id, @PathParam("itemId") long itemId, QuestionRequest r) {
        paths.itemOf(id, itemId);
        EvidenceQuestion q = Refusals.orThrow(witnessQuestions.askQuestion(currentUser.actor(), itemId,
                r == null ? null : r.text()));
        return Response.status(201).entity(QuestionView.of(q)).build();
    }

    @POST
    @Path("/questions/{questionId}/accept")
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Let a queued question through to the witness")
    public QuestionView accept(@PathParam("id") long id, @PathParam("questionId") long questionId) {
        return QuestionView.of(Refusals.orThrow(witnessQuestions.acceptQuestion(currentUser.actor(), questionId)));
    }

    @POST
    @Path("/questions/{questionId}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Merge a duplicate into an earlier question")
    public QuestionView merge(@PathParam("id") long id, @PathParam("questionId") long questionId,
                              @NotNull MergeRequest r) {
        return QuestionView.of(Refusals.orThrow(witnessQuestions.mergeQuestion(currentUser.actor(), questionId, r.into())));
    }

    @POST
    @Path("/questions/{questionId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Reject a question with a reason its author is shown")
    public QuestionView rejectQuestion(@PathParam("id") long id, @PathParam("questionId") long questionId,
                                       EvidenceResource.ReasonRequest r) {
        return QuestionView.of(Refusals.orThrow(witnessQuestions.rejectQuestion(currentUser.actor(), questionId,
                r == null ? null : r.reason())));
    }

    @POST
    @Path("/questions/{questionId}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Record the witness's answer")
    public QuestionView answer(@PathParam("id") long id, @PathParam("questionId") long questionId,
                               AnswerRequest r) {
        return QuestionView.of(Refusals.orThrow(witnessQuestions.answerQuestion(currentUser.actor(), questionId,
                r == null ? null : r.answer(), r == null ? null : r.witness())));
    }
}
