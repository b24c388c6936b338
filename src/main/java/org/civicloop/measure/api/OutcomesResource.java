package org.civicloop.measure.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
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
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.ValueCell;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Csv;
import org.civicloop.measure.AccountabilityService;
import org.civicloop.measure.Frequency;
import org.civicloop.measure.IndicatorDraft;
import org.civicloop.measure.IndicatorKind;
import org.civicloop.measure.IndicatorReading;
import org.civicloop.measure.LedgerEntry;
import org.civicloop.measure.MeasureService;
import org.civicloop.measure.MetricsService;
import org.civicloop.measure.ObjectiveDraft;
import org.civicloop.measure.OutcomeIndicator;
import org.civicloop.measure.OutcomeObjective;
import org.civicloop.measure.OutcomesReport;
import org.civicloop.measure.ParticipationMeasures;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/cycles/{id}/outcomes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outcomes", description = "What the funded options achieve: objectives, indicators, readings with"
        + " explanations, progress, value accounts, the co-production ledger and engagement metrics")
public class OutcomesResource {

    @Inject
    Cycles cycles;
    @Inject
    MeasureService measure;
    @Inject
    AccountabilityService accountability;
    @Inject
    ParticipationMeasures participation;
    @Inject
    MetricsService metrics;
    @Inject
    OutcomesReport report;
    @Inject
    CurrentUser currentUser;

    public record LedgerLine(long id, String kind, boolean contribution, String description, BigDecimal hours,
                             long amount) {
    }

    public record Outcomes(long cycleId, String title, String currency, List<OutcomesReport.ObjectiveView> objectives,
                           List<LedgerLine> ledger, MetricsService.CycleMetrics metrics, String page) {
    }

    public record ObjectiveRequest(@NotNull @Size(max = 20) String optionCode, @Size(max = 2000) String outcome,
                                   ValueCell valueCell, @Size(max = 200) String owner,
                                   @Size(max = 1000) String partners, @Size(max = 1000) String baseline,
                                   @Size(max = 1000) String target, LocalDate reviewDate) {
    }

    /** Measured amounts (readings, baselines, targets): below one trillion either way, at most 4 decimal places. */
    static final String AMOUNT_MIN = "-999999999999.9999";
    static final String AMOUNT_MAX = "999999999999.9999";

    public record IndicatorRequest(@Size(max = 300) String name, IndicatorKind kind, @Size(max = 40) String unit,
                                   @Size(max = 500) String source, Frequency frequency,
                                   @Size(max = 2000) String gamingRisk, @Size(max = 300) String counterIndicator,
                                   @DecimalMin(AMOUNT_MIN) @DecimalMax(AMOUNT_MAX) @Digits(integer = 12, fraction = 4) BigDecimal baseline, @DecimalMin(AMOUNT_MIN) @DecimalMax(AMOUNT_MAX) @Digits(integer = 12, fraction = 4) BigDecimal target) {
    }

    public record ReadingRequest(long indicatorId, @DecimalMin(AMOUNT_MIN) @DecimalMax(AMOUNT_MAX) @Digits(integer = 12, fraction = 4) BigDecimal amount, LocalDate measuredOn,
                                 @Size(max = 4000) String explanation) {
    }

