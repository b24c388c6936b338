package org.civicloop.jury.api;

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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Csv;
import org.civicloop.platform.Problem;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.civicloop.jury.InfeasibilityReport;
import org.civicloop.jury.JuryDraw;
import org.civicloop.jury.JuryDrawRunner;
import org.civicloop.jury.JuryRetention;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.PoolImport;
import org.civicloop.jury.JuryDraws;
import org.civicloop.jury.Volunteering;
import org.civicloop.jury.JurySetting;
import org.civicloop.jury.LetterRound;
import org.civicloop.jury.LetterRoundService;
import org.civicloop.jury.Volunteer;
import org.civicloop.kernel.Messages;
import org.civicloop.kernel.RateLimiter;
import org.civicloop.kernel.Result;
import org.civicloop.platform.RateLimits;

/** The jury of a cycle: categories and quotas, volunteering, letter rounds, the committed draw, open to audit. */
@Path("/v1/cycles/{id}/jury")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "The jury of a cycle: quotas, volunteers, letter rounds and the committed draw,"
        + " open to audit")
public class JuryResource {

    @Inject
    RateLimits rateLimits;
    @Inject
    CycleService cycles;
    @Inject
    CurrentUser currentUser;
    @Inject
    JuryService jury;
    @Inject
    Volunteering volunteering;
    @Inject
    JuryDraws draws;
    @Inject
    PoolImport poolImport;
    @Inject
    JuryDrawRunner drawRunner;
    @Inject
    JuryRetention retention;
    @Inject
    LetterRoundService letters;

    public record Representation(String feature, String value, int min, int max, long volunteers, long invited,
                                 long accepted, long attended, long jury) {
    }

    public record ReplacementView(String declined, String replacement) {
    }

    public record JuryView(String method, Integer panelSize, String seedCommitment, String seed, Instant committedAt,
                           Instant drawnAt, String minProbability, String meanProbability, String tolerance,
                           int volunteers,
                           List<Representation> representation, List<String> selected,
                           List<ReplacementView> replacements, JuryService.RepeatParticipants
                                   usualSuspects, String volunteering, LettersView letters) {
    }

    /** Stage one of a two-stage lottery: the list, the commitment, the seed once drawn, and the response. */
    public record LettersView(int addresses, String listSha256, Integer letters, boolean byArea, String seedCommitment,
                              String seed, Instant committedAt, Instant drawnAt, int sent, int registered,
                              String responseRate, List<LetterRoundService.AreaResponse> areas) {
    }

