package org.civicloop.feedback;

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

/** What the jury recommends, and the council's response to it. */
@Entity
@Table(name = "recommendation")
public class Recommendation {

    public enum Response { ADOPTED, MODIFIED, REJECTED, DEFERRED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recommendation_seq")
    @SequenceGenerator(name = "recommendation_seq", sequenceName = "recommendation_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Column(name = "rank_position", nullable = false)
    private int rankPosition;
    @Column(name = "option_id")
    private Long optionId;
    @Column(nullable = false)
    private String title;
    private String support;
    @Enumerated(EnumType.STRING)
    private Response response;
    private String rationale;
    @Column(name = "responded_by")
    private String respondedBy;
    @Column(name = "responded_at")
    private Instant respondedAt;

    protected Recommendation() {
    }

    Recommendation(Long cycleId, int rankPosition, Long optionId, String title, String support) {
        this.cycleId = cycleId;
        this.rankPosition = rankPosition;
        this.optionId = optionId;
        this.title = title;
        this.support = support;
    }

    void respond(Response response, String rationale, String by, Instant at) {
        this.response = response;
        this.rationale = rationale;
        this.respondedBy = by;
        this.respondedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public int getRankPosition() { return rankPosition; }
    public Long getOptionId() { return optionId; }
    public String getTitle() { return title; }
    public String getSupport() { return support; }
    public Response getResponse() { return response; }
    public String getRationale() { return rationale; }
    public String getRespondedBy() { return respondedBy; }
    public Instant getRespondedAt() { return respondedAt; }
    public boolean isAnswered() { return response != null; }
}
