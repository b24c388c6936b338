package org.civicloop.feedback.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicloop.feedback.Notifications;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.civicloop.platform.Problem;

/** The signed-in person's notifications and whether they want report updates. */
@Path("v1/notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"RESIDENT", "JUROR", "FACILITATOR", "OFFICER", "ADMIN"})
@Tag(name = "Notifications", description = "Report notifications of the signed-in person")
public class NotificationResource {

    @Inject
    Notifications notifications;
    @Inject
    CurrentUser currentUser;

    public record Preferences(boolean reportUpdates) {
    }

    @GET
    @Operation(summary = "My notifications, newest first")
    public List<Notifications.View> list() {
        return notifications.forUser(currentUser.getUsername());
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "Whether I am told (in the app and by e-mail) when reports of my cycles are published")
    public Preferences preferences() {
        return new Preferences(notifications.wantsReportUpdates(currentUser.getUsername()));
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Opt in to (or out of) report updates")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(required = true,
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Preferences.class)))
    public Preferences setPreferences(@NotNull jakarta.json.JsonObject body) {
        // read strictly: the JSON binding would take "yes", 1 or an object for false and change the preference
        jakarta.json.JsonValue v = body.get("reportUpdates");
        if (v != jakarta.json.JsonValue.TRUE && v != jakarta.json.JsonValue.FALSE) {
            throw new jakarta.ws.rs.WebApplicationException(Problem.of(400, "Invalid input",
                    "problem.detail.trueOrFalse", "reportUpdates"));
        }
        return new Preferences(Refusals.orThrow(notifications.setReportUpdates(currentUser.actor(),
                v == jakarta.json.JsonValue.TRUE)));
    }

    @POST
    @Path("/{nid}/read")
    @Operation(summary = "Mark one of my notifications as read")
    public Preferences read(@PathParam("nid") long id) {
        Refusals.orThrow(notifications.markRead(currentUser.actor(), id));
        return preferences();
    }
}
