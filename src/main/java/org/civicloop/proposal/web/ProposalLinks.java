package org.civicloop.proposal.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.proposal.ProposalService;

/** For other capabilities' pages: whether a cycle has a proposals step to link to. */
@Named
@RequestScoped
public class ProposalLinks {

    @Inject
    ProposalService proposals;

    /** True when the cycle's proposals step was ever opened (proposals may be taken, or were). */
    public boolean shown(long cycleId) {
        return proposals.setting(cycleId).isPresent();
    }
}
