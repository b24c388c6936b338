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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CriterionKind;
import org.civicloop.cycle.Cycle;
import org.civicloop.cycle.CycleService;
import org.civicloop.cycle.DecisionItem;
import org.civicloop.cycle.LadderLevel;
import org.civicloop.cycle.MandateDraft;
import org.civicloop.cycle.MandateService;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhasePlan;
import org.civicloop.cycle.PhaseTransition;
import org.civicloop.cycle.ValueCell;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/cycles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cycles", description = "Deliberation cycles: their mandates, what is up for grabs, and where they stand")
public class CycleResource {

    public record CycleSummary(long id, String title, Phase phase, String council) {
    }

    /** One phase on the timeline: when it started (null if not yet) and when it is planned to start. */
    public record TimelineStep(Phase phase, Instant startedAt, LocalDate plannedStart) {
    }

    public record Mandate(String question, String purpose, String accountableOfficer, String decisionMaker,
                          String partnerAgencies, Long budgetAmount, String currency, LadderLevel ladderLevel,
                          List<ValueCell> valueCells, CountingRule countingRule, boolean residentBallot,
                          boolean ballotChangeable,
                          Integer staffHours, String skills, Long engagementCost, LocalDate feedbackPromiseDate,
                          String feedbackPromiseHow, String feedbackChannel, Instant publishedAt,
                          String criteriaOverride) {
    }

    public record Item(long id, String title, DecisionItem.Status status, String reason, LadderLevel ladderLevel) {
    }

    public record Criterion(long id, CriterionKind kind, String description) {
    }

    public record StakeholderView(long id, String name, String interest) {
    }

    public record Amendment(String field, String oldValue, String newValue, String reason, String amendedBy,
                            Instant amendedAt) {
    }

    public record CycleDetail(long id, String council, String title, Phase phase, boolean demo, Mandate mandate,
                              List<Item> decisionItems, List<Criterion> successCriteria,
                              List<StakeholderView> stakeholders, List<Amendment> amendments,
                              List<TimelineStep> timeline, Instant reportPublishedAt, Long previousCycleId) {
    }

    /** The mandate as sent by a client (all fields but title and currency optional while drafting). */
    public record MandateRequest(
            @NotBlank @Size(max = 200) String title,
            @Size(max = 2000) String question,
            @Size(max = 4000) String purpose,
            @Size(max = 200) String accountableOfficer,
            @Size(max = 200) String decisionMaker,
            @Size(max = 1000) String partnerAgencies,
            @PositiveOrZero @jakarta.validation.constraints.Max(1_000_000_000_000L) Long budgetAmount,
            @NotNull @Size(min = 3, max = 3) String currency,
            LadderLevel ladderLevel,
            Set<ValueCell> valueCells,
            CountingRule countingRule,
            Boolean residentBallot,
            Boolean ballotChangeable,
            @PositiveOrZero @jakarta.validation.constraints.Max(1_000_000) Integer staffHours,
            @Size(max = 1000) String skills,
            @PositiveOrZero @jakarta.validation.constraints.Max(1_000_000_000_000L) Long engagementCost,
            LocalDate feedbackPromiseDate,
            @Size(max = 1000) String feedbackPromiseHow,
            @Size(max = 300) String feedbackChannel) {

        MandateDraft draft() {
            return new MandateDraft(title, question, purpose, accountableOfficer, decisionMaker, partnerAgencies,
                    budgetAmount, currency, ladderLevel, valueCells, countingRule,
                    residentBallot == null || residentBallot, ballotChangeable != null && ballotChangeable, staffHours, skills, engagementCost,
                    feedbackPromiseDate, feedbackPromiseHow, feedbackChannel);
        }
    }

    public record OpenCycleRequest(@NotBlank @Size(max = 200) String council, @NotNull @Valid MandateRequest mandate) {
    }

