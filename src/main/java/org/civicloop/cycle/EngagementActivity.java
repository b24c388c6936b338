package org.civicloop.cycle;

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

/** An entry of the council's engagement register: every engagement activity, its purpose and ladder level. */
@Entity
@Table(name = "engagement_activity")
public class EngagementActivity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(nullable = false)
    private String council;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String purpose;
    @Enumerated(EnumType.STRING)
    @Column(name = "ladder_level", nullable = false)
    private LadderLevel ladderLevel;
    @Column(name = "starts_on")
    private LocalDate startsOn;
    @Column(name = "ends_on")
    private LocalDate endsOn;
    @Column(name = "cycle_id")
    private Long cycleId;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected EngagementActivity() {
    }

    EngagementActivity(String council, String title, String purpose, LadderLevel ladderLevel, LocalDate startsOn,
                       LocalDate endsOn, Long cycleId, String createdBy, Instant createdAt) {
        this.council = council;
        this.title = title;
        this.purpose = purpose;
        this.ladderLevel = ladderLevel;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.cycleId = cycleId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getCouncil() { return council; }
    public String getTitle() { return title; }
    public String getPurpose() { return purpose; }
    public LadderLevel getLadderLevel() { return ladderLevel; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public Long getCycleId() { return cycleId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
