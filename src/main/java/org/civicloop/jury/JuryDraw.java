package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The jury draw of a cycle: its method and size, the SHA-256 commitment to the seed published before the draw,
 * and, once drawn, the seed itself and the fairness the distribution achieved.
 */
@Entity
@Table(name = "jury_draw")
public class JuryDraw {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_part_seq")
    @SequenceGenerator(name = "jury_part_seq", sequenceName = "jury_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String method;
    @Column(name = "panel_size", nullable = false)
    private int panelSize;
    @Column(name = "seed_commitment", nullable = false)
    private String seedCommitment;
    @Column(nullable = false)
    private String seed;
    @Column(name = "committed_at", nullable = false)
    private Instant committedAt;
    @Column(name = "committed_by", nullable = false)
    private String committedBy;
    @Column(name = "drawn_at")
    private Instant drawnAt;
    @Column(name = "min_probability")
    private String minProbability;
    @Column(name = "mean_probability")
    private String meanProbability;
    /** The tolerance a leximin draw was computed to; null for the exact leximin (or another method). */
    @Column(name = "tolerance")
    private String tolerance;

    protected JuryDraw() {
    }

    JuryDraw(Long cycleId, String method, int panelSize, String seedCommitment, String seed, Instant committedAt,
             String committedBy) {
        this.cycleId = cycleId;
        this.method = method;
        this.panelSize = panelSize;
        this.seedCommitment = seedCommitment;
        this.seed = seed;
        this.committedAt = committedAt;
        this.committedBy = committedBy;
    }

    void drawn(Instant at, String minProbability, String meanProbability, String tolerance) {
        this.drawnAt = at;
        this.tolerance = tolerance;
        this.minProbability = minProbability;
        this.meanProbability = meanProbability;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getMethod() { return method; }
    public int getPanelSize() { return panelSize; }
    public String getSeedCommitment() { return seedCommitment; }
    /** The seed, published only once the jury is drawn. */
    public String getPublishedSeed() { return drawnAt == null ? null : seed; }
    String seed() { return seed; }
    public Instant getCommittedAt() { return committedAt; }
    public String getCommittedBy() { return committedBy; }
    public Instant getDrawnAt() { return drawnAt; }
    public String getMinProbability() { return minProbability; }
    public String getMeanProbability() { return meanProbability; }
    public String getTolerance() { return tolerance; }
    public boolean isDrawn() { return drawnAt != null; }
}
