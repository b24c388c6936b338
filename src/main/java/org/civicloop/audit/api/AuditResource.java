package org.civicloop.audit.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.civicloop.audit.AuditCheckpoints;
import org.civicloop.audit.AuditEntry;
import org.civicloop.audit.AuditKeys;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.ChainVerifier;
import org.civicloop.audit.chain.Checkpoint;
import org.civicloop.kernel.Role;
import org.civicloop.kernel.StrictNumbers;
import org.civicloop.platform.NumberFields;
import org.civicloop.platform.Problem;
import org.civicloop.platform.RateLimits;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "The public, hash-chained audit log")
public class AuditResource {

    @JsonbNillable
    public record VerifyResponse(boolean valid, long entries, String head, Long firstBrokenEntry, List<String> problems,
                                 long queued, String scope) {
    }

    /**
     * One public entry: exactly the chained fields, so that anyone can recompute its hash. An entry written before
     * residents were pseudonymised is {@code withheld}: only its seq and links are published.
     */
    @JsonbNillable
    public record EntryView(long seq, String recordedAt, String actor, String action, String entityType,
                            String entityId, String beforeDigest, String afterDigest, String detail, String prevHash,
                            String hash, boolean withheld) {
    }

    public record KeyView(String origin, String algorithm, String publicKey, String keyId) {
    }

    public record CheckpointView(long size, String headHash, String signedAt, String reason, String note) {
    }

    @Inject
    AuditLog auditLog;
    @Inject
    AuditKeys keys;
    @Inject
    AuditCheckpoints checkpoints;
    @Inject
    RateLimits rateLimits;
    /** Who asks (the container's view, so that the audit log depends on no capability, identity included). */
    @Inject
    SecurityContext security;
    @Context
    HttpServletRequest request;

    @GET
    @Path("/verify")
    @Operation(summary = "Check the audit chain",
            description = "The public check (scope incremental) recomputes what was appended since the last valid"
                    + " check, checks that the entry verified then is still there, that the recorded head is the last"
                    + " entry, that every stored signed checkpoint is still in the chain at its position, and the rows"
                    + " changed since; it is cheap whatever the log's length. full=true (officers and administrators"
                    + " only) re-reads every entry and every audited row (scope full). valid is false, with the first"
                    + " broken entry, when an entry or audited row was edited or deleted outside the application or the"
                    + " log was rewound. queued counts entries of busy actions committed but not yet chained. Rate"
                    + " limited: 429 with Retry-After when exceeded.")
    public VerifyResponse verify(@Parameter(description = "re-read the whole log and every audited row (officers,"
            + " administrators)") @QueryParam("full") @DefaultValue("false") boolean full) {
        if (full) {
            boolean signedIn = security.getCallerPrincipal() != null;
            if (!security.isCallerInRole(Role.OFFICER.name()) && !security.isCallerInRole(Role.ADMIN.name())) {
                throw new WebApplicationException(Problem.of(signedIn ? 403 : 401,
                        signedIn ? "Forbidden" : "Unauthorized", "problem.detail.fullVerify"));
            }
            limited(rateLimits.auditFullVerify(security.getCallerPrincipal().getName()));
            ChainVerifier.Verdict v = auditLog.verify();
            return new VerifyResponse(v.valid(), v.entries(), v.head(), v.firstBrokenEntry(), v.problems(),
                    auditLog.queued(), "full");
        }
        limited(rateLimits.auditVerify(request.getRemoteAddr()));
        ChainVerifier.Verdict v = auditLog.verifyPublic();
        return new VerifyResponse(v.valid(), v.entries(), v.head(), v.firstBrokenEntry(), v.problems(),
                auditLog.queued(), "incremental");
    }

    private static void limited(Optional<Duration> wait) {
        if (wait.isPresent()) {
            throw new WebApplicationException(RateLimits.tooManyRequestsSaying(wait.get(), "problem.detail.auditChecks"));
        }
    }

