package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A secret ballot: the ranking and a receipt code, the day (not the time) it was cast, and no voter identity.
 * Who voted is in the separate {@link VoterRegistration}.
 */
@Entity
@Table(name = "ballot")
public class Ballot {

    public enum Channel { JURY, RESIDENTS }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ballot_seq")
    @SequenceGenerator(name = "ballot_seq", sequenceName = "ballot_seq", allocationSize = 50)
    private Long id;
    @Column(name = "cycle_id", nullable = false)
    private Long cycleId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;
    @Column(nullable = false, unique = true)
    private String receipt;
    /** Option codes, most preferred first, comma-separated. */
    @Column(nullable = false)
    private String ranking;
    @Column(name = "cast_on", nullable = false)
    private LocalDate castOn;

    protected Ballot() {
    }

    Ballot(Long cycleId, Channel channel, String receipt, List<String> ranking, LocalDate castOn) {
        this.cycleId = cycleId;
        this.channel = channel;
        this.receipt = receipt;
        this.ranking = String.join(",", ranking);
        this.castOn = castOn;
    }

    public List<String> ranking() {
        return ranking.isEmpty() ? List.of() : Arrays.asList(ranking.split(","));
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Channel getChannel() { return channel; }
    public String getReceipt() { return receipt; }
    public String getRanking() { return ranking; }
    public LocalDate getCastOn() { return castOn; }
}
