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

/** Something the cycle could decide: OPEN (up for grabs) or FIXED, with the reason it is not open. */
@Entity
@Table(name = "decision_item")
public class DecisionItem {

    public enum Status { OPEN, FIXED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mandate_part_seq")
    @SequenceGenerator(name = "mandate_part_seq", sequenceName = "mandate_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    private String reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "ladder_level")
    private LadderLevel ladderLevel;

    protected DecisionItem() {
    }

    DecisionItem(Long cycleId, String title, Status status, String reason, LadderLevel ladderLevel) {
        this.cycleId = cycleId;
        this.title = title;
        this.status = status;
        this.reason = reason;
        this.ladderLevel = ladderLevel;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getTitle() { return title; }
    public Status getStatus() { return status; }
    public String getReason() { return reason; }
    public LadderLevel getLadderLevel() { return ladderLevel; }
    public boolean isOpen() { return status == Status.OPEN; }
}
