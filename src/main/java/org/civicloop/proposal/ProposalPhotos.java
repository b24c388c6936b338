package org.civicloop.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The photo on a proposal: its proposer attaches one, re-encoded without metadata ({@link PhotoImage}), with a
 * description for people who cannot see it; an officer hides it with a public reason. A proposal's text cannot be
 * changed once proposed, and neither can its photo: the proposer adds it when proposing (the form) or just after (the
 * API, a second request), while the proposal is untouched (the step open, not yet merged, assessed or hidden) and has
 * none. A hidden photo, or the photo of a hidden proposal or of an unpublished cycle, is not served.
 */
@ApplicationScoped
public class ProposalPhotos {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Cycles cycles;

    /** The photo and its description, checked and re-encoded (no database), or the refusal. */
    public static Result<Upload> check(byte[] bytes, String alt) {
        Result<String> text = PhotoImage.alt(alt);
        if (!text.isDone()) {
            return text.map(x -> null);
        }
        return PhotoImage.encode(bytes).map(e -> new Upload(e, text.value()));
    }

    /** A photo ready to store: re-encoded, with its description. */
    public record Upload(PhotoImage.Encoded encoded, String alt) {
    }

    /** The proposer attaches a photo to their proposal (see the class comment for when). */
    @Transactional
    public Result<ProposalPhoto> attach(Actor actor, long proposalId, byte[] bytes, String alt) {
        Proposal p = em.find(Proposal.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            return Result.refused("refused.proposal.unknown");
        }
        if (actor.isAnonymous() || !actor.username().equals(p.getAuthor())) {
            return Result.refused("refused.photo.notAllowed");
        }
        if (em.find(ProposalPhoto.class, proposalId) != null) {
            return Result.refused("refused.photo.already");
        }
        if (p.isHidden() || p.getStatus() != Proposal.Status.SUBMITTED || !acceptingNow(p.getCycleId())) {
            return Result.refused("refused.photo.closed");
        }
        Result<Upload> checked = check(bytes, alt);
        if (!checked.isDone()) {
            return checked.map(x -> null);
        }
        return Result.done(store(actor, p, checked.value()));
    }

    /** Stores a checked photo on a proposal just made, in the caller's transaction (proposing with a photo). */
    ProposalPhoto store(Actor actor, Proposal p, Upload upload) {
        ProposalPhoto photo = new ProposalPhoto(p.getId(), upload.encoded(), upload.alt(), clock.instant());
        em.persist(photo);
        em.persist(new ProposalPhotoContent(p.getId(), upload.encoded()));
        em.flush();
        audit.record(actor, "proposal.photoAttached", "proposal_photo", p.getId(), null, "proposal=" + p.getId()
                + " type=" + upload.encoded().kind().mediaType() + " sha256=" + upload.encoded().sha256());
        return photo;
    }

    private boolean acceptingNow(long cycleId) {
        Cycles.CastingRules cycle = cycles.castingRules(cycleId).orElse(null);
        ProposalSetting s = em.find(ProposalSetting.class, cycleId);
        return cycle != null && cycle.published() && s != null && s.isAccepting()
                && ProposalRules.acceptingIn(cycle.phase());
    }

    /**
     * An officer hides a proposal's photo with a public reason (at any phase): it is no longer served, and the
     * proposal's page says why in its place. Nothing is deleted.
     */
    @Transactional
    public Result<ProposalPhoto> hide(Actor actor, long proposalId, String reason) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        ProposalPhoto photo = em.find(ProposalPhoto.class, proposalId, LockModeType.PESSIMISTIC_WRITE);
        if (photo == null) {
            return Result.refused("refused.photo.unknown");
        }
        if (photo.isHidden()) {
            return Result.refused("refused.photoHide.already");
        }
        String r = ProposalRules.moderationReason(reason);
        if (r == null) {
            return Result.refused("refused.moderation.reason");
        }
        String before = audit.digestOf("proposal_photo", proposalId);
        photo.hide(r, actor.username(), clock.instant());
        em.flush();
        audit.record(actor, "proposal.photoHidden", "proposal_photo", proposalId, before, r);
        return Result.done(photo);
    }

    // ---------------------------------------------------------------- reads

    /** The photo row of a proposal, hidden or not (for its page: the council's reason in its place). */
    public Optional<ProposalPhoto> of(long proposalId) {
        return ProposalService.fresh(em.createQuery("SELECT f FROM ProposalPhoto f WHERE f.id = :p",
                ProposalPhoto.class).setParameter("p", proposalId)).getResultList().stream().findFirst();
    }

    /** The photo rows of these proposals (one query, for a page of a list), by proposal id. */
    public Map<Long, ProposalPhoto> of(List<Long> proposalIds) {
        Map<Long, ProposalPhoto> out = new HashMap<>();
        if (!proposalIds.isEmpty()) {
            ProposalService.fresh(em.createQuery("SELECT f FROM ProposalPhoto f WHERE f.id IN :ids",
                    ProposalPhoto.class).setParameter("ids", proposalIds)).getResultList()
                    .forEach(f -> out.put(f.getId(), f));
        }
        return out;
    }

    /** What is served at a photo's address: its kind, bytes and SHA-256 (the thumbnail's ETag derives from it). */
    public record Served(String mediaType, byte[] bytes, String sha256) {
    }

    /**
     * The photo (or its thumbnail) of a proposal of this cycle as the public may see it: empty when there is none,
     * the photo or the proposal is hidden, or the cycle is not published.
     */
    public Optional<Served> served(long cycleId, long proposalId, boolean thumbnail) {
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null || p.getCycleId() != cycleId || p.isHidden()
                || !cycles.castingRules(cycleId).map(Cycles.CastingRules::published).orElse(false)) {
            return Optional.empty();
        }
        Optional<ProposalPhoto> photo = of(proposalId).filter(f -> !f.isHidden());
        if (photo.isEmpty()) {
            return Optional.empty();
        }
        ProposalPhotoContent content = em.find(ProposalPhotoContent.class, proposalId);
        if (content == null) {
            return Optional.empty();
        }
        ProposalPhoto f = photo.get();
        return Optional.of(thumbnail ? new Served(f.getMediaType(), content.thumbnail(), f.getSha256() + "-t")
                : new Served(f.getMediaType(), content.image(), f.getSha256()));
    }
}
