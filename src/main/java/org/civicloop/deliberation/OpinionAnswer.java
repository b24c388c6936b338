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

/**
 * One answer to one item (a statement: 1..5 agree; an option: its rank position, 1 = first) at one stage, by a
 * pseudonymous participant of one panel (the jury, or residents online; the two are never mixed).
 */
@Entity
@Table(name = "opinion_answer")
public class OpinionAnswer {

    public enum Panel { JURY, RESIDENTS }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deliberation_seq")
    @SequenceGenerator(name = "deliberation_seq", sequenceName = "deliberation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Panel panel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SessionRound.Stage stage;
    @Column(nullable = false)
    private String pseudonym;
    @Column(name = "item_key", nullable = false)
    private String itemKey;
    @Column(nullable = false)
    private int score;
    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected OpinionAnswer() {
    }

    OpinionAnswer(Long cycleId, Panel panel, SessionRound.Stage stage, String pseudonym, String itemKey, int score,
                  Instant answeredAt) {
        this.cycleId = cycleId;
        this.panel = panel;
        this.stage = stage;
        this.pseudonym = pseudonym;
        this.itemKey = itemKey;
        this.score = score;
        this.answeredAt = answeredAt;
    }

    void change(int newScore, Instant at) {
        this.score = newScore;
        this.answeredAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Panel getPanel() { return panel; }
    public SessionRound.Stage getStage() { return stage; }
    public String getPseudonym() { return pseudonym; }
    public String getItemKey() { return itemKey; }
    public int getScore() { return score; }
}
