package org.civicloop.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A reader has marked an item as read (one row per reader and item; only counts are shown to facilitators). */
@Entity
@Table(name = "evidence_reading")
public class EvidenceReading {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_reading_seq")
    @SequenceGenerator(name = "evidence_reading_seq", sequenceName = "evidence_reading_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "item_id", nullable = false)
    private Long itemId;
    @Column(nullable = false)
    private String reader;
    @Column(name = "read_at", nullable = false)
    private Instant readAt;

    protected EvidenceReading() {
    }

    EvidenceReading(Long cycleId, Long itemId, String reader, Instant at) {
        this.cycleId = cycleId;
        this.itemId = itemId;
        this.reader = reader;
        this.readAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getItemId() { return itemId; }
    public String getReader() { return reader; }
    public Instant getReadAt() { return readAt; }
}
