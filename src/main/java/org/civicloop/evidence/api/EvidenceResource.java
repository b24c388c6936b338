package org.civicloop.evidence.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.cycle.ValueCell;
import org.civicloop.evidence.AttachmentCheck;
import org.civicloop.evidence.EvidenceAttachment;
import org.civicloop.evidence.EvidenceAuthoring;
import org.civicloop.evidence.EvidenceDiff;
import org.civicloop.evidence.EvidenceDraft;
import org.civicloop.evidence.EvidenceItem;
import org.civicloop.evidence.EvidencePack;
import org.civicloop.evidence.EvidenceReview;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceVersion;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.evidence.PackReading;
import org.civicloop.evidence.SocialValue;
import org.civicloop.evidence.WitnessQuestions;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.StrictNumbers;
import org.civicloop.platform.NumberFields;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A cycle's evidence pack over HTTP: the published pack, search, versions and their differences, items and attachments,
 * the balance review and reading progress. Questions to the witnesses: {@link WitnessQuestionResource}.
 */
@Path("/v1/cycles/{id}/evidence")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence", description = "Evidence packs: versioned items with content hashes, balance review,"
        + " attachments, questions to witnesses and reading progress")
public class EvidenceResource {

    /** The published pack (pack null and no items while nothing is published). */
    @JsonbNillable
    public record PackView(long cycleId, Integer pack, String packHash, String reviewedBy, Instant publishedAt,
                           List<EvidenceViews.PublishedItem> items) {
    }

    public record VersionView(long itemId, int version, EvidenceItem.Kind kind, EvidenceItem.Perspective perspective,
                              String title, String contentHash, String changeNote, Instant createdAt,
                              String createdBy) {
        static VersionView of(EvidenceVersion v) {
            return new VersionView(v.getItemId(), v.getVersionNo(), v.getKind(), v.getPerspective(), v.getTitle(),
                    v.getContentHash(), v.getChangeNote(), v.getCreatedAt(), v.getCreatedBy());
        }
    }

    public record PackStatus(int pack, EvidencePack.Status status, String contentHash, String submittedBy,
                             Instant submittedAt, String reviewedBy, Instant reviewedAt, String reviewReason) {
        static PackStatus of(EvidencePack p) {
            return new PackStatus(p.getPackNo(), p.getStatus(), p.getContentHash(), p.getSubmittedBy(),
                    p.getSubmittedAt(), p.getReviewedBy(), p.getReviewedAt(), p.getReviewReason());
        }
    }

    public record ItemRequest(@NotNull EvidenceItem.Kind kind, @NotNull EvidenceItem.Perspective perspective,
                              String title, String summary, String source, String author, LocalDate date,
                              List<String> options, Set<ValueCell> valueCells, SocialValue socialValue,
                              Long attachmentId, String changeNote) {
        EvidenceDraft draft() {
            return new EvidenceDraft(kind, perspective, title, summary, source, author, date, options, valueCells,
                    socialValue, attachmentId, changeNote);
        }
    }

    public record NoteRequest(String note) {
    }

    public record ReasonRequest(String reason) {
    }

    @Inject
    EvidenceService evidence;

    @Inject
    EvidenceAuthoring authoring;

    @Inject
    EvidenceReview review;

    @Inject
    WitnessQuestions witnessQuestions;

    @Inject
    PackReading reading;
    @Inject
    EvidencePaths paths;
    @Inject
    CurrentUser currentUser;

    @GET
    @Operation(summary = "The published evidence pack: each item's published version number, perspective and"
            + " SHA-256 content hash (as recorded in the audit chain)")
    @APIResponse(responseCode = "200", description = "The pack (no items while none is published)")
    @APIResponse(responseCode = "404", description = "No such published cycle")
    public PackView pack(@Parameter(description = "cycle id") @PathParam("id") long id) {
        paths.visibleCycle(id);
        return evidence.published(id).map(p -> new PackView(id, p.packNo(), p.contentHash(), p.reviewedBy(),
                p.publishedAt(), p.items())).orElse(new PackView(id, null, null, null, null, List.of()));
    }

    @GET
    @Path("/search")
    @Operation(summary = "Full-text search of the published pack (titles, summaries, sources, authors, answers)")
    public List<EvidenceViews.SearchHit> search(@PathParam("id") long id, @QueryParam("q") String q) {
        paths.visibleCycle(id);
        return evidence.search(id, q);
    }

    @GET
    @Path("/items/{itemId}/versions")
    @Operation(summary = "An item's versions: the published ones, and for officers the drafts too")
    public List<VersionView> versions(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        paths.visibleCycle(id);
        paths.itemOf(id, itemId);
        boolean officer = currentUser.isOfficer();
        return (officer ? evidence.versions(itemId) : evidence.publishedVersions(itemId)).stream()
                .map(VersionView::of).toList();
    }

