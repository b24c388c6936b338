package org.civicloop.proposal.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.Refusals;
import org.civicloop.proposal.Proposal;
import org.civicloop.proposal.ProposalComment;
import org.civicloop.proposal.ProposalCommentService;
import org.civicloop.proposal.ProposalDesk;
import org.civicloop.proposal.ProposalDraft;
import org.civicloop.proposal.ProposalNotices;
import org.civicloop.proposal.ProposalPhoto;
import org.civicloop.proposal.ProposalPhotos;
import org.civicloop.proposal.ProposalService;
import org.civicloop.proposal.ProposalSetting;
import org.civicloop.proposal.ProposalSupports;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Residents' proposals of a cycle: open data, proposing and supporting, officers' merging, assessment, moderation. */
@Path("v1/cycles/{id}/proposals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Proposals", description = "Residents' proposals: supports, merged duplicates, assessments, the options"
        + " they became, moderation")
public class ProposalResource {

    @Inject
    ProposalService proposals;
    @Inject
    ProposalSupports supportsOf;
    @Inject
    ProposalDesk desk;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;
    @Inject
    ProposalCommentService comments;
    @Inject
    ProposalNotices notices;
    @Inject
    ProposalPhotos photos;

    /**
     * A proposal as published. {@code status}: submitted, merged, feasible, unfeasible or selected (became the option
     * {@code optionCode}); {@code supports} counts each account once, a merged duplicate's supporters counted for the
     * proposal it was merged into; a hidden proposal shows no title, description, point or photo, only the
     * moderator's reason; {@code photo} is left out without one, or when it is hidden ({@code photoHiddenReason} says why).
     */
    public record View(long id, String status, String title, String description, String district, long roughCost,
                       Double latitude, Double longitude, String credit, int supports, Long mergedInto,
                       String reason, Long estimate, String service, Instant assessedAt, String optionCode,
                       boolean hidden, String hiddenReason, Instant submittedAt, ProposalPhotoResource.PhotoView photo,
                       String photoHiddenReason) {
        static View of(ProposalService.Listed l, ProposalPhoto f) {
            Proposal p = l.proposal();
            return new View(p.getId(), p.getStatus().name().toLowerCase(java.util.Locale.ROOT), p.getTitle(),
                    p.getDescription(), p.getDistrict(), p.getRoughCost(), p.getLatitude(), p.getLongitude(),
                    p.getCredit(), l.supports(), p.getMergedInto(), p.getReason(), p.getEstimate(), p.getService(),
                    p.getAssessedAt(), p.getOptionCode(), p.isHidden(), p.getHiddenReason(), p.getCreatedAt(),
                    p.isHidden() ? null : ProposalPhotoResource.PhotoView.of(p.getCycleId(), f),
                    f != null && f.isHidden() && !p.isHidden() ? f.getHiddenReason() : null);
        }
    }

    public record SettingRequest(boolean accepting, String districts) {
    }

    public record SettingView(long cycleId, boolean accepting, List<String> districts) {
        static SettingView of(ProposalSetting s) {
            return new SettingView(s.getCycleId(), s.isAccepting(), s.getDistricts());
        }
    }

    public record ProposeRequest(String title, String description, String district, Long roughCost, Double latitude,
                                 Double longitude, String credit,
                                 @Schema(description = "E-mail the author each notice about the proposal (to the"
                                         + " account's address; default false)") Boolean emailUpdates) {
    }

    public record MailRequest(@NotNull @Schema(description = "E-mail the author each notice about the proposal from"
            + " now on (true) or no longer (false)") Boolean emailUpdates) {
    }

    public record MailView(long proposalId, boolean emailUpdates) {
    }

    public record MergeRequest(@NotNull Long into) {
    }

    public record AssessmentRequest(@NotNull Boolean feasible, String reason, Long estimate, String service) {
    }

    public record SelectionRequest(String code) {
    }

    public record ReasonRequest(String reason) {
    }

    private void requirePublished(long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
    }

