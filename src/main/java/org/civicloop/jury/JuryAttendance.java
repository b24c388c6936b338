package org.civicloop.jury;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quotas;
import org.civicloop.jury.selection.Replacement;

/**
 * Use cases after the draw: drawn jurors' answers to the invitation, attendance, and replacements for those who
 * declined.
 */
@ApplicationScoped
public class JuryAttendance {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    JuryService jury;

    /** An officer records a drawn juror's answer to the invitation. */
    @Transactional
    public Result<Volunteer> recordResponse(Actor actor, long volunteerId, Volunteer.Response response) {
        Result<Volunteer> v = drawnVolunteer(actor, volunteerId);
        if (!v.isDone()) {
            return v;
        }
        if (response == null) {
            return Result.refused("refused.jury.response");
        }
        if (v.value().getResponse() == Volunteer.Response.DECLINED) {
            return Result.refused("refused.jury.declined");
        }
        String before = audit.digestOf("volunteer", volunteerId);
        v.value().respond(response);
        audit.record(actor, "jury.responded", "volunteer", volunteerId, before, response.name());
        return v;
    }

    /** An officer records that an accepted juror attended. */
    @Transactional
    public Result<Volunteer> recordAttendance(Actor actor, long volunteerId) {
        Result<Volunteer> v = drawnVolunteer(actor, volunteerId);
        if (!v.isDone()) {
            return v;
        }
        if (v.value().getResponse() != Volunteer.Response.ACCEPTED) {
            return Result.refused("refused.jury.notAccepted");
        }
        String before = audit.digestOf("volunteer", volunteerId);
        v.value().attend();
        audit.record(actor, "jury.attended", "volunteer", volunteerId, before, null);
        return v;
    }

    /**
     * Draws a replacement for a juror who declined, within the same categories as far as the quotas need, from the
     * rest of the pool; reproducible from the draw's seed and the decliner's id.
     */
    @Transactional
    public Result<Volunteer> drawReplacement(Actor actor, long declinedId) {
        Result<Volunteer> d = drawnVolunteer(actor, declinedId);
        if (!d.isDone()) {
            return d;
        }
        Volunteer declined = d.value();
        if (declined.getResponse() != Volunteer.Response.DECLINED) {
            return Result.refused("refused.jury.notDeclined");
        }
        long cycleId = declined.getCycleId();
        if (jury.invited(cycleId).stream().anyMatch(v -> declined.getId().equals(v.getReplacesId()))) {
            return Result.refused("refused.jury.replaced");
        }
        JuryDraw draw = jury.findDraw(cycleId).orElseThrow();
        List<Volunteer> pool = new ArrayList<>(jury.pool(cycleId));
        pool.sort(Comparator.comparing(Volunteer::getId));
        Pool people = jury.selectionPool(cycleId, pool);
        Quotas quotas = jury.selectionQuotas(cycleId);
        List<String> panel = jury.jury(cycleId).stream().map(v -> Long.toString(v.getId())).toList();
        List<String> unavailable = jury.invited(cycleId).stream()
                .filter(v -> v.getResponse() == Volunteer.Response.DECLINED).map(v -> Long.toString(v.getId())).toList();
        Optional<Replacement.Result> r = Replacement.draw(
                people, quotas, panel, Long.toString(declinedId), unavailable, draw.seed() + ":replace:" + declinedId);
        if (r.isEmpty()) {
            return Result.refused("refused.jury.noReplacement");
        }
        Volunteer replacement = em.find(Volunteer.class, Long.valueOf(r.get().person().id()));
        String before = audit.digestOf("volunteer", replacement.getId());
        replacement.selectAsReplacementFor(declinedId);
        audit.record(actor, "jury.replacementDrawn", "volunteer", replacement.getId(), before,
                "replaces=" + declinedId + "; quotas met=" + r.get().quotasSatisfied());
        jury.grantJuror(replacement);
        return Result.done(replacement);
    }

    private Result<Volunteer> drawnVolunteer(Actor actor, long volunteerId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        Volunteer v = em.find(Volunteer.class, volunteerId);
        if (v == null || v.getStatus() != Volunteer.Status.SELECTED) {
            return Result.refused("refused.jury.notDrawn");
        }
        CycleView cycle = cycleViews.find(v.getCycleId()).orElse(null);
        if (cycle.phase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.jury.phase");
        }
        return Result.done(v);
    }
}
