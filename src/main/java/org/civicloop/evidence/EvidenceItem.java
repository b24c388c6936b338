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

/**
 * One item of a cycle's evidence pack: its identity, and a mirror of its latest draft version (title, summary,
 * perspective, source, kind). The content itself lives in immutable {@link EvidenceVersion}s; what jurors read
 * is the version in the latest published {@link EvidencePack}.
 */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {

    public enum Perspective { FOR, AGAINST, NEUTRAL, LIVED_EXPERIENCE }

    /** What sort of evidence it is. */
    public enum Kind { BRIEFING, DATA_TABLE, EXPERT_WITNESS, LIVED_EXPERIENCE_WITNESS, COSTED_OPTION, COUNTER_ARGUMENT }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_item_seq")
    @SequenceGenerator(name = "evidence_item_seq", sequenceName = "evidence_item_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String summary;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Perspective perspective;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    private String source;
    /** True once a version of it has been published in a pack. */
    private boolean published;
    private boolean withdrawn;
    @Column(name = "latest_version", nullable = false)
    private int latestVersion;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected EvidenceItem() {
    }

    EvidenceItem(Long cycleId, EvidenceContent first, Instant createdAt, String createdBy) {
        this.cycleId = cycleId;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        mirror(first, createdAt);
    }

    /** Takes the latest draft's headline fields and moves the version counter on. */
    int nextVersion(EvidenceContent content, Instant at) {
        mirror(content, at);
        return ++latestVersion;
    }

    private void mirror(EvidenceContent c, Instant at) {
        this.title = c.title();
        this.summary = c.summary();
        this.perspective = c.perspective();
        this.kind = c.kind();
        this.source = c.source();
        this.updatedAt = at;
    }

    void markPublished() {
        this.published = true;
    }

    void withdraw(Instant at) {
        this.withdrawn = true;
        this.updatedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public Perspective getPerspective() { return perspective; }
    public Kind getKind() { return kind; }
    public String getSource() { return source; }
    public boolean isPublished() { return published; }
    public boolean isWithdrawn() { return withdrawn; }
    public int getLatestVersion() { return latestVersion; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getUpdatedAt() { return updatedAt; }
}
