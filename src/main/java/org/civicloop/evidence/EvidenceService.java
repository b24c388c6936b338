package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.evidence.EvidenceViews.AnsweredQuestion;
import org.civicloop.evidence.EvidenceViews.AttachmentInfo;
import org.civicloop.evidence.EvidenceViews.Balance;
import org.civicloop.evidence.EvidenceViews.BalanceRow;
import org.civicloop.evidence.EvidenceViews.BalanceWarning;
import org.civicloop.evidence.EvidenceViews.JurorProgress;
import org.civicloop.evidence.EvidenceViews.MyQuestion;
import org.civicloop.evidence.EvidenceViews.PublishedItem;
import org.civicloop.evidence.EvidenceViews.PublishedPack;
import org.civicloop.evidence.EvidenceViews.QueuedQuestion;
import org.civicloop.evidence.EvidenceViews.SearchHit;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.BudgetOption;
import org.civicloop.voting.VotingService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Use cases of the evidence pack. Officers write items (every edit is a new immutable version with its content
 * hash) and attach validated files; an officer submits the pack for balance review and a second officer (neither
 * the submitter nor the author of anything new in it) publishes it or rejects it with reasons. Jurors and
 * residents read the published pack, mark items read and ask the witnesses questions; facilitators and officers
 * moderate the questions and record the witnesses' answers.
 */
@ApplicationScoped
public class EvidenceService implements PhaseGate {