    public record TrustRequest(@jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5) int trust,
                               @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(5) int heard,
                               boolean again) {
    }

    public record Created(long id) {
    }

    private CycleView published(long id) {
        return cycles.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
    }

    @GET
    @Operation(summary = "A cycle's results: per funded option its outcome objective, progress and milestones, its"
            + " published indicators with every reading and its explanation, review panel comments and providers'"
            + " value accounts; the co-production ledger and the engagement metrics (null = not recorded)")
    @APIResponse(responseCode = "404", description = "No such published cycle")
    public Outcomes get(@Parameter(description = "cycle id") @PathParam("id") long id) {
        CycleView c = published(id);
        List<LedgerLine> ledger = accountability.ledger(id).stream().map(this::line).toList();
        return new Outcomes(id, c.title(), c.currency(), report.objectives(id, true), ledger,
                metrics.metrics(c), "/outcomes.xhtml?cycle=" + id);
    }

    private LedgerLine line(LedgerEntry e) {
        return new LedgerLine(e.getId(), e.getKind().name(), e.isContribution(), e.getDescription(), e.getHours(),
                e.getAmount());
    }

    @GET
    @Path("/readings.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "Every published reading as CSV: option, objective, indicator, type, unit, date measured,"
            + " value and the manager's explanation")
    public Response csv(@PathParam("id") long id) {
        published(id);
        StringBuilder csv = new StringBuilder("option_code,option_title,outcome,indicator_id,indicator,type,unit,"
                + "measured_on,amount,explanation,recorded_at\n");
        for (OutcomesReport.ObjectiveView o : report.objectives(id, true)) {
            for (OutcomesReport.IndicatorView i : o.indicators()) {
                for (OutcomesReport.ReadingView r : i.readings()) {
                    csv.append(Csv.exportRow(java.util.Arrays.asList(o.optionCode(),
                            o.optionTitle(), o.outcome(), i.id(), i.name(), i.kind().name(), i.unit(),
                            r.measuredOn(), r.amount().stripTrailingZeros().toPlainString(), r.explanation(),
                            r.recordedAt())));
                }
            }
        }
        return Response.ok(csv.toString()).header("Content-Disposition",
                "attachment; filename=\"cycle-" + id + "-readings.csv\"").build();
    }

    /** One cell as every export writes it ({@link Csv#exportCell}). */
    static String cell(String s) {
        return Csv.exportCell(s);
    }

    @GET
    @Path("/metrics")
    @Operation(summary = "The cycle's engagement metrics (representativeness gap, repeat participants, preference"
            + " shift, recommendations adopted or modified, days to feedback vs promise, cost per participant,"
            + " trust); see docs/measure.md for the formulas")
    public MetricsService.CycleMetrics metrics(@PathParam("id") long id) {
        return metrics.metrics(published(id));
    }

    @POST
    @Path("/objectives")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Set the outcome objective of a funded option (until its indicator set is published)")
    @APIResponse(responseCode = "201", description = "Set")
    @APIResponse(responseCode = "409", description = "The option is not funded, the cycle has not decided, or the"
            + " set is already published")
    public Response setObjective(@PathParam("id") long id, @Valid @NotNull ObjectiveRequest r) {
        OutcomeObjective o = Refusals.orThrow(measure.setObjective(currentUser.actor(), id, r.optionCode(),
                new ObjectiveDraft(r.outcome(), r.valueCell(), r.owner(), r.partners(), r.baseline(), r.target(),
                        r.reviewDate())));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/outcomes")).entity(new Created(o.getId()))
                .build();
    }

    private OutcomeObjective objectiveIn(long cycleId, long objectiveId) {
        return measure.objective(objectiveId).filter(o -> o.getCycleId() == cycleId)
                .orElseThrow(NotFoundException::new);
    }

    @POST
    @Path("/objectives/{objectiveId}/indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Add an indicator (type, unit, source, frequency, how it could be gamed, counter-indicator)")
    @APIResponse(responseCode = "201", description = "Added")
    public Response addIndicator(@PathParam("id") long id, @PathParam("objectiveId") long objectiveId,
                                 @Valid @NotNull IndicatorRequest r) {
        objectiveIn(id, objectiveId);
        OutcomeIndicator i = Refusals.orThrow(measure.addIndicator(currentUser.actor(), objectiveId,
                new IndicatorDraft(r.name(), r.kind(), r.unit(), r.source(), r.frequency(), r.gamingRisk(),
                        r.counterIndicator(), r.baseline(), r.target())));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/outcomes")).entity(new Created(i.getId()))
                .build();
    }

    @POST
    @Path("/objectives/{objectiveId}/publish")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Publish the objective's indicator set: refused (400) unless it has an OUTCOME indicator and"
            + " another indicator that is not SATISFACTION")
    @APIResponse(responseCode = "204", description = "Published")
    @APIResponse(responseCode = "400", description = "The set breaks the indicator-set rule")
    public Response publish(@PathParam("id") long id, @PathParam("objectiveId") long objectiveId) {
        objectiveIn(id, objectiveId);
        Refusals.orThrow(measure.publishIndicatorSet(currentUser.actor(), objectiveId));
        return Response.noContent().build();
    }

    @POST
    @Path("/readings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Record a reading with the manager's explanation (refused, and nothing stored, without one)")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "No explanation, no value or a date in the future")
    @APIResponse(responseCode = "409", description = "The set is not published or the cycle is not measuring yet")
    public Response record(@PathParam("id") long id, @Valid @NotNull ReadingRequest r) {
        OutcomeIndicator i = measure.indicator(r.indicatorId()).orElseThrow(NotFoundException::new);
        objectiveIn(id, i.getObjectiveId());
        IndicatorReading reading = Refusals.orThrow(measure.recordReading(currentUser.actor(), r.indicatorId(),
                r.amount(), r.measuredOn(), r.explanation()));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/outcomes"))
                .entity(new Created(reading.getId())).build();
    }

    @POST
    @Path("/trust")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Answer the post-cycle trust survey (participants, once per cycle)")
    @APIResponse(responseCode = "204", description = "Answered")
    @APIResponse(responseCode = "409", description = "Already answered, or the cycle is not measuring yet")
    public Response trust(@PathParam("id") long id, @NotNull TrustRequest r) {
        Refusals.orThrow(participation.answerTrustSurvey(currentUser.actor(), id, r.trust(), r.heard(), r.again()));
        return Response.noContent().build();
    }
}
