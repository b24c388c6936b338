package org.civicloop.measure;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * A cycle's resident review panel, drawn by lot (uniformly, with a recorded seed) from the residents who volunteered
 * for the cycle; its members comment on the indicator readings each quarter.
 */
@Entity
@Table(name = "review_panel")
public class ReviewPanel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "review_panel_seq")
    @SequenceGenerator(name = "review_panel_seq", sequenceName = "review_panel_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String seed;
    @Column(name = "panel_size", nullable = false)
    private int panelSize;
    @Column(name = "pool_size", nullable = false)
    private int poolSize;
    @Column(name = "drawn_at", nullable = false)
    private Instant drawnAt;
    @Column(name = "drawn_by", nullable = false)
    private String drawnBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "review_panel_member", joinColumns = @JoinColumn(name = "panel_id"))
    @Column(name = "account_id")
    private Set<Long> members = new HashSet<>();

    protected ReviewPanel() {
    }

    ReviewPanel(long cycleId, String seed, int poolSize, Set<Long> members, Instant at, String by) {
        this.cycleId = cycleId;
        this.seed = seed;
        this.poolSize = poolSize;
        this.panelSize = members.size();
        this.members = new HashSet<>(members);
        this.drawnAt = at;
        this.drawnBy = by;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getSeed() { return seed; }
    public int getPanelSize() { return panelSize; }
    public int getPoolSize() { return poolSize; }
    public Instant getDrawnAt() { return drawnAt; }
    public String getDrawnBy() { return drawnBy; }
    public Set<Long> getMembers() { return Set.copyOf(members); }
}
