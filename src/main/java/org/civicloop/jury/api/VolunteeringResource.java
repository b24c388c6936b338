package org.civicloop.jury.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.JurySetting;
import org.civicloop.jury.PoolImport;
import org.civicloop.jury.Volunteer;
import org.civicloop.jury.Volunteering;
import org.civicloop.kernel.Result;
import org.civicloop.platform.RateLimits;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The jury's pool: residents volunteering (with a letter's code or not), who may volunteer, the household rule, and
 * people imported from a file.
 */
@Path("/v1/cycles/{id}/jury")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "The jury of a cycle: quotas, volunteers, letter rounds and the committed draw,"
        + " open to audit")
public class VolunteeringResource {

    @Inject
    RateLimits rateLimits;
    @Inject
    CurrentUser currentUser;
    @Inject
    Volunteering volunteering;
    @Inject
    PoolImport poolImport;

    public record VolunteerRequest(boolean consent, Map<String, @Size(max = 100) String> answers,
                                   @Size(max = 500) String address, @Size(max = 40) String code) {
    }

    @POST
    @Path("/volunteers")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"RESIDENT", "JUROR"})
    @Operation(summary = "Volunteer for the jury while the cycle recruits and its jury is not yet drawn: consent, one"
            + " answer per category, an"
            + " optional address for the household rule, and the registration code of an invitation letter (required"
            + " when the cycle's volunteering is LETTERS_ONLY). A code is used once; its letter's address becomes the"
            + " volunteer's household. A wrong or used code changes nothing")
    @APIResponse(responseCode = "201", description = "In the pool: the volunteer's pseudonymous id")
    @APIResponse(responseCode = "400", description = "A missing answer or consent, a code required, or a wrong code")
    @APIResponse(responseCode = "409", description = "Already volunteered, not recruiting, the jury already drawn,"
            + " or the code was used")
    @APIResponse(responseCode = "429", description = "Too many wrong codes from this account or address;"
            + " Retry-After says when to try again")
    public Response volunteer(@PathParam("id") long id, @Valid @NotNull VolunteerRequest r,
                              @Context HttpServletRequest request) {
        boolean withCode = r.code() != null && !r.code().isBlank();
        if (withCode) {
            Optional<Duration> wait = rateLimits.letterCodeBlocked(currentUser.getUsername(),
                    request.getRemoteAddr());
            if (wait.isPresent()) {
                throw new WebApplicationException(RateLimits.tooManyRequestsSaying(wait.get(),
                        "problem.detail.registrationCodes"));
            }
        }
        Result<Volunteer> v = volunteering.volunteer(currentUser.actor(), id,
                r.consent(), r.answers() == null ? Map.of() : r.answers(), r.address(), r.code());
        if (withCode && v instanceof Result.Refused<Volunteer> refused
                && refused.key().startsWith("refused.volunteer.code")) {
            rateLimits.letterCodeFailed(currentUser.getUsername(), request.getRemoteAddr());
        }
        return Response.status(201).entity(Map.of("volunteer", Refusals.orThrow(v).getId())).build();
    }

    public record VolunteeringRequest(@NotNull JurySetting.Volunteering volunteering) {
    }

    @PUT
    @Path("/volunteering")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Who may volunteer: OPEN (anyone, with or without a letter's code) or LETTERS_ONLY (only"
            + " residents giving an invitation letter's registration code); while recruiting, before the draw is"
            + " committed")
    public VolunteeringRequest setVolunteering(@PathParam("id") long id, @Valid @NotNull VolunteeringRequest r) {
        return new VolunteeringRequest(Refusals.orThrow(volunteering.setVolunteering(currentUser.actor(), id,
                r.volunteering())).getVolunteering());
    }

    @POST
    @Path("/people")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Import volunteers from a people CSV (an id column, one column per feature with quotas, any"
            + " other columns such as names and address lines) while recruiting and before the draw: they join the"
            + " pool without an account, every row is kept unchanged for the officers' export. Any problem (named with"
            + " its line) refuses the whole file and changes nothing")
    @APIResponse(responseCode = "200", description = "Imported: how many people")
    @APIResponse(responseCode = "400", description = "The file does not fit the quotas (problem details name the lines)")
    public Map<String, Integer> importJuryPeople(@PathParam("id") long id,
            @Parameter(description = "the id column (default id)") @QueryParam("idColumn") String idColumn,
            @Parameter(description = "the columns forming the address for the household rule, comma separated")
            @QueryParam("addressColumns") String addressColumns, String csv) {
        List<String> address = addressColumns == null ? List.of()
                : Arrays.stream(addressColumns.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .toList();
        return Map.of("imported", Refusals.orThrow(poolImport.importPool(currentUser.actor(), id, csv, idColumn, address)));
    }

    @GET
    @Path("/people.csv")
    @Produces("text/csv;charset=UTF-8")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "The imported people exactly as imported: the file's header and every row unchanged, in"
            + " import order (personal data: officers only; gone once the retention rule has run)")
    public Response juryPeople(@PathParam("id") long id) {
        return Response.ok(Refusals.orThrow(poolImport.importedPeopleCsv(currentUser.actor(), id)))
                .header("Cache-Control", "no-store").build();
    }

    public record HouseholdRequest(boolean onePerHousehold) {
    }

    @PUT
    @Path("/household")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Turn the household rule (at most one person per address; on by default) on or off, before"
            + " the draw is committed")
    public HouseholdRequest setHousehold(@PathParam("id") long id, @NotNull HouseholdRequest r) {
        return new HouseholdRequest(Refusals.orThrow(volunteering.setHouseholdRule(currentUser.actor(), id,
                r.onePerHousehold())).isOnePerHousehold());
    }
}
