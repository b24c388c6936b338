package org.civicloop.voting.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicloop.cycle.Cycles;
import org.civicloop.voting.BallotProofs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A receipt's proof that its ballot, with its ranking, is among those counted. */
@Path("/v1/cycles/{id}/ballots/{receipt}/proof")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ballot box")
public class BallotProofResource {

    @jakarta.json.bind.annotation.JsonbNillable
    /** Hex strings; {@code leaf} is the leaf's bytes, {@code path} the sibling hashes from the leaf up. */
    public record ProofView(long cycleId, String channel, String receipt, List<String> ranking, long leafIndex,
                            long treeSize, String leaf, String leafHash, List<String> path, String root,
                            String publishedRoot, long publishedSize, Long sealedInAuditEntry,
                            boolean verifiesAgainstPublishedRoot) {
    }

    @Inject
    BallotProofs proofs;
    @Inject
    Cycles cycles;

    @GET
    @Operation(summary = "The inclusion proof (RFC 9162 §2.1.3) of the ballot with this receipt",
            description = "leafIndex, treeSize, leaf (hex of civicloop-ballot-v1;RECEIPT;CHANNEL;RANKING), path (hex,"
                    + " leaf upwards) and root (recomputed from the stored ballots); publishedRoot is the root sealed"
                    + " when the vote closed. Check it offline: save it and run `java -jar civicloop-tools.jar"
                    + " verify-receipt --proof FILE.json --root PUBLISHED_ROOT`.")
    @APIResponse(responseCode = "200", description = "The proof")
    @APIResponse(responseCode = "404", description = "No counted ballot with this receipt in this cycle")
    @APIResponse(responseCode = "409", description = "The vote has not closed yet")
    public ProofView proof(@PathParam("id") long id, @PathParam("receipt") String receipt) {
        BallotBoxResource.closedVote(cycles, id);
        BallotProofs.Proof p = proofs.proof(id, receipt).orElseThrow(NotFoundException::new);
        return new ProofView(p.cycleId(), p.channel().name(), p.receipt(), p.ranking(), p.leafIndex(), p.treeSize(),
                p.leaf(), p.leafHash(), p.path(), p.root(), p.published().root(), p.published().size(),
                p.published().sealedIn(), p.verifies());
    }
}
