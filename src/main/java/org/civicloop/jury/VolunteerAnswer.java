package org.civicloop.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A volunteer's answer to one of the cycle's category questions (visible to officers only). */
@Entity
@Table(name = "volunteer_answer")
public class VolunteerAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "jury_part_seq")
    @SequenceGenerator(name = "jury_part_seq", sequenceName = "jury_part_seq", allocationSize = 50)
    private Long id;
    @Column(name = "volunteer_id", nullable = false)
    private Long volunteerId;
    @Column(nullable = false)
    private String feature;
    @Column(name = "feature_value", nullable = false)
    private String featureValue;

    protected VolunteerAnswer() {
    }

    VolunteerAnswer(Long volunteerId, String feature, String featureValue) {
        this.volunteerId = volunteerId;
        this.feature = feature;
        this.featureValue = featureValue;
    }

    public Long getId() { return id; }
    public Long getVolunteerId() { return volunteerId; }
    public String getFeature() { return feature; }
    public String getFeatureValue() { return featureValue; }
}
