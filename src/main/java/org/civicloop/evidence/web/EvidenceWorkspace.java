package org.civicloop.evidence.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.ValueCell;
import org.civicloop.evidence.EvidenceAttachment;
import org.civicloop.evidence.EvidenceAuthoring;
import org.civicloop.evidence.EvidenceDraft;
import org.civicloop.evidence.EvidenceItem;
import org.civicloop.evidence.EvidencePack;
import org.civicloop.evidence.EvidenceReview;
import org.civicloop.evidence.EvidenceService;
import org.civicloop.evidence.EvidenceVersion;
import org.civicloop.evidence.EvidenceViews;
import org.civicloop.evidence.SocialValue;
import org.civicloop.identity.CurrentUser;
import org.civicloop.kernel.Result;
import org.civicloop.platform.web.Ui;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * The officer's evidence workspace: write and edit items (each save is a new version), attach files, submit the
 * pack for balance review, and, as a second officer, publish it or reject it with reasons.
 */
@Named
@ViewScoped
public class EvidenceWorkspace implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    EvidenceService evidence;

    @Inject

    EvidenceAuthoring authoring;

    @Inject

    EvidenceReview review;
    @Inject
    Cycles cycles;
    @Inject
    VotingService voting;
    @Inject
    CurrentUser currentUser;

    private Long id;
    private transient CycleView cycle;

    // the item form (editing == null: a new item)
    private Long editing;
    private EvidenceItem.Kind kind = EvidenceItem.Kind.BRIEFING;
    private EvidenceItem.Perspective perspective = EvidenceItem.Perspective.NEUTRAL;
    private String title;
    private String summary;
    private String source;
    private String author;
    private LocalDate date;
    private String[] options = new String[0];
    private ValueCell[] cells = new ValueCell[0];
    private Integer economic;
    private String economicWhy;
    private Integer social;
    private String socialWhy;
    private Integer environmental;
    private String environmentalWhy;
    private Long attachmentId;
    private boolean removeAttachment;
    private String changeNote;
    private transient Part upload;

    private String submitNote;
    private String reviewNote;
    private String rejectReason;

    public void load() throws IOException {
        cycle = id == null ? null : cycles.find(id).orElse(null);
        if (cycle == null) {
            Ui.sendError(404, Ui.text("error.cycleNotFound"));
        }
        if (date == null) {
            date = LocalDate.now(ZoneOffset.UTC);
        }
    }

    public CycleView getCycle() {
        if (cycle == null && id != null) {
            cycle = cycles.find(id).orElse(null);
        }
        return cycle;
    }

    /** Saves the form: a new item, or a new version of the item being edited. */
    public String save() throws IOException {
        Long attachment = removeAttachment ? null : attachmentId;
        if (upload != null && upload.getSize() > 0) {
            byte[] bytes;
            try (InputStream in = upload.getInputStream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, authoring.maxAttachmentBytes() + 1));
            }
            Result<EvidenceAttachment> stored = authoring.attach(currentUser.actor(), id,
                    upload.getSubmittedFileName(), upload.getContentType(), bytes);
            if (!Ui.report(stored, null)) {
                return null;
            }
            attachment = stored.value().getId();
        }
        EvidenceDraft draft = new EvidenceDraft(kind, perspective, title, summary, source, author, date,
                Arrays.asList(options), Set.of(cells), new SocialValue(economic, economicWhy, social, socialWhy,
                environmental, environmentalWhy), attachment, changeNote);
        Result<EvidenceVersion> saved = editing == null ? authoring.addItem(currentUser.actor(), id, draft)
                : authoring.editItem(currentUser.actor(), editing, draft);
        if (!Ui.report(saved, "evidence.saved", saved.isDone() ? saved.value().getVersionNo() : 0)) {
            if (attachment != null) {
                attachmentId = attachment;
            }
            return null;
        }
        return Ui.redirect("/officer/evidence?faces-redirect=true&id=" + id);
    }

    /** Fills the form with the item's latest version, to edit it. */
    public void edit(long itemId) {
        Optional<EvidenceVersion> latest = evidence.latestVersion(itemId);
        if (latest.isEmpty()) {
            return;
        }
        EvidenceVersion v = latest.get();
        editing = itemId;
        kind = v.getKind();
        perspective = v.getPerspective();
        title = v.getTitle();
        summary = v.getSummary();
        source = v.getSource();
        author = v.getAuthor();
        date = v.getItemDate();
        options = v.getOptionList().toArray(String[]::new);
        cells = v.getValueCellList().toArray(ValueCell[]::new);
        SocialValue sv = v.getSocialValue() == null ? SocialValue.NONE : v.getSocialValue();
        economic = sv.economic();
        economicWhy = sv.economicWhy();
        social = sv.social();
        socialWhy = sv.socialWhy();
        environmental = sv.environmental();
        environmentalWhy = sv.environmentalWhy();
        attachmentId = v.getAttachmentId();
        removeAttachment = false;
        changeNote = null;
    }

    public String cancel() {
        return "/officer/evidence?faces-redirect=true&id=" + id;
    }

    public String withdraw(long itemId) {
        if (Ui.report(authoring.withdrawItem(currentUser.actor(), itemId), "evidence.withdrawnMsg")) {
            return Ui.redirect("/officer/evidence?faces-redirect=true&id=" + id);
        }
        return null;
    }

    public String submit() {
        if (Ui.report(review.submitForReview(currentUser.actor(), id, submitNote), "evidence.submitted")) {
            return Ui.redirect("/officer/evidence?faces-redirect=true&id=" + id);
        }
        return null;
    }

    public String approve() {
        if (Ui.report(review.approve(currentUser.actor(), id, reviewNote), "evidence.approved")) {
            return Ui.redirect("/officer/evidence?faces-redirect=true&id=" + id);
        }
        return null;
    }

    public String reject() {
        if (Ui.report(review.reject(currentUser.actor(), id, rejectReason), "evidence.rejectedMsg")) {
            return Ui.redirect("/officer/evidence?faces-redirect=true&id=" + id);
        }
        return null;
    }

    // ----------------------------------------------------------------------------------------------- for the page

    public List<EvidenceItem> getItems() {
        return evidence.items(id);
    }

    /** The drafts as they would be submitted now. */
    public List<EvidenceViews.PublishedItem> getDraftView() {
        return evidence.view(evidence.latestVersions(id));
    }

    public EvidenceViews.Balance getDraftBalance() {
        return review.balance(id, getDraftView());
    }

    public EvidencePack getInReview() {
        return evidence.packInReview(id).orElse(null);
    }

    public List<EvidenceViews.PublishedItem> getInReviewItems() {
        EvidencePack p = getInReview();
        return p == null ? List.of() : evidence.view(evidence.versionsOf(p));
    }

    public EvidenceViews.Balance getInReviewBalance() {
        return review.balance(id, getInReviewItems());
    }

    public EvidencePack getLastRejected() {
        List<EvidencePack> all = evidence.packs(id);
        return all.isEmpty() || !all.get(0).isRejected() ? null : all.get(0);
    }

    public List<EvidencePack> getPacks() {
        return evidence.packs(id);
    }

    public List<CostedOption> getBudgetOptions() {
        return voting.options(id);
    }

    public EvidenceItem.Kind[] getKinds() { return EvidenceItem.Kind.values(); }
    public EvidenceItem.Perspective[] getPerspectives() { return EvidenceItem.Perspective.values(); }
    public ValueCell[] getCellValues() { return ValueCell.values(); }
    public Integer[] getScores() { return new Integer[]{-2, -1, 0, 1, 2}; }
    public boolean isCanAuthor() {
        return !getCycle().phase().isAfter(Phase.DELIBERATE) && getInReview() == null;
    }
    public String getAttachmentName() {
        return attachmentId == null ? null : evidence.attachmentInfo(attachmentId)
                .map(EvidenceViews.AttachmentInfo::fileName).orElse(null);
    }
    public long getMaxMegabytes() { return authoring.maxAttachmentBytes() / (1024 * 1024); }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getEditing() { return editing; }
    public EvidenceItem.Kind getKind() { return kind; }
    public void setKind(EvidenceItem.Kind kind) { this.kind = kind; }
    public EvidenceItem.Perspective getPerspective() { return perspective; }
    public void setPerspective(EvidenceItem.Perspective perspective) { this.perspective = perspective; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getSource() { return source; }
    public void setSource(String source) { this.source = source; }
    public String getAuthor() { return author; }
    public void setAuthor(String author) { this.author = author; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String[] getOptions() { return options; }
    public void setOptions(String[] options) { this.options = options == null ? new String[0] : options; }
    public ValueCell[] getCells() { return cells; }
    public void setCells(ValueCell[] cells) { this.cells = cells == null ? new ValueCell[0] : cells; }
    public Integer getEconomic() { return economic; }
    public void setEconomic(Integer economic) { this.economic = economic; }
    public String getEconomicWhy() { return economicWhy; }
    public void setEconomicWhy(String economicWhy) { this.economicWhy = economicWhy; }
    public Integer getSocial() { return social; }
    public void setSocial(Integer social) { this.social = social; }
    public String getSocialWhy() { return socialWhy; }
    public void setSocialWhy(String socialWhy) { this.socialWhy = socialWhy; }
    public Integer getEnvironmental() { return environmental; }
    public void setEnvironmental(Integer environmental) { this.environmental = environmental; }
    public String getEnvironmentalWhy() { return environmentalWhy; }
    public void setEnvironmentalWhy(String environmentalWhy) { this.environmentalWhy = environmentalWhy; }
    public boolean isRemoveAttachment() { return removeAttachment; }
    public void setRemoveAttachment(boolean removeAttachment) { this.removeAttachment = removeAttachment; }
    public String getChangeNote() { return changeNote; }
    public void setChangeNote(String changeNote) { this.changeNote = changeNote; }
    public Part getUpload() { return upload; }
    public void setUpload(Part upload) { this.upload = upload; }
    public String getSubmitNote() { return submitNote; }
    public void setSubmitNote(String submitNote) { this.submitNote = submitNote; }
    public String getReviewNote() { return reviewNote; }
    public void setReviewNote(String reviewNote) { this.reviewNote = reviewNote; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
}
