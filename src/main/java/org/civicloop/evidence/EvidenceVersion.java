package org.civicloop.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicloop.cycle.ValueCell;

/**
 * One version of an evidence item, written once and never changed (no column is updatable): every edit makes a
 * new one. It carries the SHA-256 of its canonical content ({@link EvidenceContent}).
 */
@Entity
@Table(name = "evidence_item_version")
public class EvidenceVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_version_seq")
    @SequenceGenerator(name = "evidence_version_seq", sequenceName = "evidence_version_seq", allocationSize = 50)
    private Long id;
    @Column(name = "item_id", nullable = false, updatable = false)
    private Long itemId;
    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;
    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNo;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EvidenceItem.Kind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EvidenceItem.Perspective perspective;
    @Column(nullable = false, updatable = false)
    private String title;
    @Column(nullable = false, updatable = false)
    private String summary;
    @Column(nullable = false, updatable = false)
    private String source;
    @Column(name = "author_name", nullable = false, updatable = false)
    private String author;
    @Column(name = "item_date", nullable = false, updatable = false)
    private LocalDate itemDate;
    @Column(name = "option_codes", updatable = false)
    private String optionCodes;
    @Column(name = "value_cells", updatable = false)
    private String valueCells;
    @Column(name = "sv_economic", updatable = false)
    private Integer svEconomic;
    @Column(name = "sv_economic_why", updatable = false)
    private String svEconomicWhy;
    @Column(name = "sv_social", updatable = false)
    private Integer svSocial;
    @Column(name = "sv_social_why", updatable = false)
    private String svSocialWhy;
    @Column(name = "sv_environmental", updatable = false)
    private Integer svEnvironmental;
    @Column(name = "sv_environmental_why", updatable = false)
    private String svEnvironmentalWhy;
    @Column(name = "attachment_id", updatable = false)
    private Long attachmentId;
    @Column(name = "change_note", updatable = false)
    private String changeNote;
    @Column(name = "search_text", nullable = false, updatable = false)
    private String searchText;
    @Column(name = "content_hash", nullable = false, updatable = false)
    private String contentHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    protected EvidenceVersion() {
    }

    EvidenceVersion(EvidenceItem item, int versionNo, EvidenceContent c, Long attachmentId, String changeNote,
                    Instant at, String by) {
        this.itemId = item.getId();
        this.cycleId = item.getCycleId();
        this.versionNo = versionNo;
        this.kind = c.kind();
        this.perspective = c.perspective();
        this.title = c.title();
        this.summary = c.summary();
        this.source = c.source();
        this.author = c.author();
        this.itemDate = c.date();
        this.optionCodes = c.options().isEmpty() ? null : String.join(",", c.options());
        this.valueCells = c.valueCells().isEmpty() ? null
                : c.valueCells().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        SocialValue sv = c.socialValue() == null ? SocialValue.NONE : c.socialValue();
        this.svEconomic = sv.economic();
        this.svEconomicWhy = sv.economicWhy();
        this.svSocial = sv.social();
        this.svSocialWhy = sv.socialWhy();
        this.svEnvironmental = sv.environmental();
        this.svEnvironmentalWhy = sv.environmentalWhy();
        this.attachmentId = attachmentId;
        this.changeNote = changeNote;
        this.searchText = c.searchText();
        this.contentHash = c.hash();
        this.createdAt = at;
        this.createdBy = by;
    }

    /** The content as hashed (the attachment by its SHA-256, given by the caller who can look it up). */
    public EvidenceContent content(String attachmentSha256) {
        return new EvidenceContent(kind, perspective, title, summary, source, author, itemDate, getOptionList(),
                Set.copyOf(getValueCellList()), getSocialValue(), attachmentSha256);
    }

    public List<String> getOptionList() {
        return optionCodes == null ? List.of() : Arrays.asList(optionCodes.split(","));
    }

    public List<ValueCell> getValueCellList() {
        return valueCells == null ? List.of() : Arrays.stream(valueCells.split(",")).map(ValueCell::valueOf).toList();
    }

    public SocialValue getSocialValue() {
        SocialValue sv = new SocialValue(svEconomic, svEconomicWhy, svSocial, svSocialWhy, svEnvironmental,
                svEnvironmentalWhy);
        return sv.isEmpty() ? null : sv;
    }

    public Long getId() { return id; }
    public Long getItemId() { return itemId; }
    public Long getCycleId() { return cycleId; }
    public int getVersionNo() { return versionNo; }
    public EvidenceItem.Kind getKind() { return kind; }
    public EvidenceItem.Perspective getPerspective() { return perspective; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getSource() { return source; }
    public String getAuthor() { return author; }
    public LocalDate getItemDate() { return itemDate; }
    public Long getAttachmentId() { return attachmentId; }
    public String getChangeNote() { return changeNote; }
    public String getContentHash() { return contentHash; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
