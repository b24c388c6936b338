package org.civicloop.evidence.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.evidence.EvidencePack;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.WitnessQuestions;

/** A one-line state of a cycle's evidence pack, for the officer workspace and the facilitator console. */
@Named
@RequestScoped
public class EvidenceStatus {

    public record Line(int items, Integer publishedPack, boolean inReview, int queued) {
    }

    @Inject
    EvidenceService evidence;

    @Inject

    WitnessQuestions witnessQuestions;

    public Line of(long cycleId) {
        int items = (int) evidence.items(cycleId).stream().filter(i -> !i.isWithdrawn()).count();
        Integer published = evidence.publishedPack(cycleId).map(EvidencePack::getPackNo).orElse(null);
        return new Line(items, published, evidence.packInReview(cycleId).isPresent(),
                witnessQuestions.queuedQuestions(cycleId).size());
    }
}
