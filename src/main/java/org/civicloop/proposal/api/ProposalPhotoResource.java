package org.civicloop.proposal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.civicloop.proposal.PhotoImage;
import org.civicloop.proposal.ProposalPhoto;
import org.civicloop.proposal.ProposalPhotos;
import org.civicloop.proposal.ProposalService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The photo on a proposal: served at a stable address (the re-encoded image and a thumbnail), attached by the
 * proposer (multipart), hidden by an officer with a public reason.
 */
@Path("v1/cycles/{id}/proposals/{pid}/photo")
@RequestScoped
@Tag(name = "Proposals")
public class ProposalPhotoResource {

    @Inject
    ProposalPhotos photos;
    @Inject
    ProposalService proposals;
    @Inject
    CurrentUser currentUser;

    /**
     * A proposal's photo as published: where to fetch it and its thumbnail, its description (alternative text) and
     * its size in pixels.
     */
    public record PhotoView(String url, String thumbnailUrl, String alt, int width, int height) {
        /** The photo as the public sees it: null when there is none or it is hidden (then see the reason). */
        public static PhotoView of(long cycleId, ProposalPhoto f) {
            if (f == null || f.isHidden()) {
                return null;
            }
            String url = "/api/v1/cycles/" + cycleId + "/proposals/" + f.getId() + "/photo";
            return new PhotoView(url, url + "/thumbnail", f.getAltText(), f.getWidth(), f.getHeight());
        }
    }

    public record HideRequest(String reason) {
    }

    public record PhotoState(long proposalId, PhotoView photo, boolean hidden, String hiddenReason) {
        static PhotoState of(long cycleId, ProposalPhoto f) {
            return new PhotoState(f.getId(), PhotoView.of(cycleId, f), f.isHidden(), f.getHiddenReason());
        }
    }

    @GET
    @Produces({"image/jpeg", "image/png"})
    @Operation(summary = "A proposal's photo (JPEG or PNG, re-encoded without metadata, at most 1,600 pixels a side)",
            description = "404 when the proposal has none, or it or the proposal is hidden. Revalidate with the ETag.")
    @APIResponse(responseCode = "200", description = "The image")
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "404", description = "No photo to show")
    public Response photo(@PathParam("id") long id, @PathParam("pid") long pid,
                          @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(id, pid, false, ifNoneMatch);
    }

    @GET
    @Path("/thumbnail")
    @Produces({"image/jpeg", "image/png"})
    @Operation(summary = "A proposal's photo as a thumbnail (at most 480 pixels a side), for lists")
    @APIResponse(responseCode = "404", description = "No photo to show")
    public Response thumbnail(@PathParam("id") long id, @PathParam("pid") long pid,
                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        return serve(id, pid, true, ifNoneMatch);
    }

    private Response serve(long id, long pid, boolean thumbnail, String ifNoneMatch) {
        ProposalPhotos.Served s = photos.served(id, pid, thumbnail).orElseThrow(NotFoundException::new);
        String etag = "\"" + s.sha256() + "\"";
        Response.ResponseBuilder r = etag.equals(ifNoneMatch) ? Response.notModified()
                : Response.ok(s.bytes(), s.mediaType());
        // public, but checked with the server on every use (a cheap 304), so a photo hidden by a moderator is gone
        return r.header("ETag", etag)
                .header("Cache-Control", "public, no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline")
                .build();
    }

    @PUT
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "The proposer attaches a photo (multipart/form-data: the file as \"photo\", its description"
            + " as \"alt\")", description = "Only the proposal's author, once, while the proposal is untouched (the"
            + " step open, not merged, assessed or hidden). JPEG or PNG, judged by the bytes (WebP cannot be decoded"
            + " here: convert it); at most 5 MB and 8,000 pixels a side. The photo is re-encoded without metadata"
            + " (GPS position, camera, time) and scaled to at most 1,600 pixels a side; the uploaded file is not kept.")
    @APIResponse(responseCode = "200", description = "Attached")
    @APIResponse(responseCode = "400", description = "Not JPEG or PNG, too large, unreadable, or no description"
            + " (nothing stored)")
    @APIResponse(responseCode = "403", description = "Not the proposal's author")
    @APIResponse(responseCode = "409", description = "The proposal already has a photo, or can no longer change")
    public PhotoState attach(@PathParam("id") long id, @PathParam("pid") long pid,
                             @Schema(type = SchemaType.STRING,
                                     format = "binary") @FormParam("photo") EntityPart photo,
                             @FormParam("alt") String alt) throws IOException {
        requireOfCycle(id, pid);
        byte[] bytes = new byte[0];
        if (photo != null) {
            try (InputStream in = photo.getContent()) {
                bytes = in.readNBytes(PhotoImage.MAX_BYTES + 1);
            }
        }
        return PhotoState.of(id, Refusals.orThrow(photos.attach(currentUser.actor(), pid, bytes, alt)));
    }

    @POST
    @Path("/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Hide a proposal's photo with a public reason (the proposal stays; nothing is deleted)")
    @APIResponse(responseCode = "404", description = "The proposal has no photo")
    @APIResponse(responseCode = "409", description = "Already hidden")
    public PhotoState hide(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull HideRequest r) {
        requireOfCycle(id, pid);
        return PhotoState.of(id, Refusals.orThrow(photos.hide(currentUser.actor(), pid, r.reason())));
    }

    private void requireOfCycle(long id, long pid) {
        proposals.cycleOf(pid).filter(c -> c == id).orElseThrow(NotFoundException::new);
    }
}
