package org.civicloop.evidence.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.platform.web.PerRequest;

/** The published evidence the public cycle page lists ({@code #{cycleEvidence.published(c.id)}}). */
@Named("cycleEvidence")
@RequestScoped
public class CycleEvidenceBean {

    @Inject
    EvidenceService evidence;

    private final PerRequest read = new PerRequest();

    /** The cycle's published evidence items, newest version of each. */
    public List<EvidenceViews.PublishedItem> published(long cycleId) {
        return read.once("published", cycleId, () -> evidence.publishedItems(cycleId));
    }
}
