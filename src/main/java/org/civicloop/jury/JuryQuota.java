package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** How many jurors with one value of one feature (e.g. age 16-24) the jury must have: at least min, at most max. */
@Entity
@Table(name = "jury_quota")
public class JuryQuota {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_part_seq")
    @SequenceGenerator(name = "jury_part_seq", sequenceName = "jury_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(nullable = false)
    private String feature;
    @Column(name = "feature_value", nullable = false)
    private String featureValue;
    @Column(name = "min_count", nullable = false)
    private int minCount;
    @Column(name = "max_count", nullable = false)
    private int maxCount;

    protected JuryQuota() {
    }

    JuryQuota(Long cycleId, String feature, String featureValue, int minCount, int maxCount) {
        this.cycleId = cycleId;
        this.feature = feature;
        this.featureValue = featureValue;
        this.minCount = minCount;
        this.maxCount = maxCount;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getFeature() { return feature; }
    public String getFeatureValue() { return featureValue; }
    public int getMinCount() { return minCount; }
    public int getMaxCount() { return maxCount; }
}
