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

/** One item of a cycle's evidence pack (the evidence issue adds versions, balance review and questions). */
@Entity
@Table(name = "evidence_item")
public class EvidenceItem {

    public enum Perspective { FOR, AGAINST, NEUTRAL, LIVED_EXPERIENCE }

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
    private String source;
    private boolean published;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected EvidenceItem() {
    }

    EvidenceItem(Long cycleId, String title, String summary, Perspective perspective, String source,
                 Instant createdAt, String createdBy) {
        this.cycleId = cycleId;
        this.title = title;
        this.summary = summary;
        this.perspective = perspective;
        this.source = source;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    void publish() {
        this.published = true;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public Perspective getPerspective() { return perspective; }
    public String getSource() { return source; }
    public boolean isPublished() { return published; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
