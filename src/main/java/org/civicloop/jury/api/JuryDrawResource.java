package org.civicloop.jury.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.InfeasibilityReport;
import org.civicloop.jury.JuryDraw;
import org.civicloop.jury.JuryDrawRunner;
import org.civicloop.jury.JuryDraws;
import org.civicloop.kernel.Messages;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The jury draw: quotas, a test panel, the commitment, the draw run off the request and its status. */
@Path("/v1/cycles/{id}/jury")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "The jury of a cycle: quotas, volunteers, letter rounds and the committed draw,"
        + " open to audit")
public class JuryDrawResource {

    @Inject
    CurrentUser currentUser;
    @Inject
    JuryDraws draws;
    @Inject
    JuryDrawRunner drawRunner;

    @POST
    @Path("/test-panel")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Draw a test panel without recording anything (officers, while recruiting), with method"
            + " LEXIMIN, MAXIMIN or LEGACY: the lowest and mean selection probability and each category's count")
    public JuryDraws.TestPanel testPanel(@PathParam("id") long id,
            @QueryParam("size") int size, @QueryParam("method") String method) {
        return Refusals.orThrow(draws.testPanel(currentUser.actor(), id, size, method));
    }

    @PUT
    @Path("/quotas")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Set the jury's categories and quotas from CSV (feature,value,min,max), replacing earlier"
            + " ones, while recruiting and before anyone volunteered or was imported")
    @APIResponse(responseCode = "200", description = "Saved: the number of quotas")
    public Map<String, Integer> setJuryQuotas(@PathParam("id") long id, String csv) {
        return Map.of("quotas", Refusals.orThrow(draws.setQuotas(currentUser.actor(), id, csv)).size());
    }

    public record CommitRequest(@Min(1) int size,
                                @NotBlank @Size(max = 200) String seed) {
    }

    @POST
    @Path("/commitment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Commit to the draw: the jury size and the seed, of which only the SHA-256 is published until"
            + " the jury is drawn")
    @APIResponse(responseCode = "201", description = "Committed: the SHA-256 of the seed")
    public Response commitJury(@PathParam("id") long id, @Valid @NotNull CommitRequest r) {
        JuryDraw d = Refusals.orThrow(draws.commitDraw(currentUser.actor(), id, r.size(), r.seed()));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/jury"))
                .entity(Map.of("seedCommitment", d.getSeedCommitment())).build();
    }

    @POST
    @Path("/draw")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Start drawing the committed jury. The draw runs on the server, off the request: the answer is"
            + " 202 with the status resource to poll (Location). A failure (e.g. infeasible quotas, with the smallest"
            + " relaxation) changes nothing and shows in the status; a second start while one runs is refused (409)")
    @APIResponse(responseCode = "202", description = "Started: the status, and its address in Location")
    @APIResponse(responseCode = "409", description = "Not committed, already drawn, or a draw is running")
    public Response drawJury(@PathParam("id") long id) {
        JuryDrawRunner.DrawStatus s = Refusals.orThrow(drawRunner.start(currentUser.actor(), id));
        return Response.accepted(statusView(s)).location(URI.create("/api/v1/cycles/" + id + "/jury/draw")).build();
    }

    /** A draw's status; {@code infeasibility} only when it failed because no panel meets the quotas. */
    public record DrawStatusView(String state, String progress, Instant startedAt, Instant finishedAt, String reason,
                                 int drawn, InfeasibilityView infeasibility) {
    }

    /**
     * Why no panel meets the quotas, as data: each reason's kind, the feature and value it concerns, what the pool
     * offers ({@code count}) and what is asked ({@code limit}), with its English text; the values causing it; and the
     * smallest relaxation (empty when no change of quotas helps).
     */
    public record InfeasibilityView(List<ReasonView> reasons, List<ValueView> values, List<ChangeView> relaxation,
                                    int totalRelaxation) {
    }

    public record ReasonView(String kind, String feature, String value, int count, int limit, String text) {
    }

    public record ValueView(String feature, String value) {
    }

    public record ChangeView(String feature, String value, int oldMin, int oldMax, int newMin, int newMax) {
    }

    private DrawStatusView statusView(JuryDrawRunner.DrawStatus s) {
        InfeasibilityView infeasibility = null;
        if (s.args().size() == 1 && s.args().get(0) instanceof InfeasibilityReport r) {
            List<String> texts = r.localized(Locale.ENGLISH).reasons();
            List<ReasonView> reasons = new ArrayList<>();
            for (int i = 0; i < r.reasons().size(); i++) {
                var why = r.reasons().get(i);
                reasons.add(new ReasonView(why.kind().name(), why.feature(), why.value(), why.count(), why.limit(),
                        texts.get(i)));
            }
            infeasibility = new InfeasibilityView(reasons, r.values().stream()
                    .map(v -> new ValueView(v.feature(), v.value())).toList(), r.relaxation().stream()
                    .map(c -> new ChangeView(c.value().feature(), c.value().value(), c.oldMin(), c.oldMax(),
                            c.newMin(), c.newMax())).toList(), r.totalRelaxation());
        }
        return new DrawStatusView(s.state().name(), s.progress(), s.startedAt(), s.finishedAt(), s.refusal() == null
                ? null : Messages.format(Locale.ENGLISH, s.refusal(),
                s.args().toArray()), s.drawn(), infeasibility);
    }

    @GET
    @Path("/draw")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "The status of the cycle's latest draw, whichever server runs it: RUNNING (with progress),"
            + " DONE (how many drawn) or FAILED (why, in English; nothing changed), also when the server running it"
            + " stopped (\"interrupted\": start it again). When no panel meets the quotas, infeasibility gives the"
            + " reasons as data (kind, feature, value, count, limit), the values causing them and the smallest"
            + " relaxation")
    @APIResponse(responseCode = "404", description = "No draw of this cycle was started")
    public DrawStatusView juryDrawStatus(@PathParam("id") long id) {
        return statusView(drawRunner.status(id).orElseThrow(NotFoundException::new));
    }
}
