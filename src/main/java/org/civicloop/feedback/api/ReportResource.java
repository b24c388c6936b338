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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.civicloop.cycle.Cycles;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Report;
import org.civicloop.feedback.ReportDraft;
import org.civicloop.feedback.ReportPdf;
import org.civicloop.feedback.ReportVersion;
import org.civicloop.feedback.ResponsesCsv;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.civicloop.kernel.StrictNumbers;
import org.civicloop.platform.NumberFields;
import org.civicloop.feedback.ReportPublication;

/** The "you said, we did" report of a cycle: every published version, its PDF, the responses as CSV; publishing. */
@Path("v1/cycles/{id}/report")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Report", description = "\"You said, we did\": what was decided on each recommendation and why")
public class ReportResource {

    @Inject
    FeedbackService feedback;
    @Inject
    ReportPublication publication;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;
    @Inject
    HttpHeaders headers;

    public record VersionInfo(long cycleId, int version, Instant publishedAt, String changeNote, String sha256) {
    }

    public record PublishRequest(@NotNull @Size(max = 4000) String summary, @NotNull @Size(max = 2000) String nextSteps,
                                 LocalDate nextDate) {
    }

    public record CorrectionRequest(@NotNull @Size(max = 4000) String summary,
                                    @NotNull @Size(max = 2000) String nextSteps, LocalDate nextDate,
                                    @NotNull @Size(max = 2000) String changeNote) {
    }

    private ReportVersion version(long id, Integer number) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return (number == null ? feedback.latest(id) : feedback.version(id, number))
                .orElseThrow(NotFoundException::new);
    }

    private static VersionInfo info(ReportVersion v) {
        return new VersionInfo(v.getCycleId(), v.getVersionNo(), v.getPublishedAt(), v.getChangeNote(),
                v.getContentHash());
    }

    @GET
    @Operation(summary = "The latest published version of the report, every section (the stored snapshot)",
            description = "Exactly the bytes whose SHA-256 is in the audit chain (see /versions for the hashes).")
    @APIResponse(responseCode = "404", description = "No published cycle with this id, or no report yet")
    public Response latest(@Parameter(description = "cycle id") @PathParam("id") long id) {
        return Response.ok(version(id, null).getSnapshot(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every published version: number, date, change note and SHA-256 of its snapshot")
    public List<VersionInfo> versions(@PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        return feedback.versions(id).stream().map(ReportResource::info).toList();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One published version of the report, unchanged since it was published")
    public Response ofVersion(@PathParam("id") long id, @PathParam("version") int number) {
        return Response.ok(version(id, number).getSnapshot(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The report as a PDF (latest version, or ?version=N), labelled in ?lang=en|es")
    public Response pdf(@PathParam("id") long id,
                        @Parameter(description = "version number, a whole number from 1 (default: the latest)")
                        @QueryParam("version") String number,
                        @QueryParam("lang") String lang) {
        long n = NumberFields.query("version", number, 0,
                StrictNumbers.Range.whole(1, Integer.MAX_VALUE), headers);
        ReportVersion v = version(id, n == 0 ? null : (int) n);
        Locale locale = lang != null ? Locale.forLanguageTag(lang)
                : headers.getAcceptableLanguages().stream().findFirst().orElse(Locale.ENGLISH);
        locale = "es".equals(locale.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
        byte[] bytes = ReportPdf.render(feedback.read(v), locale);
        return Response.ok(bytes, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"report-" + id + "-v" + v.getVersionNo() + ".pdf\"")
                .build();
    }

    @GET
    @Path("/responses.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "The council's responses of the latest published version (or ?version=N), one row each")
    public String responses(@PathParam("id") long id, @QueryParam("version") Integer number) {
        Report report = feedback.read(version(id, number));
        return ResponsesCsv.write(report);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Publish the report (FEEDBACK phase): every recommendation answered and signed off where"
            + " needed")
    @APIResponse(responseCode = "201", description = "Published as version 1")
    @APIResponse(responseCode = "409", description = "Wrong phase, already published (publish a correction),"
            + " responses or sign-offs missing")
    public Response publish(@PathParam("id") long id, @Valid @NotNull PublishRequest r) {
        ReportVersion v = Refusals.orThrow(publication.publishReport(currentUser.actor(), id,
                new ReportDraft(r.summary(), r.nextSteps(), r.nextDate())));
        return Response.status(201).entity(info(v)).build();
    }

    @POST
    @Path("/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Publish a correction: a new version with a visible change note (earlier versions stay)")
    @APIResponse(responseCode = "201", description = "Published as the next version")
    public Response correct(@PathParam("id") long id, @Valid @NotNull CorrectionRequest r) {
        ReportVersion v = Refusals.orThrow(publication.publishCorrection(currentUser.actor(), id,
                new ReportDraft(r.summary(), r.nextSteps(), r.nextDate()), r.changeNote()));
        return Response.status(201).entity(info(v)).build();
    }
}
