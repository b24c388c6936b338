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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Role;
import org.civicloop.platform.Refusals;
import org.civicloop.voting.PaperBallotService;
import org.civicloop.voting.PaperBatch;
import org.civicloop.voting.PaperBatches;
import org.civicloop.voting.PaperSheets;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Paper ballots of a cycle's residents' channel: batches, double entry, scanning imports and acceptance. */
@Path("/v1/cycles/{id}/paper-batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Paper ballots", description = "Paper ballots keyed twice or imported from a scanning service, counted"
        + " with the online ballots and reported apart")
public class PaperBallotResource {

    @Inject
    Cycles cycles;

    /** Lists under an unknown cycle answer 404, not an empty list. */
    private void requireCycle(long id) {
        cycles.find(id).orElseThrow(NotFoundException::new);
    }

    @Inject
    PaperBallotService paper;
    @Inject
    PaperBatches paperBatches;
    @Inject
    CurrentUser currentUser;

    public record BatchRequest(@NotBlank @Size(max = 100) String label, @NotBlank @Size(max = 300) String collectedWhere,
                               @NotNull LocalDate collectedOn,
                               @jakarta.validation.constraints.Min(1)
                               @jakarta.validation.constraints.Max(PaperSheets.MAX_SHEETS) int sheets,
                               @Size(max = 20) String budget) {
    }

    public record SheetRequest(@Size(max = 2000) String ranking) {
    }

    public record ResolveRequest(@Size(max = 2000) String ranking, @NotBlank @Size(max = 1000) String note) {
    }

    public record IssueRequest(@NotBlank @Size(max = 80) String username, @NotBlank @Size(max = 300) String where,
                               @Size(max = 20) String budget) {
    }

    public record SheetView(int sheet, String ranking, boolean spoilt) {
        static SheetView of(PaperSheets.Sheet s) {
            return s == null ? null : new SheetView(s.sheetNo(), String.join(",", s.ranking()), s.spoilt());
        }
    }

    public record DiscrepancyView(int sheet, SheetView first, SheetView second) {
    }

    public record BatchView(long id, String label, String collectedWhere, LocalDate collectedOn, int sheets,
                            PaperBatch.Method method, PaperBatch.Status status, int keyedFirst, int keyedSecond,
                            List<DiscrepancyView> discrepancies, int resolved, boolean readyToAccept,
                            Integer counted, Integer spoilt, Instant acceptedAt) {
    }

