package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.cycle.CycleView;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Use cases of writing the evidence pack: officers add items (every edit a new immutable version with its content
 * hash), withdraw them and attach validated files.
 */
@ApplicationScoped
public class EvidenceAuthoring {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    EvidenceService evidence;

    @Inject
    @ConfigProperty(name = "civicloop.evidence.maxAttachmentBytes", defaultValue = "5242880")
    long maxAttachmentBytes;

    /** The largest attachment accepted, in bytes (civicloop.evidence.maxAttachmentBytes, 5 MiB by default). */
    public long maxAttachmentBytes() {
        return maxAttachmentBytes;
    }

    // ---------------------------------------------------------------------------------------------- authoring

    /** Adds an item to the pack as its first (draft) version. */
    @Transactional
    public Result<EvidenceVersion> addItem(Actor actor, long cycleId, EvidenceDraft draft) {
        Result<CycleView> found = evidence.authoring(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Result<EvidenceContent> content = evidence.validate(cycleId, draft);
        if (!content.isDone()) {
            return content.map(c -> null);
        }
        EvidenceItem item = new EvidenceItem(cycleId, content.value(), clock.instant(), actor.username());
        em.persist(item);
        em.flush();
        EvidenceVersion first = evidence.newVersion(actor, item, content.value(), draft, null);
        audit.record(actor, "evidence.added", "evidence_item", item.getId(), null, "cycle=" + cycleId);
        return Result.done(first);
    }

    /** Edits an item: a new version, the earlier ones unchanged. Refused when nothing changed. */
    @Transactional
    public Result<EvidenceVersion> editItem(Actor actor, long itemId, EvidenceDraft draft) {
        EvidenceItem item = actor.hasAny(Role.OFFICER, Role.ADMIN)
                ? em.find(EvidenceItem.class, itemId, LockModeType.PESSIMISTIC_WRITE) : null;
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        if (item == null) {
            return Result.refused("refused.evidence.unknown");
        }
        Result<CycleView> found = evidence.authoring(actor, item.getCycleId());
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (item.isWithdrawn()) {
            return Result.refused("refused.evidence.withdrawn");
        }
        Result<EvidenceContent> content = evidence.validate(item.getCycleId(), draft);
        if (!content.isDone()) {
            return content.map(c -> null);
        }
        EvidenceVersion latest = evidence.latestVersion(itemId).orElse(null);
        if (latest != null && latest.getContentHash().equals(content.value().hash())) {
            return Result.refused("refused.evidence.unchanged");
        }
        String before = audit.digestOf("evidence_item", itemId);
        EvidenceVersion v = evidence.newVersion(actor, item, content.value(), draft, before);
        return Result.done(v);
    }

    /** Takes an item out of the next pack version (it stays in published versions, which never change). */
    @Transactional
    public Result<EvidenceItem> withdrawItem(Actor actor, long itemId) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        EvidenceItem item = em.find(EvidenceItem.class, itemId, LockModeType.PESSIMISTIC_WRITE);
        if (item == null) {
            return Result.refused("refused.evidence.unknown");
        }
        Result<CycleView> found = evidence.authoring(actor, item.getCycleId());
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (item.isWithdrawn()) {
            return Result.refused("refused.evidence.withdrawn");
        }
        String before = audit.digestOf("evidence_item", itemId);
        item.withdraw(clock.instant());
        audit.record(actor, "evidence.withdrawn", "evidence_item", itemId, before, null);
        return Result.done(item);
    }

    /**
     * Stores a file for an item after checking it ({@link AttachmentCheck}): nothing is stored when it is refused.
     * {@code fileName} and {@code declaredType} are the uploader's claims, checked against the bytes.
     */
    @Transactional
    public Result<EvidenceAttachment> attach(Actor actor, long cycleId, String fileName, String declaredType,
                                             byte[] bytes) {
        Result<CycleView> found = evidence.authoring(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Result<AttachmentCheck.MediaKind> checked = AttachmentCheck.check(bytes, fileName, declaredType,
                maxAttachmentBytes);
        if (checked instanceof Result.Refused<AttachmentCheck.MediaKind> r) {
            audit.note(actor, "evidence.attachment.refused", "cycle", Long.toString(cycleId),
                    r.key() + " name=" + AttachmentCheck.safeFileName(fileName, AttachmentCheck.MediaKind.PDF)
                            + " size=" + (bytes == null ? 0 : bytes.length));
            return checked.map(k -> null);
        }
        AttachmentCheck.MediaKind kind = checked.value();
        EvidenceAttachment a = new EvidenceAttachment(cycleId, AttachmentCheck.safeFileName(fileName, kind), kind,
                bytes, AuditChain.sha256Hex(bytes), clock.instant(), actor.username());
        em.persist(a);
        em.flush();
        em.persist(new AttachmentContent(a.getId(), bytes));
        audit.record(actor, "evidence.attachment.stored", "evidence_attachment", a.getId(), null,
                "cycle=" + cycleId + " type=" + kind.mediaType() + " sha256=" + a.getSha256());
        return Result.done(a);
    }
}
