package org.civicloop.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A cycle's proposals step: whether residents' proposals are accepted now, and the districts they may name. */
@Entity
@Table(name = "proposal_setting")
public class ProposalSetting {

    /** The cycle's id. */
    @Id
    private Long id;
    private boolean accepting;
    /** The districts, one a line. */
    @Column(nullable = false)
    private String districts;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ProposalSetting() {
    }

    ProposalSetting(long cycleId) {
        this.id = cycleId;
    }

    void set(boolean accepting, List<String> districts, String by, Instant at) {
        this.accepting = accepting;
        this.districts = String.join("\n", districts);
        this.changedBy = by;
        this.changedAt = at;
    }

    public Long getCycleId() { return id; }
    public boolean isAccepting() { return accepting; }
    public List<String> getDistricts() {
        return districts == null || districts.isEmpty() ? List.of() : Arrays.asList(districts.split("\n"));
    }
    public Instant getChangedAt() { return changedAt; }
}