    @GET
    @Path("/items/{itemId}/diff")
    @Operation(summary = "What changed between two versions of an item (field by field, words removed and added)")
    public List<EvidenceDiff.Change> diff(@PathParam("id") long id, @PathParam("itemId") long itemId,
            @Parameter(description = "the older version number (a whole number from 1); anything else is refused"
                    + " with 400") @QueryParam("from") String from,
            @Parameter(description = "the newer version number (a whole number from 1); anything else is refused"
                    + " with 400") @QueryParam("to") String to,
            @Context HttpHeaders headers) {
        StrictNumbers.Range versions = StrictNumbers.Range.whole(1, Integer.MAX_VALUE);
        int older = (int) NumberFields.query("from", from, 0, versions, headers);
        int newer = (int) NumberFields.query("to", to, 0, versions, headers);
        paths.visibleCycle(id);
        paths.itemOf(id, itemId);
        return Refusals.orThrow(evidence.diff(currentUser.actor(), itemId, older, newer));
    }

    @POST
    @Path("/items")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Add an item to the pack (its first version, a draft until a pack version is published)")
    @APIResponse(responseCode = "201", description = "The first version")
    public Response addItem(@PathParam("id") long id, @Valid @NotNull ItemRequest r) {
        EvidenceVersion v = Refusals.orThrow(authoring.addItem(currentUser.actor(), id, r.draft()));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/evidence/items/" + v.getItemId() + "/versions"))
                .entity(VersionView.of(v)).build();
    }

    @PUT
    @Path("/items/{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Edit an item: a new version (earlier versions never change)")
    public VersionView editItem(@PathParam("id") long id, @PathParam("itemId") long itemId,
                                @Valid @NotNull ItemRequest r) {
        paths.itemOf(id, itemId);
        return VersionView.of(Refusals.orThrow(authoring.editItem(currentUser.actor(), itemId, r.draft())));
    }

    @POST
    @Path("/items/{itemId}/withdraw")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Take an item out of the next pack version")
    public Response withdraw(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        paths.itemOf(id, itemId);
        Refusals.orThrow(authoring.withdrawItem(currentUser.actor(), itemId));
        return Response.noContent().build();
    }

    @POST
    @Path("/attachments")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Upload an attachment (PDF, PNG or JPEG; the body is the file, ?name= its file name)."
            + " The type is sniffed from the bytes; lying, oversized, markup and active-content files are refused"
            + " and nothing is stored")
    @APIResponse(responseCode = "201", description = "Stored; link it to an item version with attachmentId")
    @APIResponse(responseCode = "400", description = "Refused, with the reason")
    public Response upload(@PathParam("id") long id, @QueryParam("name") String name,
                           @HeaderParam("Content-Type") String contentType, byte[] body) {
        EvidenceAttachment a = Refusals.orThrow(authoring.attach(currentUser.actor(), id, name, contentType, body));
        return Response.status(201).entity(evidence.attachmentInfo(a.getId()).orElseThrow()).build();
    }

    @GET
    @Path("/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attachment of a published item (always as a download, with the sniffed type)")
    public Response download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        paths.visibleCycle(id);
        EvidenceAttachment a = evidence.attachmentFor(currentUser.actor(), id, attachmentId)
                .orElseThrow(NotFoundException::new);
        byte[] bytes = evidence.contentOf(a).orElseThrow(NotFoundException::new);
        AttachmentCheck.MediaKind kind = AttachmentCheck.MediaKind.ofMediaType(a.getMediaType());
        String encoded = URLEncoder.encode(a.getFileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(bytes, kind.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + a.getFileName().replace("\"", "")
                        + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Cache-Control", "private, no-cache")
                .build();
    }

    @GET
    @Path("/packs")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Every pack version: in review, rejected (with the reasons) or published")
    public List<PackStatus> packs(@PathParam("id") long id) {
        paths.requireCycle(id);
        return evidence.packs(id).stream().map(PackStatus::of).toList();
    }

    @POST
    @Path("/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Submit the latest version of every item for balance review")
    @APIResponse(responseCode = "201", description = "The pack version in review")
    public Response submit(@PathParam("id") long id, NoteRequest r) {
        EvidencePack p = Refusals.orThrow(review.submitForReview(currentUser.actor(), id,
                r == null ? null : r.note()));
        return Response.status(201).entity(PackStatus.of(p)).build();
    }

    @POST
    @Path("/review/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Sign off the balance of the pack in review and publish it (a second officer only)")
    public PackStatus approve(@PathParam("id") long id, NoteRequest r) {
        return PackStatus.of(Refusals.orThrow(review.approve(currentUser.actor(), id, r == null ? null : r.note())));
    }

    @POST
    @Path("/review/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Reject the pack in review with reasons (a second officer only)")
    public PackStatus reject(@PathParam("id") long id, ReasonRequest r) {
        return PackStatus.of(Refusals.orThrow(review.reject(currentUser.actor(), id,
                r == null ? null : r.reason())));
    }

    @POST
    @Path("/items/{itemId}/read")
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Mark a published item as read (counts feed the facilitator's reading progress)")
    public Response read(@PathParam("id") long id, @PathParam("itemId") long itemId) {
        paths.itemOf(id, itemId);
        Refusals.orThrow(reading.markRead(currentUser.actor(), itemId));
        return Response.noContent().build();
    }

    @GET
    @Path("/progress")
    @RolesAllowed({"FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "How many published items each juror has read (counts only)")
    public List<EvidenceViews.JurorProgress> progress(@PathParam("id") long id) {
        return Refusals.orThrow(reading.readingProgress(currentUser.actor(), id));
    }
}
