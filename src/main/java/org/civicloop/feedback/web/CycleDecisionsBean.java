package org.civicloop.feedback.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.feedback.FeedbackService;
import org.civicloop.feedback.Recommendation;
import org.civicloop.platform.web.PerRequest;

/** The jury's recommendations and the council's answers on the public cycle page ({@code #{cycleDecisions.recommendations(c.id)}}). */
@Named("cycleDecisions")
@RequestScoped
public class CycleDecisionsBean {

    @Inject
    FeedbackService feedback;

    private final PerRequest read = new PerRequest();

    /** The cycle's recommendations in rank order, each with the council's answer once given. */
    public List<Recommendation> recommendations(long cycleId) {
        return read.once("recommendations", cycleId, () -> feedback.recommendations(cycleId));
    }
}
