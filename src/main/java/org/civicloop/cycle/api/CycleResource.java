package org.civicloop.cycle.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseTransition;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/cycles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cycles", description = "Deliberation cycles and where they stand")
public class CycleResource {

    public record CycleSummary(long id, String title, Phase phase, String council) {
    }

    public record TimelineStep(Phase from, Phase to, Instant at) {
    }

    public record CycleDetail(long id, String council, String title, String question, String purpose,
                              String accountableOfficer, Long budgetAmount, String currency,
                              LocalDate feedbackPromiseDate, String feedbackPromiseHow, Phase phase, boolean demo,
                              Instant reportPublishedAt, List<TimelineStep> timeline) {
    }

    public record OpenCycleRequest(
            @NotBlank @Size(max = 200) String council,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String question,
            @Size(max = 4000) String purpose,
            @Size(max = 200) String accountableOfficer,
            @PositiveOrZero Long budgetAmount,
            @NotNull @Size(min = 3, max = 3) String currency,
            LocalDate feedbackPromiseDate,
            @Size(max = 1000) String feedbackPromiseHow) {
    }

    public record AdvanceRequest(@NotNull Phase from) {
    }

    @Inject
    CycleService cycles;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "Published cycles, newest first")
    public List<CycleSummary> list() {
        return cycles.published().stream()
                .map(c -> new CycleSummary(c.getId(), c.getTitle(), c.getPhase(), c.getCouncil())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A published cycle: its mandate, phase and timeline")
    @APIResponse(responseCode = "404", description = "No published cycle has this id")
    public CycleDetail get(@Parameter(description = "cycle id") @PathParam("id") long id) {
        Cycle c = cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return detail(c);
    }

    private CycleDetail detail(Cycle c) {
        List<TimelineStep> timeline = cycles.timeline(c.getId()).stream()
                .map((PhaseTransition t) -> new TimelineStep(t.getFromPhase(), t.getToPhase(), t.getMovedAt()))
                .toList();
        return new CycleDetail(c.getId(), c.getCouncil(), c.getTitle(), c.getQuestion(), c.getPurpose(),
                c.getAccountableOfficer(), c.getBudgetAmount(), c.getCurrency(), c.getFeedbackPromiseDate(),
                c.getFeedbackPromiseHow(), c.getPhase(), c.isDemo(), c.getReportPublishedAt(), timeline);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Open a cycle (officers): it starts in AUTHORISE, not yet public")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "400", description = "Invalid mandate (problem details)")
    public Response open(@Valid @NotNull OpenCycleRequest r) {
        Cycle c = Refusals.orThrow(cycles.openCycle(currentUser.actor(), r.council(), new MandateDraft(r.title(),
                r.question(), r.purpose(), r.accountableOfficer(), r.budgetAmount(), r.currency(),
                r.feedbackPromiseDate(), r.feedbackPromiseHow())));
        return Response.created(URI.create("/api/v1/cycles/" + c.getId())).entity(detail(c)).build();
    }

    @POST
    @Path("/{id}/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN", "FACILITATOR"})
    @Operation(summary = "Move a cycle to its next phase",
            description = "Only forward, only from the phase given in 'from' (so a stale screen cannot skip a phase),"
                    + " and refused with problem details (409) while the phase's preconditions are not met.")
    @APIResponse(responseCode = "409", description = "Preconditions not met")
    public CycleDetail advance(@PathParam("id") long id, @Valid @NotNull AdvanceRequest r) {
        return detail(Refusals.orThrow(cycles.advance(currentUser.actor(), id, r.from())));
    }
}