    public record AmendRequest(@NotNull @Valid MandateRequest mandate, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ItemRequest(@NotBlank @Size(max = 300) String title, @NotNull DecisionItem.Status status,
                              @Size(max = 2000) String reason, LadderLevel ladderLevel,
                              @Size(max = 2000) String amendmentReason) {
    }

    public record CriterionRequest(@NotNull CriterionKind kind, @NotBlank @Size(max = 1000) String description) {
    }

    public record OverrideRequest(@NotBlank @Size(max = 2000) String justification) {
    }

    public record AdvanceRequest(@NotNull Phase from) {
    }

    @Inject
    CycleService cycles;
    @Inject
    MandateService mandate;
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
    @Operation(summary = "A published cycle: its mandate, decision items (open and fixed, with reasons), success"
            + " criteria, stakeholders, amendments, phase and timeline")
    @APIResponse(responseCode = "404", description = "No published cycle has this id")
    public CycleDetail get(@Parameter(description = "cycle id") @PathParam("id") long id) {
        Cycle c = cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return detail(c);
    }

    private CycleDetail detail(Cycle c) {
        long id = c.getId();
        Map<Phase, Instant> started = cycles.timeline(id).stream()
                .collect(Collectors.toMap(PhaseTransition::getToPhase, PhaseTransition::getMovedAt, (a, b) -> b));
        Map<Phase, LocalDate> planned = mandate.plan(id).stream()
                .collect(Collectors.toMap(PhasePlan::getPhase, PhasePlan::getPlannedStart));
        List<TimelineStep> timeline = java.util.Arrays.stream(Phase.values())
                .map(p -> new TimelineStep(p, started.get(p), planned.get(p))).toList();
        MandateDraft m = c.mandate();
        return new CycleDetail(id, c.getCouncil(), c.getTitle(), c.getPhase(), c.isDemo(),
                new Mandate(m.question(), m.purpose(), m.accountableOfficer(), m.decisionMaker(), m.partnerAgencies(),
                        m.budgetAmount(), m.currency(), m.ladderLevel(), c.getValueCellList(), m.countingRule(),
                        m.residentBallot(), m.ballotChangeable(), m.staffHours(), m.skills(), m.engagementCost(), m.feedbackPromiseDate(),
                        m.feedbackPromiseHow(), m.feedbackChannel(), c.getMandatePublishedAt(),
                        c.getCriteriaOverride()),
                mandate.decisionItems(id).stream().map(d -> new Item(d.getId(), d.getTitle(), d.getStatus(),
                        d.getReason(), d.getLadderLevel())).toList(),
                mandate.successCriteria(id).stream().map(s -> new Criterion(s.getId(), s.getKind(),
                        s.getDescription())).toList(),
                mandate.stakeholders(id).stream().map(s -> new StakeholderView(s.getId(), s.getName(),
                        s.getInterest())).toList(),
                cycles.amendments(id).stream().map(a -> new Amendment(a.getField(), a.getOldValue(), a.getNewValue(),
                        a.getReason(), a.getAmendedBy(), a.getAmendedAt())).toList(),
                timeline, c.getReportPublishedAt(), c.getPreviousCycleId());
    }

    private CycleDetail detailOf(long id) {
        return detail(cycles.find(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Open a cycle (officers): it starts in AUTHORISE, not yet public")
    @APIResponse(responseCode = "201", description = "Opened")
    @APIResponse(responseCode = "400", description = "Invalid mandate (problem details)")
    public Response open(@Valid @NotNull OpenCycleRequest r) {
        Cycle c = Refusals.orThrow(cycles.openCycle(currentUser.actor(), r.council(), r.mandate().draft()));
        return Response.created(URI.create("/api/v1/cycles/" + c.getId())).entity(detail(c)).build();
    }

    @PUT
    @Path("/{id}/mandate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Edit the mandate while the cycle is being authorised (409 once it is published)")
    public CycleDetail editMandate(@PathParam("id") long id, @Valid @NotNull MandateRequest r) {
        Refusals.orThrow(cycles.editMandate(currentUser.actor(), id, r.draft()));
        return detailOf(id);
    }

    @POST
    @Path("/{id}/amendments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Amend a published mandate, with a reason; every changed field is recorded and audited",
            description = "The counting rule cannot change once voting has opened.")
    public CycleDetail amend(@PathParam("id") long id, @Valid @NotNull AmendRequest r) {
        Refusals.orThrow(cycles.amendMandate(currentUser.actor(), id, r.mandate().draft(), r.reason()));
        return detailOf(id);
    }

    @POST
    @Path("/{id}/decision-items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Add a decision item: OPEN (up for grabs) or FIXED with the reason",
            description = "After the mandate is published this is an amendment and needs amendmentReason.")
    public CycleDetail addItem(@PathParam("id") long id, @Valid @NotNull ItemRequest r) {
        Refusals.orThrow(mandate.addDecisionItem(currentUser.actor(), id, r.title(), r.status(), r.reason(),
                r.ladderLevel(), r.amendmentReason()));
        return detailOf(id);
    }

    @POST
    @Path("/{id}/success-criteria")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Add a success criterion (how we will know the cycle succeeded)")
    public CycleDetail addCriterion(@PathParam("id") long id, @Valid @NotNull CriterionRequest r) {
        Refusals.orThrow(mandate.addSuccessCriterion(currentUser.actor(), id, r.kind(), r.description()));
        return detailOf(id);
    }

    @POST
    @Path("/{id}/criteria-override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Launch although the success criteria are only outputs or satisfaction, with a recorded"
            + " justification")
    public CycleDetail overrideCriteria(@PathParam("id") long id, @Valid @NotNull OverrideRequest r) {
        Refusals.orThrow(cycles.overrideCriteriaRule(currentUser.actor(), id, r.justification()));
        return detailOf(id);
    }

    @POST
    @Path("/{id}/advance")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN", "FACILITATOR"})
    @Operation(summary = "Move a cycle to its next phase (from AUTHORISE: launch, which publishes the mandate)",
            description = "Only forward, only from the phase given in 'from' (so a stale screen cannot skip a phase),"
                    + " and refused with problem details (409) while the phase's preconditions are not met.")
    @APIResponse(responseCode = "409", description = "Preconditions not met")
    public CycleDetail advance(@PathParam("id") long id, @Valid @NotNull AdvanceRequest r) {
        return detail(Refusals.orThrow(cycles.advance(currentUser.actor(), id, r.from())));
    }
}