    @GET
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "The cycle's paper batches with where their keying stands (officers)")
    public List<BatchView> list(@PathParam("id") long id) {
        requireCycle(id);
        return paperBatches.batches(id).stream().map(PaperBallotResource::view).toList();
    }

    @GET
    @Path("/{batch}")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "One batch; its discrepancies are listed once both keyings have begun (voters shown only"
            + " as named or not)")
    public BatchView get(@PathParam("id") long id, @PathParam("batch") long batch) {
        return view(batchOf(id, batch));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Open a batch for the paper ballots collected in one place on one day (during the vote)",
            description = "budget: the code of the district budget the sheets are for (blank or city: the city-wide"
                    + " budget); its sheets rank that budget's options and are counted in it.")
    @APIResponse(responseCode = "201", description = "Opened")
    public Response open(@PathParam("id") long id, @Valid @NotNull BatchRequest r) {
        PaperBatch b = Refusals.orThrow(paper.openBatch(currentUser.actor(), id, r.budget(), r.label(),
                r.collectedWhere(),
                r.collectedOn(), r.sheets()));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/paper-batches/" + b.getId()))
                .entity(view(paperBatches.batch(b.getId()).orElseThrow())).build();
    }

    @PUT
    @Path("/{batch}/sheets/{sheet}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Key one sheet: the first officer to key a batch makes keying 1, a second officer keying 2",
            description = "ranking: option codes in order of preference separated by spaces, commas or '>';"
                    + " blank or SPOILT for a spoilt sheet.")
    public BatchView key(@PathParam("id") long id, @PathParam("batch") long batch, @PathParam("sheet") int sheet,
                         @Valid @NotNull SheetRequest r) {
        checkBelongs(id, batch);
        Refusals.orThrow(paper.keySheet(currentUser.actor(), batch, sheet, r.ranking()));
        return view(batchOf(id, batch));
    }

    @POST
    @Path("/{batch}/resolutions/{sheet}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Settle a sheet the two keyings disagree on, with a note")
    public BatchView resolve(@PathParam("id") long id, @PathParam("batch") long batch, @PathParam("sheet") int sheet,
                             @Valid @NotNull ResolveRequest r) {
        checkBelongs(id, batch);
        Refusals.orThrow(paper.resolveSheet(currentUser.actor(), batch, sheet, r.ranking(), r.note()));
        return view(batchOf(id, batch));
    }

    @POST
    @Path("/{batch}/acceptance")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Accept a batch whose keyings agree: its sheets join the residents' ballot box")
    @APIResponse(responseCode = "409", description = "Discrepancies remain, or the batch was accepted already")
    public BatchView accept(@PathParam("id") long id, @PathParam("batch") long batch) {
        checkBelongs(id, batch);
        Refusals.orThrow(paper.acceptBatch(currentUser.actor(), batch));
        return view(batchOf(id, batch));
    }

    @POST
    @Path("/issued")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Record that a resident was handed a paper ballot: enters them in the voter register",
            description = "409 when they have voted online already or were given a paper ballot before (they cannot"
                    + " vote online afterwards), or, with an electorate, when they are not verified for the cycle (for a"
                    + " district budget's ballot, budget: its code, in its district): record their in-person check"
                    + " first. Nothing links them to the sheet they fill in.")
    @APIResponse(responseCode = "204", description = "Recorded")
    public Response issue(@PathParam("id") long id, @Valid @NotNull IssueRequest r) {
        Refusals.orThrow(paper.issuePaperBallot(currentUser.actor(), id, r.budget(), r.username(), r.where()));
        return Response.noContent().build();
    }

    @POST
    @Path("/scans")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Import a scanning service's CSV (header sheet,ranking) as one batch; collectedOn is"
            + " yyyy-mm-dd",
            description = "Any bad row refuses the whole file, naming it; nothing is stored then.")
    @APIResponse(responseCode = "201", description = "Imported; accept it to count it")
    public Response importScan(@PathParam("id") long id, @QueryParam("label") String label,
                               @QueryParam("where") String where, @QueryParam("collectedOn") String collectedOn,
                               @QueryParam("budget") String budget,
                               @Size(max = 2_000_000) String csv) {
        LocalDate on;
        try {
            on = collectedOn == null ? null : LocalDate.parse(collectedOn.strip());
        } catch (java.time.DateTimeException e) {
            on = null;
        }
        PaperBatch b = Refusals.orThrow(paper.importScan(currentUser.actor(), id, budget, label, where, on, csv));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/paper-batches/" + b.getId()))
                .entity(view(paperBatches.batch(b.getId()).orElseThrow())).build();
    }

    /** The batch, when it belongs to this cycle (read after any change of this request, never before). */
    private PaperBatches.BatchView batchOf(long cycleId, long batchId) {
        checkBelongs(cycleId, batchId);
        return paperBatches.batch(batchId).orElseThrow(NotFoundException::new);
    }

    private void checkBelongs(long cycleId, long batchId) {
        if (!currentUser.actor().hasAny(Role.OFFICER, Role.ADMIN)
                || paperBatches.cycleOf(batchId).filter(c -> c == cycleId).isEmpty()) {
            throw new NotFoundException();
        }
    }

    private static BatchView view(PaperBatches.BatchView v) {
        PaperBatch b = v.batch();
        return new BatchView(b.getId(), b.getLabel(), b.getCollectedWhere(), b.getCollectedOn(), b.getSheets(),
                b.getMethod(), b.getStatus(), v.keyedFirst(), v.keyedSecond(), v.open().stream()
                .map(d -> new DiscrepancyView(d.sheetNo(), SheetView.of(d.first()), SheetView.of(d.second())))
                .toList(), v.resolved(), v.readyToAccept(), b.getCounted(), b.getSpoilt(), b.getAcceptedAt());
    }
}
