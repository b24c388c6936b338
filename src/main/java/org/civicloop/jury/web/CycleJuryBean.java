package org.civicloop.jury.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.AccountService;
import org.civicloop.identity.CurrentUser;
import org.civicloop.jury.Juries;
import org.civicloop.jury.JuryService;
import org.civicloop.platform.web.PerRequest;

/**
 * The jury as the public cycle page shows it ({@code #{cycleJury.poolSize(c.id)}} and the like): volunteering, the
 * draw and its representativeness, and, for the signed-in volunteer only, their own draw outcome. The cycle capability,
 * whose page it is, needs no dependency on the jury.
 */
@Named("cycleJury")
@RequestScoped
public class CycleJuryBean {

    @Inject
    Juries juries;
    @Inject
    Cycles cycles;
    @Inject
    AccountService accounts;
    @Inject
    CurrentUser currentUser;

    private final PerRequest read = new PerRequest();

    /** A category question asked of volunteers: the feature and its possible answers. */
    public record Question(String feature, List<String> values) {
    }

    public int jurySize(long cycleId) {
        return read.once("jurySize", cycleId, () -> juries.jurySize(cycleId));
    }

    public int poolSize(long cycleId) {
        return read.once("poolSize", cycleId, () -> juries.poolSize(cycleId));
    }

    /** The jury has been drawn (its seed published). */
    public boolean drawn(long cycleId) {
        return read.once("drawn", cycleId, () -> juries.isDrawn(cycleId));
    }

    /** Volunteering is open while the cycle recruits and until the jury is drawn. */
    public boolean canVolunteer(long cycleId) {
        return cycles.phaseOf(cycleId) == Phase.RECRUIT && !drawn(cycleId);
    }

    /**
     * For the signed-in volunteer only, after the draw: "DRAWN" (invited to the jury), "NOT_DRAWN" (in the pool, not
     * drawn) or null (not a volunteer, signed out, or no draw yet). Nobody else's outcome is ever shown.
     */
    public String myDrawOutcome(long cycleId) {
        if (!currentUser.isSignedIn() || !drawn(cycleId)) {
            return null;
        }
        return myVolunteering(cycleId).map(v -> v.drawn() ? "DRAWN" : "NOT_DRAWN").orElse(null);
    }

    /** The signed-in resident has volunteered for this cycle's jury. */
    public boolean volunteered(long cycleId) {
        return currentUser.isSignedIn() && myVolunteering(cycleId).isPresent();
    }

    private java.util.Optional<Juries.Member> myVolunteering(long cycleId) {
        return read.once("mine", cycleId, () -> accounts.idOf(currentUser.getUsername())
                .flatMap(a -> juries.volunteerOf(cycleId, a)));
    }

    /** Whether volunteering needs an invitation letter's registration code. */
    public boolean lettersOnly(long cycleId) {
        return read.once("lettersOnly", cycleId, () -> juries.lettersOnly(cycleId));
    }

    /** Whether this cycle sent invitation letters (so the page asks for a code). */
    public boolean letterRound(long cycleId) {
        return lettersOnly(cycleId) || read.once("letterRound", cycleId, () -> juries.letterRoundDrawn(cycleId));
    }

    /** The category questions asked of volunteers. */
    public List<Question> features(long cycleId) {
        return read.once("features", cycleId, () -> juries.features(cycleId).entrySet().stream()
                .map(e -> new Question(e.getKey(), e.getValue())).toList());
    }

    /** The published draw (seed, pool and panel sizes), or null before the draw. */
    public Juries.DrawView draw(long cycleId) {
        return read.once("draw", cycleId, () -> juries.draw(cycleId).orElse(null));
    }

    /** The representativeness report: each category's target and the drawn jury's share. */
    public List<JuryService.RepresentationLine> representation(long cycleId) {
        return read.once("representation", cycleId, () -> juries.representation(cycleId));
    }
}
