package org.civicloop.cycle;

import java.time.Instant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A statutory or good-practice step (e.g. the Statement of Community Involvement), ticked with evidence. */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String label;
    private boolean done;
    @Column(name = "evidence_url")
    private String evidenceUrl;
    @Column(name = "ticked_by")
    private String tickedBy;
    @Column(name = "ticked_at")
    private Instant tickedAt;

    protected ChecklistItem() {
    }

    ChecklistItem(Long cycleId, String label) {
        this.cycleId = cycleId;
        this.label = label;
    }

    void tick(String evidence, String by, Instant at) {
        this.done = true;
        this.evidenceUrl = evidence;
        this.tickedBy = by;
        this.tickedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getLabel() { return label; }
    public boolean isDone() { return done; }
    public String getEvidenceUrl() { return evidenceUrl; }
    public String getTickedBy() { return tickedBy; }
    public Instant getTickedAt() { return tickedAt; }
}