    @GET
    @Path("/entries")
    @Operation(summary = "Audit entries: every one, page by page, or the latest",
            description = "With after, the entries after that seq, oldest first, at most max (1 to 1000): start"
                    + " with after=0 and go on from the last seq received to page through the whole log. Without"
                    + " after, the latest entries, newest first. Each entry shows exactly its chained fields, so its"
                    + " hash can be recomputed (civicloop-tools.jar verify-audit --entries, on the pages saved as JSON"
                    + " lines). Residents appear as keyed pseudonyms (resident:...); staff by name. Entries written"
                    + " before pseudonyms were introduced that concern residents are withheld: only seq, prevHash and"
                    + " hash.")
    public List<EntryView> entries(
            @Parameter(description = "the seq to start after (a whole number from 0): entries after it, oldest first;"
                    + " anything else is refused with 400") @QueryParam("after") String after,
            @Parameter(description = "how many entries: a whole number from 1 to 1000 (default 100); anything else is"
                    + " refused with 400") @QueryParam("max") String max,
            @Context jakarta.ws.rs.core.HttpHeaders headers) {
        int n = (int) NumberFields.query("max", max, 100, StrictNumbers.Range.whole(1, 1000), headers);
        long from = auditLog.pseudonymsFrom();
        List<AuditEntry> found = after == null ? auditLog.latest(n)
                : auditLog.after(NumberFields.query("after", after, 0, StrictNumbers.Range.whole(0, Long.MAX_VALUE),
                        headers), n);
        return found.stream().map(e -> view(e, from)).toList();
    }

    static EntryView view(AuditEntry e, long pseudonymsFrom) {
        if (e.isWithheld(pseudonymsFrom)) {
            return new EntryView(e.getSeq(), null, null, null, null, null, null, null, null, e.getPrevHash(),
                    e.getHash(), true);
        }
        return new EntryView(e.getSeq(), e.getRecordedAt(), e.getActor(), e.getAction(), e.getEntityType(),
                e.getEntityId(), e.getBeforeDigest(), e.getAfterDigest(), e.getDetail(), e.getPrevHash(), e.getHash(),
                false);
    }

    @GET
    @Path("/key")
    @Operation(summary = "The public key that signs the audit checkpoints",
            description = "Ed25519; publicKey is the raw 32 bytes in base64 (give it to verify-audit --key); keyId"
                    + " the first 4 bytes of SHA-256(origin, newline, 0x01, key), as in each checkpoint's signature"
                    + " line.")
    public KeyView key() {
        byte[] raw = keys.publicKeyRaw();
        return new KeyView(keys.origin(), "Ed25519", Base64.getEncoder().encodeToString(raw),
                HexFormat.of().formatHex(Checkpoint.keyId(keys.origin(), raw)));
    }

    @GET
    @Path("/checkpoints")
    @Operation(summary = "Signed checkpoints of the chain's head, newest first",
            description = "Signed at every phase change of a cycle and periodically. note is the signed text: keep it"
                    + " (a file), and later verify-audit --checkpoint FILE --key KEY proves the log was only appended to"
                    + " since. Page with before=SIZE (the smallest size received), max 1 to 500.")
    public List<CheckpointView> checkpoints(
            @Parameter(description = "the checkpoints before this chain size (a whole number from 0); anything else"
                    + " is refused with 400") @QueryParam("before") String before,
            @Parameter(description = "how many checkpoints: a whole number from 1 to 500 (default 50); anything else"
                    + " is refused with 400") @QueryParam("max") String max,
            @Context jakarta.ws.rs.core.HttpHeaders headers) {
        long below = NumberFields.query("before", before, Long.MAX_VALUE, StrictNumbers.Range.whole(0, Long.MAX_VALUE),
                headers);
        int n = (int) NumberFields.query("max", max, 50, StrictNumbers.Range.whole(1, 500), headers);
        return checkpoints.page(below, n).stream()
                .map(c -> new CheckpointView(c.size(), c.headHash(), c.signedAt(), c.reason(), c.note())).toList();
    }

    @GET
    @Path("/checkpoints/latest")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The latest signed checkpoint as its signed text (save it as a file)",
            description = "404 while no checkpoint was signed yet.")
    public Response latestCheckpoint() {
        return checkpoints.latest().map(c -> Response.ok(c.note(), MediaType.TEXT_PLAIN + ";charset=UTF-8").build())
                .orElseGet(() -> Problem.of(404, "Not Found", "problem.detail.noCheckpoint"));
    }
}