    private LettersView lettersView(long id) {
        LetterRound round = letters.round(id).orElse(null);
        if (round == null) {
            return null;
        }
        LetterRoundService.Response r = letters.response(id).orElseThrow();
        return new LettersView(round.getAddressCount(), round.getListSha256(), round.getLetters(), round.isByArea(),
                round.getSeedCommitment(), round.getPublishedSeed(), round.getCommittedAt(), round.getDrawnAt(),
                r.letters(), r.registered(), r.rate(), r.areas());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The jury draw: method, size, the seed's SHA-256 committed before the draw, the seed once"
            + " drawn, the lowest selection probability, the tolerance a leximin draw was computed to (null when exact;"
            + " `civicloop-tools.jar select --tolerance`), the representativeness table (quota, volunteers, invited,"
            + " accepted, attended, on the jury), the ids the draw selected and the replacements for those who declined"
            + " (pseudonymous volunteer ids), how many of the pool and the jury took part in an earlier cycle, who may"
            + " volunteer, and the letter round if any (list size and SHA-256, letters, the seed's commitment, the"
            + " seed once drawn, registrations and the response rate overall and per area)")
    public JuryView jury(@PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        JuryDraw d = jury.findDraw(id).orElse(null);
        List<Representation> lines = jury.representation(id).stream().map(l -> new Representation(l.feature(),
                l.value(), l.min(), l.max(), l.pool(), l.invited(), l.accepted(), l.attended(), l.jury())).toList();
        List<Volunteer> invited = jury.invited(id);
        List<String> selected = invited.stream().filter(v -> v.getReplacesId() == null)
                .map(v -> Long.toString(v.getId())).toList();
        List<ReplacementView> replacements = invited.stream().filter(v -> v.getReplacesId() != null)
                .map(v -> new ReplacementView(Long.toString(v.getReplacesId()), Long.toString(v.getId()))).toList();
        return new JuryView(d == null ? null : d.getMethod(), d == null ? null : d.getPanelSize(),
                d == null ? null : d.getSeedCommitment(), d == null ? null : d.getPublishedSeed(),
                d == null ? null : d.getCommittedAt(), d == null ? null : d.getDrawnAt(),
                d == null ? null : d.getMinProbability(), d == null ? null : d.getMeanProbability(),
                d == null ? null : d.getTolerance(), jury.pool(id).size(), lines, selected, replacements, jury.repeatParticipants(id),
                jury.setting(id).getVolunteering().name(), lettersView(id));
    }

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
                              @jakarta.ws.rs.core.Context jakarta.servlet.http.HttpServletRequest request) {
        boolean withCode = r.code() != null && !r.code().isBlank();
        if (withCode) {
            java.util.Optional<java.time.Duration> wait = rateLimits.letterCodeBlocked(currentUser.getUsername(),
                    request.getRemoteAddr());
            if (wait.isPresent()) {
                throw new WebApplicationException(RateLimits.tooManyRequests(wait.get(),
                        "Too many wrong registration codes; nothing has been recorded. Try again in "
                                + RateLimiter.retryAfterSeconds(wait.get()) + " seconds."));
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
            @Parameter(description = "the id column (default id)") @jakarta.ws.rs.QueryParam("idColumn") String idColumn,
            @Parameter(description = "the address columns, comma separated")
            @jakarta.ws.rs.QueryParam("addressColumns") String addressColumns,
            @Parameter(description = "the area column, to split the letters across areas in proportion (optional)")
            @jakarta.ws.rs.QueryParam("areaColumn") String areaColumn, String csv) {
        List<String> address = addressColumns == null ? List.of()
                : java.util.Arrays.stream(addressColumns.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .toList();
        return Map.of("addresses", Refusals.orThrow(letters.uploadAddresses(currentUser.actor(), id, csv, idColumn,
                address, areaColumn)));
    }

    public record LettersCommitRequest(@jakarta.validation.constraints.Min(1) int letters, boolean byArea,
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

    @POST
    @Path("/test-panel")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Draw a test panel without recording anything (officers, while recruiting), with method"
            + " LEXIMIN, MAXIMIN or LEGACY: the lowest and mean selection probability and each category's count")
    public JuryDraws.TestPanel testPanel(@PathParam("id") long id,
            @jakarta.ws.rs.QueryParam("size") int size, @jakarta.ws.rs.QueryParam("method") String method) {
        return Refusals.orThrow(draws.testPanel(currentUser.actor(), id, size, method));
    }

    @PUT
    @Path("/quotas")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Set the jury's categories and quotas from CSV (feature,value,min,max), replacing earlier"
            + " ones, while recruiting and before anyone volunteered or was imported")
    @APIResponse(responseCode = "200", description = "Saved: the number of quotas")
    public Map<String, Integer> setJuryQuotas(@PathParam("id") long id, String csv) {
        return Map.of("quotas", Refusals.orThrow(draws.setQuotas(currentUser.actor(), id, csv)).size());
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
            @Parameter(description = "the id column (default id)") @jakarta.ws.rs.QueryParam("idColumn") String idColumn,
            @Parameter(description = "the columns forming the address for the household rule, comma separated")
            @jakarta.ws.rs.QueryParam("addressColumns") String addressColumns, String csv) {
        List<String> address = addressColumns == null ? List.of()
                : java.util.Arrays.stream(addressColumns.split(",")).map(String::strip).filter(a -> !a.isEmpty())
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

    public record CommitRequest(@jakarta.validation.constraints.Min(1) int size,
                                @NotBlank @Size(max = 200) String seed) {
    }

    @POST
    @Path("/commitment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Commit to the draw: the jury size and the seed, of which only the SHA-256 is published until"
            + " the jury is drawn")
    @APIResponse(responseCode = "201", description = "Committed: the SHA-256 of the seed")
    public Response commitJury(@PathParam("id") long id, @Valid @NotNull CommitRequest r) {
        JuryDraw d = Refusals.orThrow(draws.commitDraw(currentUser.actor(), id, r.size(), r.seed()));
        return Response.created(URI.create("/api/v1/cycles/" + id + "/jury"))
                .entity(Map.of("seedCommitment", d.getSeedCommitment())).build();
    }

    @POST
    @Path("/draw")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Start drawing the committed jury. The draw runs on the server, off the request: the answer is"
            + " 202 with the status resource to poll (Location). A failure (e.g. infeasible quotas, with the smallest"
            + " relaxation) changes nothing and shows in the status; a second start while one runs is refused (409)")
    @APIResponse(responseCode = "202", description = "Started: the status, and its address in Location")
    @APIResponse(responseCode = "409", description = "Not committed, already drawn, or a draw is running")
    public Response drawJury(@PathParam("id") long id) {
        JuryDrawRunner.DrawStatus s = Refusals.orThrow(drawRunner.start(currentUser.actor(), id));
        return Response.accepted(statusView(s)).location(URI.create("/api/v1/cycles/" + id + "/jury/draw")).build();
    }

    /** A draw's status; {@code infeasibility} only when it failed because no panel meets the quotas. */
    public record DrawStatusView(String state, String progress, Instant startedAt, Instant finishedAt, String reason,
                                 int drawn, InfeasibilityView infeasibility) {
    }

    /**
     * Why no panel meets the quotas, as data: each reason's kind, the feature and value it concerns, what the pool
     * offers ({@code count}) and what is asked ({@code limit}), with its English text; the values causing it; and the
     * smallest relaxation (empty when no change of quotas helps).
     */
    public record InfeasibilityView(List<ReasonView> reasons, List<ValueView> values, List<ChangeView> relaxation,
                                    int totalRelaxation) {
    }

    public record ReasonView(String kind, String feature, String value, int count, int limit, String text) {
    }

    public record ValueView(String feature, String value) {
    }

    public record ChangeView(String feature, String value, int oldMin, int oldMax, int newMin, int newMax) {
    }

    private DrawStatusView statusView(JuryDrawRunner.DrawStatus s) {
        InfeasibilityView infeasibility = null;
        if (s.args().size() == 1 && s.args().get(0) instanceof InfeasibilityReport r) {
            List<String> texts = r.localized(java.util.Locale.ENGLISH).reasons();
            List<ReasonView> reasons = new java.util.ArrayList<>();
            for (int i = 0; i < r.reasons().size(); i++) {
                var why = r.reasons().get(i);
                reasons.add(new ReasonView(why.kind().name(), why.feature(), why.value(), why.count(), why.limit(),
                        texts.get(i)));
            }
            infeasibility = new InfeasibilityView(reasons, r.values().stream()
                    .map(v -> new ValueView(v.feature(), v.value())).toList(), r.relaxation().stream()
                    .map(c -> new ChangeView(c.value().feature(), c.value().value(), c.oldMin(), c.oldMax(),
                            c.newMin(), c.newMax())).toList(), r.totalRelaxation());
        }
        return new DrawStatusView(s.state().name(), s.progress(), s.startedAt(), s.finishedAt(), s.refusal() == null
                ? null : Messages.format(java.util.Locale.ENGLISH, s.refusal(),
                s.args().toArray()), s.drawn(), infeasibility);
    }

    @GET
    @Path("/draw")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "The status of the cycle's latest draw, whichever server runs it: RUNNING (with progress),"
            + " DONE (how many drawn) or FAILED (why, in English; nothing changed), also when the server running it"
            + " stopped (\"interrupted\": start it again). When no panel meets the quotas, infeasibility gives the"
            + " reasons as data (kind, feature, value, count, limit), the values causing them and the smallest"
            + " relaxation")
    @APIResponse(responseCode = "404", description = "No draw of this cycle was started")
    public DrawStatusView juryDrawStatus(@PathParam("id") long id) {
        return statusView(drawRunner.status(id).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("/retention")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Apply the retention rule to a closed cycle now, before its deadline: the volunteers'"
            + " personal data is deleted and they are pseudonymised (audited); answers and the draw stay")
    @APIResponse(responseCode = "409", description = "The cycle is not closed, or this was done already")
    public Map<String, Integer> applyRetention(@PathParam("id") long id) {
        return Map.of("erased", Refusals.orThrow(retention.runNow(currentUser.actor(), id)));
    }

    @GET
    @Path("/quotas.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "The jury's categories and quotas (feature,value,min,max)")
    public String juryQuotas(@PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        StringBuilder csv = new StringBuilder(Csv.exportRow(List.of("feature", "value", "min", "max")));
        jury.quotas(id).forEach(q -> csv.append(Csv.exportRow(List.of(q.getFeature(), q.getFeatureValue(),
                q.getMinCount(), q.getMaxCount()))));
        return csv.toString();
    }

    @GET
    @Path("/pool.csv")
    @Produces("text/csv;charset=UTF-8")
    @Operation(summary = "The anonymised volunteer pool once the jury is drawn: a pseudonymous id and the category"
            + " answers, in the order the draw read them, so that `civicloop-tools.jar select` re-runs the draw; when"
            + " the household rule grouped anyone, a household column (the lowest volunteer id of the household) for"
            + " `--address-columns household`")
    @APIResponse(responseCode = "409", description = "The jury has not been drawn yet")
    public String juryPool(@PathParam("id") long id) {
        cycles.findPublished(id).orElseThrow(NotFoundException::new);
        if (jury.findDraw(id).filter(JuryDraw::isDrawn).isEmpty()) {
            throw new WebApplicationException(Problem.response(409, "Conflict",
                    "The pool is published once the jury has been drawn."));
        }
        List<String> features = new java.util.ArrayList<>(jury.features(id).keySet());
        Map<Long, Map<String, String>> answers = jury.answers(id);
        Map<Long, String> households = jury.publishedHouseholds(id);
        boolean withHouseholds = !households.isEmpty();
        List<Object> head = new java.util.ArrayList<>(List.of("id"));
        head.addAll(features);
        if (withHouseholds) {
            head.add("household");
        }
        StringBuilder csv = new StringBuilder(Csv.exportRow(head));
        jury.pool(id).stream().sorted(java.util.Comparator.comparing(Volunteer::getId))
                .forEach(v -> {
                    List<Object> row = new java.util.ArrayList<>();
                    row.add(v.getId());
                    features.forEach(f -> row.add(answers.getOrDefault(v.getId(), Map.of()).getOrDefault(f, "")));
                    if (withHouseholds) {
                        row.add(households.getOrDefault(v.getId(), ""));
                    }
                    csv.append(Csv.exportRow(row));
                });
        return csv.toString();
    }
}
