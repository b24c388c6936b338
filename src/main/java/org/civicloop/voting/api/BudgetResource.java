package org.civicloop.voting.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.identity.CurrentUser;
import org.civicloop.platform.Refusals;
import org.civicloop.voting.Budget;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cycle's budgets: the city-wide one and its district budgets, each with its envelope, rule and options. */
@Path("v1/cycles/{id}/budgets")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Vote", description = "Budget options, casting ballots, and the count and ballots of a closed vote")
public class BudgetResource {

    @Inject
    Budgets budgets;
    @Inject
    VotingService voting;
    @Inject
    Cycles cycles;
    @Inject
    CurrentUser currentUser;

    /**
     * A budget as published: {@code code} ({@value Budget#CITY} for the city-wide one), {@code label} and
     * {@code district} (both null for the city-wide one), {@code amount} in {@code currency}, the counting rule in
     * force and how many options it holds.
     */
    @JsonbNillable
    public record BudgetView(String code, String label, String district, long amount, String currency,
                             String countingRule, int options) {
    }

    public record BudgetRequest(String code, String label, String district, Long amount, CountingRule countingRule) {
    }

    public record OptionRequest(String code, String title, String description, Long cost) {
    }

    private CycleView published(long id) {
        return cycles.find(id).filter(CycleView::published).orElseThrow(NotFoundException::new);
    }

    private BudgetView view(CycleView cycle, Budget b) {
        return new BudgetView(b.code(), b.label(), b.district(), b.amount(), cycle.currency(), b.rule().cliName(),
                voting.options(cycle.id(), b.id()).size());
    }

    @GET
    @Operation(summary = "The budgets of a published cycle: the city-wide one (code city, district null: the"
            + " mandate's envelope and rule) and each district's, with its amount, counting rule and number of options")
    @APIResponse(responseCode = "404", description = "No published cycle has this id")
    public List<BudgetView> list(@PathParam("id") long id) {
        CycleView cycle = published(id);
        return budgets.budgets(id).stream().map(b -> view(cycle, b)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Define a district budget: code (lower-case letters, digits, dashes; not city), label, one of"
            + " the electorate's districts, amount, and optionally its own counting rule (else the mandate's)")
    @APIResponse(responseCode = "201", description = "Defined; the body is the budget")
    @APIResponse(responseCode = "400", description = "A missing or bad value, a district the electorate does not"
            + " list, or a code or district that already has a budget")
    @APIResponse(responseCode = "409", description = "The vote has opened")
    public Response define(@PathParam("id") long id, @Valid @NotNull BudgetRequest r) {
        Budget b = Refusals.orThrow(budgets.defineDistrictBudget(currentUser.actor(), id, r.code(), r.label(),
                r.district(), r.amount() == null ? 0 : r.amount(), r.countingRule()));
        return Response.status(201).entity(view(cycles.find(id).orElseThrow(), b)).build();
    }

    @POST
    @Path("/{code}/options")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"OFFICER", "ADMIN"})
    @Operation(summary = "Define a costed option in one of the cycle's budgets (code city: the city-wide one); option"
            + " codes are unique across the cycle's budgets")
    @APIResponse(responseCode = "201", description = "Defined")
    @APIResponse(responseCode = "400", description = "A missing or bad value, or a code another option has")
    @APIResponse(responseCode = "404", description = "The cycle has no budget with this code")
    @APIResponse(responseCode = "409", description = "The vote has opened (options are frozen)")
    public Response defineOption(@PathParam("id") long id, @PathParam("code") String code,
                                 @Valid @NotNull OptionRequest r) {
        var option = Refusals.orThrow(voting.defineOption(currentUser.actor(), id, code, r.code(), r.title(),
                r.description(), r.cost() == null ? 0 : r.cost()));
        return Response.status(201).entity(new VotingResource.OptionView(option.getCode(), option.getTitle(),
                option.getDescription(), option.getCost(), cycles.find(id).orElseThrow().currency(), List.of(),
                null, null, null, List.of())).build();
    }
}
