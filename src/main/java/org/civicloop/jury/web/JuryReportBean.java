package org.civicloop.jury.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.jury.JuryService;
import org.civicloop.jury.LetterRoundService;

/** Figures of the representativeness report that pages show beside the table. */
@Named("juryReport")
@RequestScoped
public class JuryReportBean {

    @Inject
    JuryService jury;

    @Inject
    LetterRoundService letters;

    public JuryService.RepeatParticipants repeatParticipants(long cycleId) {
        return jury.repeatParticipants(cycleId);
    }

    /** The response to a letter round once its letters are drawn (counts only), else null. */
    public LetterRoundService.Response letterResponse(long cycleId) {
        return letters.round(cycleId).filter(r -> r.isDrawn()).flatMap(r -> letters.response(cycleId)).orElse(null);
    }
}
