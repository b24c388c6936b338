package org.civicloop.deliberation.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.deliberation.DeliberationNote;
import org.civicloop.deliberation.DeliberationService;
import org.civicloop.platform.web.PerRequest;

/** What the jury's deliberation produced, as the public cycle page lists it ({@code #{cycleDeliberation.outcomes(c.id)}}). */
@Named("cycleDeliberation")
@RequestScoped
public class CycleDeliberationBean {

    @Inject
    DeliberationService deliberation;

    private final PerRequest read = new PerRequest();

    /** The cycle's recorded agreements, disagreements and questions (not the facilitator's plain notes). */
    public List<DeliberationNote> outcomes(long cycleId) {
        return read.once("outcomes", cycleId, () -> deliberation.notes(cycleId).stream()
                .filter(n -> n.getKind() != DeliberationNote.Kind.NOTE).toList());
    }
}