    static final int MAX_OPEN_QUESTIONS = 5;

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    VotingService voting;
    @Inject
    Juries jury;
    @Inject
    AccountService accounts;
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
        Result<CycleView> found = authoring(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        Result<EvidenceContent> content = validate(cycleId, draft);
        if (!content.isDone()) {
            return content.map(c -> null);
        }
        EvidenceItem item = new EvidenceItem(cycleId, content.value(), clock.instant(), actor.username());
        em.persist(item);
        em.flush();
        EvidenceVersion first = newVersion(actor, item, content.value(), draft, null);
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
        Result<CycleView> found = authoring(actor, item.getCycleId());
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (item.isWithdrawn()) {
            return Result.refused("refused.evidence.withdrawn");
        }
        Result<EvidenceContent> content = validate(item.getCycleId(), draft);
        if (!content.isDone()) {
            return content.map(c -> null);
        }
        EvidenceVersion latest = latestVersion(itemId).orElse(null);
        if (latest != null && latest.getContentHash().equals(content.value().hash())) {
            return Result.refused("refused.evidence.unchanged");
        }
        String before = audit.digestOf("evidence_item", itemId);
        EvidenceVersion v = newVersion(actor, item, content.value(), draft, before);
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
        Result<CycleView> found = authoring(actor, item.getCycleId());
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
        Result<CycleView> found = authoring(actor, cycleId);
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

    // ------------------------------------------------------------------------------------------ balance review

    /** Submits the latest version of every item for balance review: a new pack version, not yet published. */
    @Transactional
    public Result<EvidencePack> submitForReview(Actor actor, long cycleId, String note) {
        Result<CycleView> found = authoring(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (note != null && note.strip().length() > 1000) {
            return Result.refused("refused.evidence.note");
        }
        List<EvidenceVersion> latest = latestVersions(cycleId);
        if (latest.isEmpty()) {
            return Result.refused("refused.evidence.emptyPack");
        }
        String hash = manifestHash(latest);
        Optional<EvidencePack> published = publishedPack(cycleId);
        if (published.isPresent() && published.get().getContentHash().equals(hash)) {
            return Result.refused("refused.evidence.nothingNew");
        }
        int packNo = packs(cycleId).stream().mapToInt(EvidencePack::getPackNo).max().orElse(0) + 1;
        EvidencePack pack = new EvidencePack(cycleId, packNo, hash, actor.username(), clock.instant(),
                note == null || note.isBlank() ? null : note.strip());
        em.persist(pack);
        em.flush();
        for (EvidenceVersion v : latest) {
            em.persist(new PackEntry(pack.getId(), v.getId()));
        }
        audit.record(actor, "evidence.pack.submitted", "evidence_pack", pack.getId(), null,
                "cycle=" + cycleId + " pack=" + packNo + " items=" + latest.size() + " sha256=" + hash);
        return Result.done(pack);
    }

    /**
     * A second officer signs off the balance of the pack in review: it is published to jurors and residents, and
     * each newly published item version's content hash is written into the audit chain.
     */
    @Transactional
    public Result<EvidencePack> approve(Actor actor, long cycleId, String note) {
        Result<EvidencePack> reviewable = reviewable(actor, cycleId);
        if (!reviewable.isDone()) {
            return reviewable;
        }
        if (note != null && note.strip().length() > 2000) {
            return Result.refused("refused.evidence.note");
        }
        EvidencePack pack = reviewable.value();
        Set<Long> alreadyPublished = publishedVersionIds(cycleId);
        String before = audit.digestOf("evidence_pack", pack.getId());
        pack.publish(actor.username(), clock.instant(), note == null || note.isBlank() ? null : note.strip());
        audit.record(actor, "evidence.pack.published", "evidence_pack", pack.getId(), before,
                "cycle=" + cycleId + " pack=" + pack.getPackNo() + " sha256=" + pack.getContentHash());
        for (EvidenceVersion v : versionsOf(pack)) {
            if (!alreadyPublished.contains(v.getId())) {
                audit.note(actor, "evidence.version.published", "evidence_item_version", Long.toString(v.getId()),
                        "item=" + v.getItemId() + " version=" + v.getVersionNo() + " sha256=" + v.getContentHash());
            }
            EvidenceItem item = em.find(EvidenceItem.class, v.getItemId());
            if (!item.isPublished()) {
                String itemBefore = audit.digestOf("evidence_item", item.getId());
                item.markPublished();
                audit.record(actor, "evidence.published", "evidence_item", item.getId(), itemBefore, null);
            }
        }
        return Result.done(pack);
    }

    /** A second officer rejects the pack in review, with reasons the authors read before fixing it. */
    @Transactional
    public Result<EvidencePack> reject(Actor actor, long cycleId, String reason) {
        Result<EvidencePack> reviewable = reviewable(actor, cycleId);
        if (!reviewable.isDone()) {
            return reviewable;
        }
        if (reason == null || reason.strip().length() < 10 || reason.strip().length() > 2000) {
            return Result.refused("refused.evidence.reason");
        }
        EvidencePack pack = reviewable.value();
        String before = audit.digestOf("evidence_pack", pack.getId());
        pack.reject(actor.username(), clock.instant(), reason.strip());
        audit.record(actor, "evidence.pack.rejected", "evidence_pack", pack.getId(), before,
                "cycle=" + cycleId + " pack=" + pack.getPackNo());
        return Result.done(pack);
    }

    private Result<EvidencePack> reviewable(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.evidence.phase");
        }
        EvidencePack pack = packInReview(cycleId).orElse(null);
        if (pack == null) {
            return Result.refused("refused.evidence.notInReview");
        }
        if (pack.getSubmittedBy().equals(actor.username())) {
            return Result.refused("refused.evidence.review.notAllowed");
        }
        Set<Long> alreadyPublished = publishedVersionIds(cycleId);
        boolean authoredNew = versionsOf(pack).stream().filter(v -> !alreadyPublished.contains(v.getId()))
                .anyMatch(v -> v.getCreatedBy().equals(actor.username()));
        if (authoredNew) {
            return Result.refused("refused.evidence.review.notAllowed");
        }
        return Result.done(pack);
    }

    /** SHA-256 over the pack's manifest: one line "item:version:contentHash" per item, by item id. */
    static String manifestHash(List<EvidenceVersion> versions) {
        StringBuilder b = new StringBuilder();
        versions.stream().sorted(Comparator.comparing(EvidenceVersion::getItemId))
                .forEach(v -> b.append(v.getItemId()).append(':').append(v.getVersionNo()).append(':')
                        .append(v.getContentHash()).append('\n'));
        return AuditChain.sha256Hex(b.toString());
    }

    // ------------------------------------------------------------------------------------------------ questions

    /** A juror or resident asks the witness behind a published item a question; it waits for moderation. */
    @Transactional
    public Result<EvidenceQuestion> askQuestion(Actor actor, long itemId, String text) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.question.notAllowed");
        }
        EvidenceItem item = em.find(EvidenceItem.class, itemId);
        if (item == null || !publishedItemIds(item.getCycleId()).contains(itemId)) {
            return Result.refused("refused.evidence.unknown");
        }
        CycleView cycle = cycleViews.findLocked(item.getCycleId()).orElse(null);
        if (cycle.phase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.question.phase");
        }
        if (text == null || text.strip().length() < 5 || text.strip().length() > 1000) {
            return Result.refused("refused.question.text");
        }
        long open = em.createQuery("SELECT COUNT(q) FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.askedBy = :u"
                        + " AND q.status = :s", Long.class).setParameter("c", item.getCycleId())
                .setParameter("u", actor.username()).setParameter("s", EvidenceQuestion.Status.QUEUED)
                .getSingleResult();
        if (open >= MAX_OPEN_QUESTIONS) {
            return Result.refused("refused.question.tooMany", MAX_OPEN_QUESTIONS);
        }
        EvidenceQuestion q = new EvidenceQuestion(item.getCycleId(), itemId, actor.username(), text.strip(),
                clock.instant());
        em.persist(q);
        em.flush();
        audit.record(actor, "evidence.question.asked", "evidence_question", q.getId(), null, "item=" + itemId);
        return Result.done(q);
    }

    /** The moderator lets a question through to the witness. */
    @Transactional
    public Result<EvidenceQuestion> acceptQuestion(Actor actor, long questionId) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        EvidenceQuestion q = found.value();
        if (q.getStatus() != EvidenceQuestion.Status.QUEUED) {
            return Result.refused("refused.question.notOpen");
        }
        String before = audit.digestOf("evidence_question", questionId);
        q.accept(actor.username(), clock.instant());
        audit.record(actor, "evidence.question.accepted", "evidence_question", questionId, before, null);
        return Result.done(q);
    }

    /** The moderator merges a question into an earlier one that asks the same: it shares that one's answer. */
    @Transactional
    public Result<EvidenceQuestion> mergeQuestion(Actor actor, long questionId, long intoId) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        EvidenceQuestion q = found.value();
        EvidenceQuestion into = em.find(EvidenceQuestion.class, intoId);
        if (into == null || intoId == questionId || !into.getCycleId().equals(q.getCycleId())
                || into.getStatus() == EvidenceQuestion.Status.MERGED
                || into.getStatus() == EvidenceQuestion.Status.REJECTED) {
            return Result.refused("refused.question.mergeTarget");
        }
        if (em.createQuery("SELECT COUNT(q) FROM EvidenceQuestion q WHERE q.mergedInto = :id", Long.class)
                .setParameter("id", questionId).getSingleResult() > 0) {
            return Result.refused("refused.question.mergeTarget");
        }
        String before = audit.digestOf("evidence_question", questionId);
        q.mergeInto(intoId, actor.username(), clock.instant());
        audit.record(actor, "evidence.question.merged", "evidence_question", questionId, before, "into=" + intoId);
        return Result.done(q);
    }

    /** The moderator rejects a question (abuse, off topic) with a reason its author is shown. */
    @Transactional
    public Result<EvidenceQuestion> rejectQuestion(Actor actor, long questionId, String reason) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        if (reason == null || reason.strip().length() < 5 || reason.strip().length() > 1000) {
            return Result.refused("refused.question.reason");
        }
        EvidenceQuestion q = found.value();
        String before = audit.digestOf("evidence_question", questionId);
        q.reject(reason.strip(), actor.username(), clock.instant());
        audit.record(actor, "evidence.question.rejected", "evidence_question", questionId, before, null);
        return Result.done(q);
    }

    /** Records the witness's answer (given by the witness in writing or on jury day); it joins the pack. */
    @Transactional
    public Result<EvidenceQuestion> answerQuestion(Actor actor, long questionId, String answer, String witness) {
        Result<EvidenceQuestion> found = moderatable(actor, questionId);
        if (!found.isDone()) {
            return found;
        }
        if (answer == null || answer.strip().length() < 2 || answer.strip().length() > 4000) {
            return Result.refused("refused.question.answer");
        }
        if (witness == null || witness.isBlank() || witness.strip().length() > 200) {
            return Result.refused("refused.question.witness");
        }
        EvidenceQuestion q = found.value();
        String before = audit.digestOf("evidence_question", questionId);
        q.answer(answer.strip(), witness.strip(), actor.username(), clock.instant());
        audit.record(actor, "evidence.question.answered", "evidence_question", questionId, before, null);
        return Result.done(q);
    }

    private Result<EvidenceQuestion> moderatable(Actor actor, long questionId) {
        if (!actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        EvidenceQuestion q = em.find(EvidenceQuestion.class, questionId, LockModeType.PESSIMISTIC_WRITE);
        if (q == null) {
            return Result.refused("refused.question.unknown");
        }
        if (!q.isOpen()) {
            return Result.refused("refused.question.notOpen");
        }
        return Result.done(q);
    }

    // -------------------------------------------------------------------------------------------------- reading

    /** A reader marks a published item as read (once; marking it again changes nothing). */
    @Transactional
    public Result<EvidenceReading> markRead(Actor actor, long itemId) {
        if (!actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.notAllowed");
        }
        EvidenceItem item = em.find(EvidenceItem.class, itemId);
        if (item == null || !publishedItemIds(item.getCycleId()).contains(itemId)) {
            return Result.refused("refused.evidence.unknown");
        }
        List<EvidenceReading> existing = em.createQuery("SELECT r FROM EvidenceReading r WHERE r.itemId = :i"
                        + " AND r.reader = :u", EvidenceReading.class).setParameter("i", itemId)
                .setParameter("u", actor.username()).getResultList();
        if (!existing.isEmpty()) {
            return Result.done(existing.get(0));
        }
        EvidenceReading r = new EvidenceReading(item.getCycleId(), itemId, actor.username(), clock.instant());
        em.persist(r);
        em.flush();
        audit.record(actor, "evidence.read", "evidence_reading", r.getId(), null, "item=" + itemId);
        return Result.done(r);
    }

    /** For the facilitator: how many of the published items each juror has read (counts only). */
    public Result<List<JurorProgress>> readingProgress(Actor actor, long cycleId) {
        if (!actor.hasAny(Role.FACILITATOR, Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        if (cycleViews.find(cycleId).isEmpty()) {
            return Result.refused("refused.cycle.unknown");
        }
        Set<Long> published = publishedItemIds(cycleId);
        Map<String, Long> counts = new HashMap<>();
        for (EvidenceReading r : em.createQuery("SELECT r FROM EvidenceReading r WHERE r.cycleId = :c",
                EvidenceReading.class).setParameter("c", cycleId).getResultList()) {
            if (published.contains(r.getItemId())) {
                counts.merge(r.getReader(), 1L, Long::sum);
            }
        }
        List<JurorProgress> out = new ArrayList<>();
        for (Juries.Member v : jury.jurors(cycleId)) {
            if (v.accountId() == null) {
                // Imported into the pool without an account (invited by letter): reads on paper, not online.
                out.add(new JurorProgress("#" + v.volunteerId(), 0L, published.size()));
                continue;
            }
            String username = accounts.usernameOf(v.accountId());
            String name = accounts.find(username).map(a -> a.getDisplayName()).orElse(username);
            out.add(new JurorProgress(name, counts.getOrDefault(username, 0L), published.size()));
        }
        out.sort(Comparator.comparing(JurorProgress::displayName));
        return Result.done(out);
    }

    /** Which published items this reader has marked read. */
    public Set<Long> readBy(String username, long cycleId) {
        return new HashSet<>(em.createQuery("SELECT r.itemId FROM EvidenceReading r WHERE r.cycleId = :c"
                        + " AND r.reader = :u", Long.class).setParameter("c", cycleId).setParameter("u", username)
                .getResultList());
    }

    // -------------------------------------------------------------------------------------------------- queries

    /** Every item of the cycle (drafts and withdrawn ones too), newest edits last. */
    public List<EvidenceItem> items(long cycleId) {
        return em.createQuery("SELECT e FROM EvidenceItem e WHERE e.cycleId = :c ORDER BY e.id", EvidenceItem.class)
                .setParameter("c", cycleId).getResultList();
    }

    public Optional<EvidenceItem> item(long itemId) {
        return Optional.ofNullable(em.find(EvidenceItem.class, itemId));
    }

    public List<EvidenceVersion> versions(long itemId) {
        return em.createQuery("SELECT v FROM EvidenceVersion v WHERE v.itemId = :i ORDER BY v.versionNo",
                EvidenceVersion.class).setParameter("i", itemId).getResultList();
    }

    /** The versions of an item anyone may see: those that were ever in a published pack. */
    public List<EvidenceVersion> publishedVersions(long itemId) {
        return item(itemId).map(item -> {
            Set<Long> published = publishedVersionIds(item.getCycleId());
            return versions(itemId).stream().filter(v -> published.contains(v.getId())).toList();
        }).orElse(List.of());
    }

    public Optional<EvidenceVersion> latestVersion(long itemId) {
        return em.createQuery("SELECT v FROM EvidenceVersion v WHERE v.itemId = :i ORDER BY v.versionNo DESC",
                EvidenceVersion.class).setParameter("i", itemId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The latest version of every item not withdrawn: what a submission would put in the pack. */
    public List<EvidenceVersion> latestVersions(long cycleId) {
        return em.createQuery("SELECT v FROM EvidenceVersion v, EvidenceItem i WHERE v.itemId = i.id"
                        + " AND i.cycleId = :c AND i.withdrawn = false AND v.versionNo = i.latestVersion"
                        + " ORDER BY i.id", EvidenceVersion.class).setParameter("c", cycleId).getResultList();
    }

    public List<EvidencePack> packs(long cycleId) {
        return em.createQuery("SELECT p FROM EvidencePack p WHERE p.cycleId = :c ORDER BY p.packNo DESC",
                EvidencePack.class).setParameter("c", cycleId).getResultList();
    }

    public Optional<EvidencePack> packInReview(long cycleId) {
        return packs(cycleId).stream().filter(EvidencePack::isInReview).findFirst();
    }

    /** The pack readers see: the latest published one. */
    public Optional<EvidencePack> publishedPack(long cycleId) {
        return packs(cycleId).stream().filter(EvidencePack::isPublished).findFirst();
    }

    public List<EvidenceVersion> versionsOf(EvidencePack pack) {
        return em.createQuery("SELECT v FROM EvidenceVersion v, PackEntry e WHERE e.versionId = v.id"
                        + " AND e.packId = :p ORDER BY v.itemId", EvidenceVersion.class)
                .setParameter("p", pack.getId()).getResultList();
    }

    /** Ids of every item version that was in some published pack of the cycle. */
    Set<Long> publishedVersionIds(long cycleId) {
        return new HashSet<>(em.createQuery("SELECT e.versionId FROM PackEntry e, EvidencePack p WHERE"
                        + " e.packId = p.id AND p.cycleId = :c AND p.status = :s", Long.class)
                .setParameter("c", cycleId).setParameter("s", EvidencePack.Status.PUBLISHED).getResultList());
    }

    private Set<Long> publishedItemIds(long cycleId) {
        return publishedPack(cycleId).map(p -> versionsOf(p).stream().map(EvidenceVersion::getItemId)
                .collect(Collectors.toSet())).orElse(Set.of());
    }

    /** The published pack with its items as readers see them (empty when nothing is published yet). */
    public Optional<PublishedPack> published(long cycleId) {
        return publishedPack(cycleId).map(p -> new PublishedPack(p.getPackNo(), p.getContentHash(),
                p.getSubmittedBy(), p.getReviewedBy(), p.getReviewedAt(), view(versionsOf(p))));
    }

    /** The published items (empty when nothing is published yet). */
    public List<PublishedItem> publishedItems(long cycleId) {
        return published(cycleId).map(PublishedPack::items).orElse(List.of());
    }

    /** Item versions as readers see them, with their attachment and number of answered questions. */
    public List<PublishedItem> view(List<EvidenceVersion> versions) {
        if (versions.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> answered = new HashMap<>();
        long cycleId = versions.get(0).getCycleId();
        for (EvidenceQuestion q : answeredQuestionsOf(cycleId)) {
            answered.merge(q.getItemId(), 1L, Long::sum);
        }
        List<PublishedItem> out = new ArrayList<>();
        for (EvidenceVersion v : versions) {
            AttachmentInfo a = v.getAttachmentId() == null ? null : attachmentInfo(v.getAttachmentId()).orElse(null);
            out.add(new PublishedItem(v.getItemId(), v.getId(), v.getVersionNo(), v.getKind(), v.getPerspective(),
                    v.getTitle(), v.getSummary(), v.getSource(), v.getAuthor(), v.getItemDate(), v.getOptionList(),
                    v.getValueCellList(), v.getSocialValue(), a, v.getContentHash(), v.getCreatedAt(),
                    answered.getOrDefault(v.getItemId(), 0L).intValue()));
        }
        return out;
    }

    /** What changed from one version of an item to another; only published versions unless an officer asks. */
    public Result<List<EvidenceDiff.Change>> diff(Actor actor, long itemId, int fromVersion, int toVersion) {
        boolean officer = actor.hasAny(Role.OFFICER, Role.ADMIN);
        List<EvidenceVersion> visible = officer ? versions(itemId) : publishedVersions(itemId);
        Map<Integer, EvidenceVersion> byNo = visible.stream()
                .collect(Collectors.toMap(EvidenceVersion::getVersionNo, Function.identity()));
        EvidenceVersion from = byNo.get(fromVersion);
        EvidenceVersion to = byNo.get(toVersion);
        if (from == null || to == null) {
            return Result.refused("refused.evidence.version.unknown");
        }
        return Result.done(EvidenceDiff.between(content(from), content(to)));
    }

    /** A version's content as hashed. */
    public EvidenceContent content(EvidenceVersion v) {
        return v.content(v.getAttachmentId() == null ? null
                : attachmentInfo(v.getAttachmentId()).map(AttachmentInfo::sha256).orElse(null));
    }

    public Optional<AttachmentInfo> attachmentInfo(long attachmentId) {
        List<Object[]> rows = em.createQuery("SELECT a.id, a.fileName, a.mediaType, a.sizeBytes, a.sha256 FROM"
                + " EvidenceAttachment a WHERE a.id = :i", Object[].class).setParameter("i", attachmentId)
                .getResultList();
        return rows.stream().findFirst().map(r -> new AttachmentInfo((Long) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4]));
    }

    public List<AttachmentInfo> attachments(long cycleId) {
        return em.createQuery("SELECT a.id FROM EvidenceAttachment a WHERE a.cycleId = :c ORDER BY a.id", Long.class)
                .setParameter("c", cycleId).getResultList().stream().map(id -> attachmentInfo(id).orElseThrow())
                .toList();
    }

    /**
     * The attachment's bytes, for anyone when it belongs to a published item version of the cycle, for officers
     * always; empty otherwise.
     */
    public Optional<EvidenceAttachment> attachmentFor(Actor actor, long cycleId, long attachmentId) {
        EvidenceAttachment a = em.find(EvidenceAttachment.class, attachmentId);
        if (a == null || !a.getCycleId().equals(cycleId)) {
            return Optional.empty();
        }
        if (actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Optional.of(a);
        }
        Set<Long> published = publishedVersionIds(cycleId);
        boolean visible = em.createQuery("SELECT v.id FROM EvidenceVersion v WHERE v.attachmentId = :a", Long.class)
                .setParameter("a", attachmentId).getResultList().stream().anyMatch(published::contains);
        return visible ? Optional.of(a) : Optional.empty();
    }

    /**
     * The bytes of an attachment, checked against the SHA-256 in its audited row; empty (and logged) when they no
     * longer match, so that a file changed behind the application's back is never served.
     */
    public Optional<byte[]> contentOf(EvidenceAttachment a) {
        AttachmentContent c = em.find(AttachmentContent.class, a.getId());
        if (c == null) {
            return Optional.empty();
        }
        byte[] bytes = c.bytes();
        if (!AuditChain.sha256Hex(bytes).equals(a.getSha256())) {
            java.util.logging.Logger.getLogger(EvidenceService.class.getName()).severe(
                    () -> "Evidence attachment " + a.getId() + " does not match its SHA-256; not served.");
            return Optional.empty();
        }
        return Optional.of(bytes);
    }

    /**
     * Full-text search over the published pack: every term (normalised, accents folded) must start a word in
     * the item's title, summary, source or author, or in its answered questions.
     */
    public List<SearchHit> search(long cycleId, String query) {
        List<String> terms = EvidenceContent.terms(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        Optional<EvidencePack> pack = publishedPack(cycleId);
        if (pack.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("SELECT v FROM EvidenceVersion v, PackEntry e WHERE e.versionId = v.id"
                + " AND e.packId = :p");
        StringBuilder anyTerm = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            anyTerm.append(i == 0 ? "" : " OR ").append("v.searchText LIKE :t").append(i);
        }
        jpql.append(" AND (").append(anyTerm).append(") ORDER BY v.itemId");
        var q = em.createQuery(jpql.toString(), EvidenceVersion.class).setParameter("p", pack.get().getId());
        for (int i = 0; i < terms.size(); i++) {
            q.setParameter("t" + i, "% " + terms.get(i) + "%");
        }
        Map<Long, String> qa = new HashMap<>();
        for (EvidenceQuestion question : answeredQuestionsOf(cycleId)) {
            qa.merge(question.getItemId(), EvidenceContent.normalise(question.getBody() + " " + question.getAnswer()),
                    String::concat);
        }
        // The database narrows to items matching any term; every term must match the item or its answers.
        Map<Long, EvidenceVersion> candidates = new LinkedHashMap<>();
        q.getResultList().forEach(v -> candidates.put(v.getItemId(), v));
        for (EvidenceVersion v : versionsOf(pack.get())) {
            if (qa.containsKey(v.getItemId())) {
                candidates.putIfAbsent(v.getItemId(), v);
            }
        }
        List<SearchHit> hits = new ArrayList<>();
        List<EvidenceVersion> matched = new ArrayList<>();
        List<Boolean> inQuestions = new ArrayList<>();
        for (EvidenceVersion v : candidates.values()) {
            String own = content(v).searchText();
            String answers = qa.getOrDefault(v.getItemId(), " ");
            boolean all = terms.stream().allMatch(t -> own.contains(" " + t) || answers.contains(" " + t));
            if (all) {
                matched.add(v);
                inQuestions.add(!terms.stream().allMatch(t -> own.contains(" " + t)));
            }
        }
        List<PublishedItem> views = view(matched);
        for (int i = 0; i < views.size(); i++) {
            hits.add(new SearchHit(views.get(i), inQuestions.get(i)));
        }
        hits.sort(Comparator.comparing((SearchHit h) -> !titleMatches(h.item().title(), terms))
                .thenComparing(h -> h.item().itemId()));
        return hits;
    }

    private static boolean titleMatches(String title, List<String> terms) {
        String t = EvidenceContent.normalise(title);
        return terms.stream().anyMatch(term -> t.contains(" " + term));
    }

    /** The balance of a set of items across perspectives and across the cycle's options, with concerns. */
    public Balance balance(long cycleId, List<PublishedItem> items) {
        List<BalanceRow> perspectives = new ArrayList<>();
        Map<EvidenceItem.Perspective, Long> total = new EnumMap<>(EvidenceItem.Perspective.class);
        for (PublishedItem i : items) {
            total.merge(i.perspective(), 1L, Long::sum);
        }
        perspectives.add(row("", "", items));
        List<BalanceRow> options = new ArrayList<>();
        List<BalanceWarning> warnings = new ArrayList<>();
        for (BudgetOption o : voting.options(cycleId)) {
            List<PublishedItem> about = items.stream().filter(i -> i.options().contains(o.getCode())).toList();
            BalanceRow r = row(o.getTitle(), o.getCode(), about);
            options.add(r);
            if (r.total() == 0) {
                warnings.add(new BalanceWarning("evidence.balance.optionNone", o.getCode()));
            } else if (r.forCount() > 0 && r.againstCount() == 0) {
                warnings.add(new BalanceWarning("evidence.balance.optionOneSided", o.getCode()));
            }
        }
        if (!items.isEmpty()) {
            if (total.getOrDefault(EvidenceItem.Perspective.AGAINST, 0L) == 0) {
                warnings.add(0, new BalanceWarning("evidence.balance.noAgainst", ""));
            }
            if (total.getOrDefault(EvidenceItem.Perspective.FOR, 0L) == 0) {
                warnings.add(0, new BalanceWarning("evidence.balance.noFor", ""));
            }
            if (total.getOrDefault(EvidenceItem.Perspective.LIVED_EXPERIENCE, 0L) == 0) {
                warnings.add(0, new BalanceWarning("evidence.balance.noLived", ""));
            }
        }
        return new Balance(perspectives, options, warnings);
    }

    private static BalanceRow row(String label, String code, List<PublishedItem> items) {
        Map<EvidenceItem.Perspective, Long> n = items.stream()
                .collect(Collectors.groupingBy(PublishedItem::perspective, Collectors.counting()));
        return new BalanceRow(label, code, n.getOrDefault(EvidenceItem.Perspective.FOR, 0L),
                n.getOrDefault(EvidenceItem.Perspective.AGAINST, 0L),
                n.getOrDefault(EvidenceItem.Perspective.NEUTRAL, 0L),
                n.getOrDefault(EvidenceItem.Perspective.LIVED_EXPERIENCE, 0L));
    }

    /** Questions waiting for moderation (QUEUED) or for the witness's answer (ACCEPTED), oldest first. */
    public List<QueuedQuestion> queuedQuestions(long cycleId) {
        Map<Long, String> titles = items(cycleId).stream()
                .collect(Collectors.toMap(EvidenceItem::getId, EvidenceItem::getTitle));
        Map<Long, Long> duplicates = duplicateCounts(cycleId);
        return em.createQuery("SELECT q FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.status IN :s"
                                + " ORDER BY q.askedAt, q.id", EvidenceQuestion.class).setParameter("c", cycleId)
                .setParameter("s", List.of(EvidenceQuestion.Status.QUEUED, EvidenceQuestion.Status.ACCEPTED))
                .getResultList().stream()
                .map(q -> new QueuedQuestion(q.getId(), q.getItemId(), titles.get(q.getItemId()), q.getBody(),
                        q.getStatus(), q.getAskedAt(), duplicates.getOrDefault(q.getId(), 0L).intValue()))
                .toList();
    }

    /** Answered questions of the cycle, by item: part of the pack. */
    public List<AnsweredQuestion> answeredQuestions(long cycleId) {
        Map<Long, Long> duplicates = duplicateCounts(cycleId);
        return answeredQuestionsOf(cycleId).stream().map(q -> new AnsweredQuestion(q.getId(), q.getItemId(),
                q.getBody(), q.getAnswer(), q.getAnsweredBy(), q.getAnsweredAt(),
                duplicates.getOrDefault(q.getId(), 0L).intValue())).toList();
    }

    /** The questions this person asked in the cycle, with their status (and the reason when rejected). */
    public List<MyQuestion> questionsBy(String username, long cycleId) {
        Map<Long, EvidenceQuestion> all = em.createQuery("SELECT q FROM EvidenceQuestion q WHERE q.cycleId = :c",
                EvidenceQuestion.class).setParameter("c", cycleId).getResultList().stream()
                .collect(Collectors.toMap(EvidenceQuestion::getId, Function.identity()));
        Map<Long, String> titles = items(cycleId).stream()
                .collect(Collectors.toMap(EvidenceItem::getId, EvidenceItem::getTitle));
        return all.values().stream().filter(q -> q.getAskedBy().equals(username))
                .sorted(Comparator.comparing(EvidenceQuestion::getId)).map(q -> {
                    EvidenceQuestion answered = q.getMergedInto() == null ? q : all.get(q.getMergedInto());
                    return new MyQuestion(q.getId(), q.getItemId(), titles.get(q.getItemId()), q.getBody(),
                            q.getStatus(), q.getRejectReason(), answered == null ? null : answered.getAnswer(),
                            answered == null ? null : answered.getAnsweredBy());
                }).toList();
    }

    private List<EvidenceQuestion> answeredQuestionsOf(long cycleId) {
        return em.createQuery("SELECT q FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.status = :s"
                        + " ORDER BY q.answeredAt, q.id", EvidenceQuestion.class).setParameter("c", cycleId)
                .setParameter("s", EvidenceQuestion.Status.ANSWERED).getResultList();
    }

    private Map<Long, Long> duplicateCounts(long cycleId) {
        Map<Long, Long> out = new HashMap<>();
        em.createQuery("SELECT q.mergedInto FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.mergedInto IS NOT NULL",
                Long.class).setParameter("c", cycleId).getResultList().forEach(id -> out.merge(id, 1L, Long::sum));
        return out;
    }

    // ------------------------------------------------------------------------------------------------ internals

    private Result<CycleView> authoring(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found;
        }
        if (found.value().phase().isAfter(Phase.DELIBERATE)) {
            return Result.refused("refused.evidence.phase");
        }
        if (packInReview(cycleId).isPresent()) {
            return Result.refused("refused.evidence.inReview");
        }
        return found;
    }

    private Result<EvidenceContent> validate(long cycleId, EvidenceDraft d) {
        if (d == null || d.kind() == null) {
            return Result.refused("refused.evidence.kind");
        }
        if (d.perspective() == null) {
            return Result.refused("refused.evidence.perspective");
        }
        if (blankOrLonger(d.title(), 300)) {
            return Result.refused("refused.evidence.title");
        }
        if (blankOrLonger(d.summary(), 8000)) {
            return Result.refused("refused.evidence.summary");
        }
        if (blankOrLonger(d.source(), 500)) {
            return Result.refused("refused.evidence.sourceRequired");
        }
        if (blankOrLonger(d.author(), 200)) {
            return Result.refused("refused.evidence.author");
        }
        if (d.date() == null || d.date().isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))
                || d.date().getYear() < 1900) {
            return Result.refused("refused.evidence.date");
        }
        Set<String> codes = voting.options(cycleId).stream().map(BudgetOption::getCode).collect(Collectors.toSet());
        for (String code : d.options()) {
            if (!codes.contains(code)) {
                return Result.refused("refused.evidence.option", code);
            }
        }
        SocialValue sv = d.socialValue() == null || d.socialValue().isEmpty() ? null : d.socialValue().stripped();
        if (sv != null) {
            if (d.kind() != EvidenceItem.Kind.COSTED_OPTION || d.options().size() != 1) {
                return Result.refused("refused.evidence.socialValueKind");
            }
            String problem = sv.problem();
            if (problem != null) {
                return Result.refused(problem);
            }
        }
        String attachmentSha = null;
        if (d.attachmentId() != null) {
            EvidenceAttachment a = em.find(EvidenceAttachment.class, d.attachmentId());
            if (a == null || !a.getCycleId().equals(cycleId)) {
                return Result.refused("refused.evidence.attachment");
            }
            attachmentSha = a.getSha256();
        }
        if (d.changeNote() != null && d.changeNote().strip().length() > 500) {
            return Result.refused("refused.evidence.changeNote");
        }
        return Result.done(new EvidenceContent(d.kind(), d.perspective(), d.title().strip(), d.summary().strip(),
                d.source().strip(), d.author().strip(), d.date(), d.options(), d.valueCells(), sv, attachmentSha));
    }

    private EvidenceVersion newVersion(Actor actor, EvidenceItem item, EvidenceContent content, EvidenceDraft draft,
                                       String itemBefore) {
        int no = item.nextVersion(content, clock.instant());
        String note = draft.changeNote() == null || draft.changeNote().isBlank() ? null : draft.changeNote().strip();
        EvidenceVersion v = new EvidenceVersion(item, no, content, draft.attachmentId(), note, clock.instant(),
                actor.username());
        em.persist(v);
        em.flush();
        if (itemBefore != null) {
            audit.record(actor, "evidence.edited", "evidence_item", item.getId(), itemBefore, "version=" + no);
        }
        audit.record(actor, "evidence.version.created", "evidence_item_version", v.getId(), null,
                "item=" + item.getId() + " version=" + no + " sha256=" + v.getContentHash());
        return v;
    }

    private static boolean blankOrLonger(String s, int max) {
        return s == null || s.isBlank() || s.strip().length() > max;
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from == Phase.LEARN && publishedPack(cycle.id()).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.evidencePack", List.of()));
        }
        return Optional.empty();
    }
}
