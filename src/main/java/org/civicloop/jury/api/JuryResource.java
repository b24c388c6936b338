package org.civicloop.jury.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.JuryDraw;
import org.civicloop.jury.JuryRetention;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.LetterRound;
import org.civicloop.jury.LetterRoundService;
import org.civicloop.jury.Volunteer;
import org.civicloop.kernel.Csv;
import org.civicloop.platform.Problem;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The jury of a cycle as anyone may audit it: the draw and its representativeness, the quotas and the anonymised pool;
 * and the retention rule. Volunteering, letter rounds and the draw itself: {@link VolunteeringResource},
 * {@link LetterRoundResource}, {@link JuryDrawResource}.
 */
@Path("/v1/cycles/{id}/jury")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Jury", description = "The jury of a cycle: quotas, volunteers, letter rounds and the committed draw,"
        + " open to audit")
public class JuryResource {

    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;
    @Inject
    JuryService jury;
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
        cycles.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
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
        cycles.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
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
        cycles.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
        if (jury.findDraw(id).filter(JuryDraw::isDrawn).isEmpty()) {
            throw new WebApplicationException(Problem.of(409, "Conflict",
                    "problem.detail.poolNotYet"));
        }
        List<String> features = new ArrayList<>(jury.features(id).keySet());
        Map<Long, Map<String, String>> answers = jury.answers(id);
        Map<Long, String> households = jury.publishedHouseholds(id);
        boolean withHouseholds = !households.isEmpty();
        List<Object> head = new ArrayList<>(List.of("id"));
        head.addAll(features);
        if (withHouseholds) {
            head.add("household");
        }
        StringBuilder csv = new StringBuilder(Csv.exportRow(head));
        jury.pool(id).stream().sorted(Comparator.comparing(Volunteer::getId))
                .forEach(v -> {
                    List<Object> row = new ArrayList<>();
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
