package org.civicloop.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.evidence.EvidenceViews.Balance;
import org.civicloop.evidence.EvidenceViews.BalanceRow;
import org.civicloop.evidence.EvidenceViews.BalanceWarning;
import org.civicloop.evidence.EvidenceViews.PublishedItem;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * Use cases of the balance review: an officer submits the pack and a second officer (neither the submitter nor the
 * author of anything new in it) publishes it or rejects it with reasons.
 */
@ApplicationScoped
public class EvidenceReview {

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
    EvidenceService evidence;

    // ------------------------------------------------------------------------------------------ balance review

    /** Submits the latest version of every item for balance review: a new pack version, not yet published. */
    @Transactional
    public Result<EvidencePack> submitForReview(Actor actor, long cycleId, String note) {
        Result<CycleView> found = evidence.authoring(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (note != null && note.strip().length() > 1000) {
            return Result.refused("refused.evidence.note");
        }
        List<EvidenceVersion> latest = evidence.latestVersions(cycleId);
        if (latest.isEmpty()) {
            return Result.refused("refused.evidence.emptyPack");
        }
        String hash = manifestHash(latest);
        Optional<EvidencePack> published = evidence.publishedPack(cycleId);
        if (published.isPresent() && published.get().getContentHash().equals(hash)) {
            return Result.refused("refused.evidence.nothingNew");
        }
        int packNo = evidence.packs(cycleId).stream().mapToInt(EvidencePack::getPackNo).max().orElse(0) + 1;
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
        Set<Long> alreadyPublished = evidence.publishedVersionIds(cycleId);
        String before = audit.digestOf("evidence_pack", pack.getId());
        pack.publish(actor.username(), clock.instant(), note == null || note.isBlank() ? null : note.strip());
        audit.record(actor, "evidence.pack.published", "evidence_pack", pack.getId(), before,
                "cycle=" + cycleId + " pack=" + pack.getPackNo() + " sha256=" + pack.getContentHash());
        for (EvidenceVersion v : evidence.versionsOf(pack)) {
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
        EvidencePack pack = evidence.packInReview(cycleId).orElse(null);
        if (pack == null) {
            return Result.refused("refused.evidence.notInReview");
        }
        if (pack.getSubmittedBy().equals(actor.username())) {
            return Result.refused("refused.evidence.review.notAllowed");
        }
        Set<Long> alreadyPublished = evidence.publishedVersionIds(cycleId);
        boolean authoredNew = evidence.versionsOf(pack).stream().filter(v -> !alreadyPublished.contains(v.getId()))
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
        for (CostedOption o : voting.options(cycleId)) {
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
}
