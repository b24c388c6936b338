package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.civicloop.kernel.EvidenceCitations;

/** Answers the kernel's {@link EvidenceCitations} port: which evidence items an option of a cycle may cite. */
@ApplicationScoped
public class CitableEvidence implements EvidenceCitations {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    @Override
    public boolean citable(long evidenceId, long cycleId) {
        EvidenceItem item = em.find(EvidenceItem.class, evidenceId);
        return item != null && item.getCycleId() != null && item.getCycleId() == cycleId;
    }
}
