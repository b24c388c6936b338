package org.civicloop.jury.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.jury.JuryService;

/** Figures of the representativeness report that pages show beside the table. */
@Named("juryReport")
@RequestScoped
public class JuryReportBean {

    @Inject
    JuryService jury;

    public JuryService.RepeatParticipants repeatParticipants(long cycleId) {
        return jury.repeatParticipants(cycleId);
    }
}
