package org.civicloop.eligibility.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.civicloop.eligibility.Eligibility;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.web.Ui;

/**
 * What other capabilities' pages show about eligibility (the public cycle page, the vote page, a proposal's page):
 * who may vote, and whether the signed-in account may, with the link to the verification page. Used from the pages
 * only, so that no other capability's code depends on this one's adapters.
 */
@Named
@RequestScoped
public class EligibilityNotice {

    @Inject
    Eligibility eligibility;
    @Inject
    CurrentUser currentUser;

    /** "Open to any account" or "verified residents of …, aged … or over". */
    public String who(long cycleId) {
        return eligibility.electorate(cycleId)
                .map(e -> Ui.text("eligibility.restricted", String.join(", ", e.districts()), e.minAge()))
                .orElseGet(() -> Ui.text("eligibility.open"));
    }

    /** Whether the cycle has an electorate (so verification applies). */
    public boolean restricted(long cycleId) {
        return eligibility.electorate(cycleId).isPresent();
    }

    /** Whether the signed-in account may vote and support here (always, in an open cycle). */
    public boolean allowed(long cycleId) {
        return eligibility.check(currentUser.getUsername(), cycleId).allowed();
    }

    /** The district the signed-in account is verified in, or null. */
    public String district(long cycleId) {
        return eligibility.check(currentUser.getUsername(), cycleId).district();
    }
}
