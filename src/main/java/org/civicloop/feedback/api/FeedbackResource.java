package org.civicloop.feedback.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.cycle.Phase;
import org.civicloop.feedback.FeedbackDashboard;
import org.civicloop.feedback.Notifications;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.ApiLanguage;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Promise keeping for officers: overdue reports, the dashboard across cycles, undeliverable e-mails. */
@Path("v1/feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Report", description = "\"You said, we did\": what was decided on each recommendation and why")
public class FeedbackResource {

    @Inject
    FeedbackDashboard dashboard;
    @Inject
    Notifications notifications;
    @Inject
    CurrentUser currentUser;

    public record Overdue(long cycleId, String title, Phase phase, LocalDate promiseDate) {
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Cycles whose feedback promise date has passed without a published report")
    public List<Overdue> overdue() {
        return dashboard.overdue().stream()
                .map(c -> new Overdue(c.id(), c.title(), c.phase(), c.feedbackPromiseDate())).toList();
    }

    @GET
    @Path("/dashboard")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Across cycles: recommendations adopted or modified, days from vote to feedback against the"
            + " promise")
    public FeedbackDashboard.Summary summary() {
        return Refusals.orThrow(dashboard.summary(currentUser.actor()));
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "E-mails that could not be delivered (report e-mails and personal notices such as a"
            + " proposal's): UNDELIVERABLE addresses and FAILED sends; a notice has no cycle, its subject (in the"
            + " request's language) and the page it links to")
    public List<Notifications.Problem> deliveries() {
        return Refusals.orThrow(notifications.deliveryProblems(currentUser.actor(),
                ApiLanguage.current()));
    }
}
