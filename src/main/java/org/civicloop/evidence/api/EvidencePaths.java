package org.civicloop.evidence.api;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.evidence.EvidenceItem;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.identity.CurrentUser;

/** The first steps of the evidence endpoints: the cycle (or the item) in the path exists and the caller may see it. */
@Dependent
class EvidencePaths {

    @Inject
    Cycles cycles;
    @Inject
    EvidenceService evidence;
    @Inject
    CurrentUser currentUser;

    /** Lists under an unknown cycle answer 404, not an empty list. */
    void requireCycle(long id) {
        if (cycles.find(id).isEmpty()) {
            throw new NotFoundException();
        }
    }

    /** A cycle the caller may see: published, or any to an officer; else 404. */
    CycleView visibleCycle(long id) {
        return cycles.find(id).filter(c -> c.published() || currentUser.isOfficer())
                .orElseThrow(NotFoundException::new);
    }

    /** An item of this cycle; else 404. */
    EvidenceItem itemOf(long cycleId, long itemId) {
        return evidence.item(itemId).filter(i -> i.getCycleId() == cycleId).orElseThrow(NotFoundException::new);
    }
}
