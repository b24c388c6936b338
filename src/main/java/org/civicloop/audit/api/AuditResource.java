package org.civicloop.audit.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.ChainVerifier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The public, hash-chained audit log")
public class AuditResource {

    @JsonbNillable
    public record VerifyResponse(boolean valid, long entries, String head, Long firstBrokenEntry, List<String> problems,
                                 long queued) {
    }

    public record EntryView(long seq, String recordedAt, String actor, String action, String entityType,
                            String entityId, String beforeDigest, String afterDigest, String detail, String prevHash,
                            String hash) {
    }

    @Inject
    AuditLog auditLog;

    @GET
    @Path("/verify")
    @Operation(summary = "Recompute the whole chain and check every audited row against its latest entry",
            description = "valid is false, with the first broken entry, when any entry or audited row was edited or"
                    + " deleted outside the application. queued counts entries of busy actions (ballots, live"
                    + " inputs) committed but not yet chained; they are chained within a second.")
    public VerifyResponse verify() {
        ChainVerifier.Verdict v = auditLog.verify();
        return new VerifyResponse(v.valid(), v.entries(), v.head(), v.firstBrokenEntry(), v.problems(),
                auditLog.queued());
    }

    @GET
    @Path("/entries")
    @Operation(summary = "The latest audit entries, newest first",
            description = "Residents' own actions (volunteering, voting, accounts) show the actor as (resident).")
    public List<EntryView> entries(
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                    description = "how many entries: a whole number from 1 to 1000 (default 100); anything else is"
                            + " refused with 400") @QueryParam("max") String max,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        int n = (int) org.civicloop.platform.NumberFields.query("max", max, 100,
                org.civicloop.kernel.StrictNumbers.Range.whole(1, 1000), headers);
        return auditLog.latest(n).stream()
                .map(e -> new EntryView(e.getSeq(), e.getRecordedAt(), e.getPublicActor(), e.getAction(), e.getEntityType(),
                        e.getEntityId(), e.getBeforeDigest(), e.getAfterDigest(), e.getDetail(), e.getPrevHash(),
                        e.getHash()))
                .toList();
    }
}
