package org.civicloop.deliberation;

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

/** What the facilitator records during a round: a note, an agreement or a minority position. */
@Entity
@Table(name = "deliberation_note")
public class DeliberationNote {

    public enum Kind { NOTE, AGREEMENT, MINORITY_POSITION }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_note_seq")
    @SequenceGenerator(name = "deliberation_note_seq", sequenceName = "deliberation_note_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "round_title", nullable = false)
    private String roundTitle;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;
    @Column(nullable = false)
    private String body;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "round_id")
    private Long roundId;
    private Integer holders;

    protected DeliberationNote() {
    }

    DeliberationNote(Long cycleId, String roundTitle, Kind kind, String body, Instant createdAt, String createdBy) {
        this.cycleId = cycleId;
        this.roundTitle = roundTitle;
        this.kind = kind;
        this.body = body;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** A note against a session round; for a minority position, how many jurors hold it. */
    DeliberationNote(Long cycleId, SessionRound round, Kind kind, String body, Integer holders, Instant createdAt,
                     String createdBy) {
        this(cycleId, round.getTitle(), kind, body, createdAt, createdBy);
        this.roundId = round.getId();
        this.holders = holders;
    }

    public Long getRoundId() { return roundId; }
    public Integer getHolders() { return holders; }
    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getRoundTitle() { return roundTitle; }
    public Kind getKind() { return kind; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
}
