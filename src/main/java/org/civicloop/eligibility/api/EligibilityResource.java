package org.civicloop.eligibility.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.eligibility.Eligibility;
import org.civicloop.eligibility.EligibilityService;
import org.civicloop.eligibility.Verifications;
import org.civicloop.eligibility.Verification;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Csv;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cycle's electorate: the public summary, officers' definition, census import and codes, residents' verification. */
@Path("v1/cycles/{id}/electorate")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Eligibility", description = "Who may cast a residents' ballot and support proposals: the electorate,"
        + " census verification (keyed hashes only), one-time postal codes, officers' in-person checks")
public class EligibilityResource {

    @Inject
    EligibilityService service;
    @Inject
    Verifications verifications;
    @Inject
    Eligibility eligibility;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;

    /**
     * The electorate as published. {@code open}: no electorate is defined, any signed-in resident may vote and support;
     * otherwise the minimum age, the districts, the methods that count ({@code census}, {@code code}, {@code inPerson}),
     * how many people the census holds and how many accounts are verified. No identities.
     */
    public record Summary(long cycleId, boolean open, Integer minAge, List<String> districts, List<String> methods,
                          long censusPeople, long verified) {
        static Summary of(long cycleId, Eligibility.ElectorateView e) {
            if (e == null) {
                return new Summary(cycleId, true, null, List.of(), List.of(), 0, 0);
            }
            List<String> methods = new ArrayList<>();
            if (e.byCensus()) {
                methods.add("census");
            }
            if (e.byCode()) {
                methods.add("code");
            }
            if (e.inPerson()) {
                methods.add("inPerson");
            }
            return new Summary(cycleId, false, e.minAge(), e.districts(), methods, e.censusPeople(), e.verified());
        }
    }

    public record ElectorateRequest(Integer minAge, String districts, boolean census, boolean code,
                                    boolean inPerson) {
    }

    public record Imported(int people, int alreadyBound) {
    }

    public record CodesRequest(String district, Integer count) {
    }

    public record InPersonRequest(String username, String district) {
    }

    /** Census identifiers (document number, date of birth YYYY-MM-DD, postcode), or a one-time postal code. */
    public record VerifyRequest(String document, String birthDate, String postcode, String code) {
    }

    /** The signed-in account's standing in the cycle. */
    public record Standing(long cycleId, boolean open, boolean verified, String district, String method,
                           Instant verifiedAt) {
    }

    private void requirePublished(long id) {
        cycles.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
    }

    private Summary summary(long id) {
        return Summary.of(id, eligibility.electorate(id).orElse(null));
    }

    @GET
    @Operation(summary = "Who may vote and support in a published cycle: open to any account, or its electorate"
            + " (minimum age, districts, verification methods, census size, verified accounts; no identities)")
    public Summary electorate(@PathParam("id") long id) {
        requirePublished(id);
        return summary(id);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Define or change the cycle's electorate: minimum age (0-25), districts (one a line or"
            + " comma-separated), and which methods count (census, code, inPerson; at least one)")
    @APIResponse(responseCode = "400", description = "A missing or bad value")
    @APIResponse(responseCode = "409", description = "The vote is open (the electorate is frozen)")
    public Summary define(@PathParam("id") long id, @Valid @NotNull ElectorateRequest r) {
        Refusals.orThrow(service.defineElectorate(currentUser.actor(), id, r.minAge() == null ? -1 : r.minAge(),
                r.districts(), r.census(), r.code(), r.inPerson()));
        return summary(id);
    }

    @PUT
    @Path("/census")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Upload the census (CSV: document,birth_date,postcode,district); it replaces the lines not"
            + " used yet, and only keyed hashes of the identifiers are kept")
    @APIResponse(responseCode = "400", description = "A bad line, named by its number (nothing is changed)")
    @APIResponse(responseCode = "409", description = "No electorate with census verification, or the vote is open")
    public Imported census(@PathParam("id") long id, String csv) {
        EligibilityService.Imported i = Refusals.orThrow(service.importCensus(currentUser.actor(), id, csv));
        return new Imported(i.people(), i.alreadyBound());
    }

    @POST
    @Path("/codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces("text/csv;charset=UTF-8")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Issue one-time postal codes for a district (1-5,000): answered once as CSV (district,code)"
            + " for the mail house, kept only as keyed hashes")
    public Response codes(@PathParam("id") long id, @Valid @NotNull CodesRequest r) {
        List<String> codes = Refusals.orThrow(service.issueCodes(currentUser.actor(), id, r.district(),
                r.count() == null ? 0 : r.count()));
        StringBuilder out = new StringBuilder("district,code\n");
        for (String c : codes) {
            out.append(Csv.exportRow(List.of(r.district().strip(), c)));
        }
        return Response.ok(out.toString()).header("Content-Disposition", "attachment; filename=\"codes-" + id
                + ".csv\"").build();
    }

    @POST
    @Path("/in-person")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Record an officer's in-person check of a resident (their account's user name and"
            + " district); audited with the officer's name and the resident's pseudonym")
    @APIResponse(responseCode = "201", description = "Verified")
    public Response inPerson(@PathParam("id") long id, @Valid @NotNull InPersonRequest r) {
        Refusals.orThrow(verifications.verifyInPerson(currentUser.actor(), id, r.username(), r.district()));
        return Response.status(201).entity(summary(id)).build();
    }

    @GET
    @Path("/verification")
    @RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
    @Operation(summary = "The signed-in account's standing: whether it is verified for the cycle, in which district")
    public Standing standing(@PathParam("id") long id) {
        requirePublished(id);
        return standing(id, service.verificationOf(id, currentUser.getUsername()).orElse(null));
    }

    private Standing standing(long id, Verification v) {
        boolean open = eligibility.electorate(id).isEmpty();
        return v == null ? new Standing(id, open, false, null, null, null)
                : new Standing(id, open, true, v.getDistrict(),
                v.getMethod().name().toLowerCase(java.util.Locale.ROOT), v.getVerifiedAt());
    }

    @POST
    @Path("/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Verify the signed-in resident: with census identifiers (document, birthDate YYYY-MM-DD,"
            + " postcode) or a one-time postal code (code)")
    @APIResponse(responseCode = "201", description = "Verified: the district the census line or code gives")
    @APIResponse(responseCode = "400", description = "No census match, or not a valid code")
    @APIResponse(responseCode = "403", description = "Under the electorate's minimum age")
    @APIResponse(responseCode = "409", description = "Already verified, or the census line or code was used by"
            + " another account")
    public Response verify(@PathParam("id") long id, @Valid @NotNull VerifyRequest r) {
        Verification v = Refusals.orThrow(r.code() != null && !r.code().isBlank()
                ? verifications.verifyByCode(currentUser.actor(), id, r.code())
                : verifications.verifyByCensus(currentUser.actor(), id, r.document(), r.birthDate(), r.postcode()));
        return Response.status(201).entity(standing(id, v)).build();
    }
}
