package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.civicloop.evidence.EvidenceViews.AttachmentInfo;
import org.civicloop.evidence.EvidenceViews.PublishedItem;
import org.civicloop.evidence.EvidenceViews.PublishedPack;
import org.civicloop.evidence.EvidenceViews.SearchHit;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * Use cases of the evidence pack. Officers write items (every edit is a new immutable version with its content
 * hash) and attach validated files; an officer submits the pack for balance review and a second officer (neither
 * the submitter nor the author of anything new in it) publishes it or rejects it with reasons. Jurors and
 * residents read the published pack, mark items read and ask the witnesses questions; facilitators and officers
 * moderate the questions and record the witnesses' answers.
 */
@ApplicationScoped
public class EvidenceService implements PhaseGate {
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

    Set<Long> publishedItemIds(long cycleId) {
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

    static boolean titleMatches(String title, List<String> terms) {
        String t = EvidenceContent.normalise(title);
        return terms.stream().anyMatch(term -> t.contains(" " + term));
    }

    List<EvidenceQuestion> answeredQuestionsOf(long cycleId) {
        return em.createQuery("SELECT q FROM EvidenceQuestion q WHERE q.cycleId = :c AND q.status = :s"
                        + " ORDER BY q.answeredAt, q.id", EvidenceQuestion.class).setParameter("c", cycleId)
                .setParameter("s", EvidenceQuestion.Status.ANSWERED).getResultList();
    }

    // ------------------------------------------------------------------------------------------------ internals

    Result<CycleView> authoring(Actor actor, long cycleId) {
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

    Result<EvidenceContent> validate(long cycleId, EvidenceDraft d) {
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
        Set<String> codes = voting.options(cycleId).stream().map(CostedOption::getCode).collect(Collectors.toSet());
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

    EvidenceVersion newVersion(Actor actor, EvidenceItem item, EvidenceContent content, EvidenceDraft draft,
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

    static boolean blankOrLonger(String s, int max) {
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
