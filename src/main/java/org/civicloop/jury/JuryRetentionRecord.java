package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a closed cycle's jury personal data was deleted, with the usual-suspects figures frozen at that moment. */
@Entity
@Table(name = "jury_retention")
public class JuryRetentionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_part_seq")
    @SequenceGenerator(name = "jury_part_seq", sequenceName = "jury_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "purged_at", nullable = false)
    private Instant purgedAt;
    @Column(name = "pool_count", nullable = false)
    private long poolCount;
    @Column(name = "pool_repeat", nullable = false)
    private long poolRepeat;
    @Column(name = "jury_count", nullable = false)
    private long juryCount;
    @Column(name = "jury_repeat", nullable = false)
    private long juryRepeat;

    protected JuryRetentionRecord() {
    }

    JuryRetentionRecord(Long cycleId, Instant purgedAt, JuryService.RepeatParticipants frozen) {
        this.cycleId = cycleId;
        this.purgedAt = purgedAt;
        this.poolCount = frozen.pool();
        this.poolRepeat = frozen.poolRepeat();
        this.juryCount = frozen.jury();
        this.juryRepeat = frozen.juryRepeat();
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Instant getPurgedAt() { return purgedAt; }

    JuryService.RepeatParticipants frozen() {
        return new JuryService.RepeatParticipants(poolCount, poolRepeat, juryCount, juryRepeat);
    }
}