    private void requireOfCycle(long id, long pid) {
        proposals.cycleOf(pid).filter(c -> c == id).orElseThrow(NotFoundException::new);
    }

    private View view(Proposal p) {
        return View.of(proposals.listed(p), photos.of(p.getId()).orElse(null));
    }

    @GET
    @Operation(summary = "The residents' proposals of a published cycle, a page at a time: search, district, order",
            description = "Each with its status (submitted, merged, feasible, unfeasible, selected), supports,"
                    + " district, and once assessed the reason, the estimate and the delivering service; the optionCode"
                    + " of the budget option it became; its photo (photo: url, thumbnailUrl, alt text, width and height)"
                    + " unless hidden. Hidden proposals stay listed with the moderator's reason (a"
                    + " search does not find them). The X-Total-Count header says how many match in all; Link gives the"
                    + " next and previous pages.")
    @APIResponse(responseCode = "200", description = "A page of proposals (an array, possibly empty)",
            headers = {@Header(name = "X-Total-Count", description = "How many proposals match the query in all",
                    schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = "rel=\"next\" and rel=\"prev\" pages, when there are",
                    schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "A query over 200 characters or 8 words, a district the cycle"
            + " does not have, an order other than supports or newest, a page below 1 or a size outside 1 to 100")
    public Response list(@PathParam("id") long id,
                         @Parameter(description = "Search words: each must start a word of the title or description;"
                                 + " case and accents ignored (\"jardin\" finds \"Jardín\")") @QueryParam("q") String q,
                         @Parameter(description = "Only proposals naming this district (one of the cycle's)")
                         @QueryParam("district") String district,
                         @Parameter(description = "supports (most supported first, the default) or newest")
                         @QueryParam("sort") String sort,
                         @Parameter(description = "The page, from 1 (default 1)") @QueryParam("page") String page,
                         @Parameter(description = "Proposals a page, 1 to 100 (default 20)") @QueryParam("size")
                         String size,
                         @Context UriInfo uri) {
        requirePublished(id);
        Integer p = whole(page);
        Integer n = whole(size);
        if (p == null && page != null || n == null && size != null) {
            Refusals.orThrow(Result.refused("refused.proposals.paging",
                    String.valueOf(ProposalService.PAGE_SIZE_MAX)));
        }
        ProposalService.Page found = Refusals.orThrow(proposals.search(id,
                new ProposalService.Query(q, district, sort, p, n)));
        java.util.Map<Long, ProposalPhoto> photo = photos.of(found.items().stream().map(l -> l.proposal().getId())
                .toList());
        Response.ResponseBuilder answer = Response.ok(found.items().stream()
                        .map(l -> View.of(l, photo.get(l.proposal().getId()))).toList())
                .header("X-Total-Count", found.total());
        if (found.page() < found.pages()) {
            answer.link(uri.getRequestUriBuilder().replaceQueryParam("page", found.page() + 1).build(), "next");
        }
        if (found.page() > 1) {
            answer.link(uri.getRequestUriBuilder().replaceQueryParam("page", Math.min(found.page() - 1,
                    found.pages())).build(), "prev");
        }
        return answer.build();
    }

    /** A whole number as given in a query parameter, null when absent or not one. */
    static Integer whole(String text) {
        if (text == null || !text.strip().matches("-?[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(text.strip());
    }

    @GET
    @Path("/settings")
    @Operation(summary = "Whether the cycle accepts proposals now, and the districts a proposal may name")
    public SettingView setting(@PathParam("id") long id) {
        requirePublished(id);
        ProposalSetting s = proposals.setting(id).orElse(null);
        return s == null ? new SettingView(id, false, List.of())
                : new SettingView(id, proposals.accepting(id), s.getDistricts());
    }

    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Open or close the proposals step (AUTHORISE or RECRUIT) with its districts (one a line or"
            + " comma-separated; omitted: keep them)")
    @APIResponse(responseCode = "409", description = "The cycle is past RECRUIT")
    public SettingView set(@PathParam("id") long id, @Valid @NotNull SettingRequest r) {
        return SettingView.of(Refusals.orThrow(proposals.setAccepting(currentUser.actor(), id, r.accepting(),
                r.districts())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Propose: title, description, district (one of the cycle's), rough cost, optional map point"
            + " (latitude and longitude), optional name to be credited with, and whether to be e-mailed each notice")
    @APIResponse(responseCode = "201", description = "Submitted")
    @APIResponse(responseCode = "400", description = "Something missing, too long or not one of the districts")
    @APIResponse(responseCode = "403", description = "Not a resident; or, in a cycle with an electorate, not verified"
            + " for it, or verified in another of its districts than the proposal's (problem details; nothing stored)")
    @APIResponse(responseCode = "409", description = "The cycle does not accept proposals now")
    public Response propose(@PathParam("id") long id, @Valid @NotNull ProposeRequest r) {
        Proposal p = Refusals.orThrow(proposals.propose(currentUser.actor(), id, new ProposalDraft(r.title(),
                r.description(), r.district(), r.roughCost() == null ? 0 : r.roughCost(), r.latitude(),
                r.longitude(), r.credit()), Boolean.TRUE.equals(r.emailUpdates())));
        return Response.status(201).entity(view(p)).build();
    }

    @POST
    @Path("/{pid}/support")
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Support a proposal (once per account)")
    @APIResponse(responseCode = "403", description = "Not a resident; or, in a cycle with an electorate, not verified"
            + " for it, or verified in another of its districts than the proposal's (problem details; nothing stored)")
    @APIResponse(responseCode = "409", description = "Already supported, merged, hidden, or proposals closed")
    public View support(@PathParam("id") long id, @PathParam("pid") long pid) {
        requireOfCycle(id, pid);
        return view(Refusals.orThrow(supportsOf.support(currentUser.actor(), pid)));
    }

    @DELETE
    @Path("/{pid}/support")
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Withdraw one's support of a proposal")
    public View withdraw(@PathParam("id") long id, @PathParam("pid") long pid) {
        requireOfCycle(id, pid);
        return view(Refusals.orThrow(supportsOf.withdrawSupport(currentUser.actor(), pid)));
    }

    @GET
    @Path("/{pid}/mail")
    @RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Whether the proposal's author is e-mailed each notice about it (the author only)")
    @APIResponse(responseCode = "403", description = "Not the proposal's author (problem details)")
    public MailView mail(@PathParam("id") long id, @PathParam("pid") long pid) {
        requireOfCycle(id, pid);
        return new MailView(pid, Refusals.orThrow(notices.mailChoice(currentUser.actor(), pid)));
    }

    @PUT
    @Path("/{pid}/mail")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "The author changes whether they are e-mailed each notice about their proposal (to their"
            + " account's address); the in-app notices go on either way")
    @APIResponse(responseCode = "403", description = "Not the proposal's author (problem details; nothing changed)")
    public MailView chooseMail(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull MailRequest r) {
        requireOfCycle(id, pid);
        return new MailView(pid, Refusals.orThrow(notices.chooseMail(currentUser.actor(), pid, r.emailUpdates())));
    }

    @POST
    @Path("/{pid}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Report a proposal to the moderators, with a reason (once per account)")
    @APIResponse(responseCode = "201", description = "Reported")
    public Response report(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull ReasonRequest r) {
        requireOfCycle(id, pid);
        Refusals.orThrow(desk.report(currentUser.actor(), pid, r.reason()));
        return Response.status(201).build();
    }

    /**
     * A comment as published: who wrote it is never published, only whether it was the proposer; a hidden comment
     * shows no text, only the council's reason.
     */
    public record CommentView(long id, long proposalId, String body, boolean byProposer, Instant createdAt,
                              boolean hidden, String hiddenReason, Instant hiddenAt) {
        static CommentView of(ProposalCommentService.Shown s) {
            ProposalComment c = s.comment();
            return new CommentView(c.getId(), c.getProposalId(), c.getBody(), s.byProposer(), c.getCreatedAt(),
                    c.isHidden(), c.getHiddenReason(), c.getHiddenAt());
        }
    }

    public record CommentRequest(String body) {
    }

    private void requireCommentOf(long pid, long cid) {
        comments.proposalOf(cid).filter(p -> p == pid).orElseThrow(NotFoundException::new);
    }

    private CommentView commentView(long pid, ProposalComment c) {
        return comments.comments(pid).stream().filter(s -> s.comment().getId().equals(c.getId())).findFirst()
                .map(CommentView::of).orElseThrow(NotFoundException::new);
    }

    @GET
    @Path("/{pid}/comments")
    @Operation(summary = "A proposal's comments, oldest first; hidden ones in place with the council's reason")
    public List<CommentView> comments(@PathParam("id") long id, @PathParam("pid") long pid) {
        requirePublished(id);
        requireOfCycle(id, pid);
        return comments.comments(pid).stream().map(CommentView::of).toList();
    }

    @POST
    @Path("/{pid}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Comment on a proposal (1 to 2,000 characters), until the vote opens")
    @APIResponse(responseCode = "201", description = "Posted")
    @APIResponse(responseCode = "400", description = "Empty or over 2,000 characters")
    @APIResponse(responseCode = "409", description = "The vote has opened, or the proposal is hidden")
    public Response comment(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull CommentRequest r) {
        requireOfCycle(id, pid);
        ProposalComment c = Refusals.orThrow(comments.comment(currentUser.actor(), pid, r.body()));
        return Response.status(201).entity(commentView(pid, c)).build();
    }

    @POST
    @Path("/{pid}/comments/{cid}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "Report a comment to the moderators, with a reason (once per account)")
    @APIResponse(responseCode = "201", description = "Reported")
    public Response reportComment(@PathParam("id") long id, @PathParam("pid") long pid, @PathParam("cid") long cid,
                                  @Valid @NotNull ReasonRequest r) {
        requireOfCycle(id, pid);
        requireCommentOf(pid, cid);
        Refusals.orThrow(comments.report(currentUser.actor(), cid, r.reason()));
        return Response.status(201).build();
    }

    @POST
    @Path("/{pid}/comments/{cid}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Hide a comment with a public reason (shown in its place: nothing is deleted)")
    public CommentView hideComment(@PathParam("id") long id, @PathParam("pid") long pid, @PathParam("cid") long cid,
                                   @Valid @NotNull ReasonRequest r) {
        requireOfCycle(id, pid);
        requireCommentOf(pid, cid);
        return commentView(pid, Refusals.orThrow(comments.hide(currentUser.actor(), cid, r.reason())));
    }

    @POST
    @Path("/{pid}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Merge a duplicate into another proposal of the cycle (its supports carried over, each"
            + " account counted once; both authors told)")
    public View merge(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull MergeRequest r) {
        requireOfCycle(id, pid);
        return view(Refusals.orThrow(desk.merge(currentUser.actor(), pid, r.into())));
    }

    @POST
    @Path("/{pid}/assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Assess a proposal: feasible with the delivering service and its costed estimate, or"
            + " unfeasible with the reason (published)")
    public View assess(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull AssessmentRequest r) {
        requireOfCycle(id, pid);
        return view(Refusals.orThrow(desk.assess(currentUser.actor(), pid, r.feasible(), r.reason(),
                r.estimate(), r.service())));
    }

    @POST
    @Path("/{pid}/selection")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Make a feasible proposal a budget option of the cycle under the given option code (cost:"
            + " the estimate)")
    public View select(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull SelectionRequest r) {
        requireOfCycle(id, pid);
        return view(Refusals.orThrow(desk.select(currentUser.actor(), pid, r.code())));
    }

    @POST
    @Path("/{pid}/hide")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Hide a proposal with a public reason (it stays listed with the reason)")
    public View hide(@PathParam("id") long id, @PathParam("pid") long pid, @Valid @NotNull ReasonRequest r) {
        requireOfCycle(id, pid);
        return view(Refusals.orThrow(desk.hide(currentUser.actor(), pid, r.reason())));
    }
}
