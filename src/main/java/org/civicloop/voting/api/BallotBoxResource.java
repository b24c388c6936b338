package org.civicloop.voting.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.platform.Problem;
import org.civicloop.voting.BallotProofs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A closed vote's ballot box per channel: the Merkle root and size sealed into the audit chain. */
@Path("/v1/cycles/{id}/ballot-box")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ballot box", description = "Merkle roots of the ballot boxes and receipts' inclusion proofs")
public class BallotBoxResource {

    @JsonbNillable
    public record ChannelBox(String channel, String budget, String root, long size, Long sealedInAuditEntry) {
    }

    public record BallotBoxView(long cycleId, String leafEncoding, List<ChannelBox> channels) {
    }

    @Inject
    BallotProofs proofs;
    @Inject
    Cycles cycles;

    @GET
    @Operation(summary = "The Merkle root (RFC 9162 hashing) and size of each channel's ballot box (budget null), then"
            + " of the residents' box of each district budget (budget: its code)",
            description = "Sealed into the audit chain (voting.ballotBoxSealed) when the vote closed. Each leaf is"
                    + " civicloop-ballot-v1;RECEIPT;CHANNEL;RANKING in UTF-8, leaves in receipt order. Recompute it"
                    + " from the .pb export with `java -jar civicloop-tools.jar verify-ballots --ballots FILE.pb"
                    + " --root HEX`.")
    @APIResponse(responseCode = "200", description = "The roots")
    @APIResponse(responseCode = "404", description = "No such published cycle")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public BallotBoxView box(@PathParam("id") long id) {
        closedVote(cycles, id);
        return new BallotBoxView(id, BallotLeaf.PREFIX + ";RECEIPT;CHANNEL;RANKING", proofs.publishedBoxes(id).stream()
                .map(b -> new ChannelBox(b.channel().name(), b.budget(), b.root(), b.size(), b.sealedIn())).toList());
    }

    static void closedVote(Cycles cycles, long id) {
        var c = cycles.findPublished(id).orElseThrow(NotFoundException::new);
        if (!c.phase().isAfter(Phase.VOTE)) {
            throw new WebApplicationException(Problem.of(409, "Conflict",
                    "problem.detail.boxNotYet"));
        }
    }
}
