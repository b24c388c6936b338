package org.civicloop.eligibility;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A cycle's electorate: the minimum age, the districts, and which verification methods count. */
@Entity
@Table(name = "eligibility_electorate")
public class Electorate {

    /** The cycle's id. */
    @Id
    private Long id;
    @Column(name = "min_age", nullable = false)
    private int minAge;
    /** One a line. */
    @Column(nullable = false)
    private String districts;
    @Column(name = "by_census", nullable = false)
    private boolean byCensus;
    @Column(name = "by_code", nullable = false)
    private boolean byCode;
    @Column(name = "in_person", nullable = false)
    private boolean inPerson;
    @Column(name = "changed_by", nullable = false)
    private String changedBy;
    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected Electorate() {
    }

    Electorate(long cycleId) {
        this.id = cycleId;
    }

    void define(int minAge, List<String> districts, boolean byCensus, boolean byCode, boolean inPerson, String by,
                Instant at) {
        this.minAge = minAge;
        this.districts = String.join("\n", districts);
        this.byCensus = byCensus;
        this.byCode = byCode;
        this.inPerson = inPerson;
        this.changedBy = by;
        this.changedAt = at;
    }

    public Long getCycleId() { return id; }
    public int getMinAge() { return minAge; }
    public List<String> getDistricts() {
        return districts == null || districts.isEmpty() ? List.of() : Arrays.asList(districts.split("\n"));
    }
    public boolean isByCensus() { return byCensus; }
    public boolean isByCode() { return byCode; }
    public boolean isInPerson() { return inPerson; }
    public Instant getChangedAt() { return changedAt; }
}
