package org.civicloop.jury.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.LetterRound;
import org.civicloop.jury.LetterRoundService;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stage one of a two-stage lottery: the address list, the committed letter draw and the letters for the mail house. */
@Path("/v1/cycles/{id}/jury")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "The jury of a cycle: quotas, volunteers, letter rounds and the committed draw,"
        + " open to audit")
public class LetterRoundResource {

    @Inject
    CurrentUser currentUser;
    @Inject
    LetterRoundService letters;

    @POST
    @Path("/letters/addresses")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Upload the address list of a letter round (stage one of a two-stage lottery) while"
            + " recruiting: an id column, the address columns, optionally an area column, any other columns (kept,"
            + " officers only). The whole file is checked first; a problem names its line and nothing changes. Until"
            + " the round is committed a new upload replaces the list")
    @APIResponse(responseCode = "200", description = "Uploaded: how many addresses")
    @APIResponse(responseCode = "400", description = "A bad line (named) or column; nothing changed")
    @APIResponse(responseCode = "409", description = "Not recruiting, or the round is committed")
    public Map<String, Integer> uploadLetterAddresses(@PathParam("id") long id,
            @Parameter(description = "the id column (default id)") @QueryParam("idColumn") String idColumn,
            @Parameter(description = "the address columns, comma separated")
            @QueryParam("addressColumns") String addressColumns,
            @Parameter(description = "the area column, to split the letters across areas in proportion (optional)")
            @QueryParam("areaColumn") String areaColumn, String csv) {
        List<String> address = addressColumns == null ? List.of()
                : Arrays.stream(addressColumns.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .toList();
        return Map.of("addresses", Refusals.orThrow(letters.uploadAddresses(currentUser.actor(), id, csv, idColumn,
                address, areaColumn)));
    }

    public record LettersCommitRequest(@Min(1) int letters, boolean byArea,
                                       @NotBlank @Size(max = 200) String seed) {
    }

    @POST
    @Path("/letters/commitment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Commit to the letter draw: how many letters, whether split across areas in proportion, and"
            + " the seed, of which only the SHA-256 is published until the letters are drawn")
    @APIResponse(responseCode = "201", description = "Committed: the SHA-256 of the seed")
    public Response commitLetters(@PathParam("id") long id, @Valid @NotNull LettersCommitRequest r) {
        LetterRound round = Refusals.orThrow(letters.commitLetters(currentUser.actor(), id,
                r.letters(), r.byArea(), r.seed()));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/jury"))
                .entity(Map.of("seedCommitment", round.getSeedCommitment())).build();
    }

    @POST
    @Path("/letters/draw")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Draw the committed letters: deterministic from the list, the number and the seed (then"
            + " published); each drawn address gets a one-time registration code")
    @APIResponse(responseCode = "200", description = "Drawn: how many letters")
    @APIResponse(responseCode = "409", description = "Not committed, or drawn already")
    public Map<String, Integer> drawLetters(@PathParam("id") long id) {
        return Map.of("letters", Refusals.orThrow(letters.drawLetters(currentUser.actor(), id)));
    }

    @GET
    @Path("/letters.csv")
    @Produces("text/csv;charset=UTF-8")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "The letters for the mail house: the id, the address columns, the area and the registration"
            + " code of each drawn address, in draw order (personal data: officers only; noted in the audit log; gone"
            + " once the retention rule has run)")
    public Response lettersCsv(@PathParam("id") long id) {
        return Response.ok(Refusals.orThrow(letters.lettersCsv(currentUser.actor(), id)))
                .header("Cache-Control", "no-store").build();
    }
}
