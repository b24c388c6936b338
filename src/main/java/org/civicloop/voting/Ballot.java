package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

    /** How the ballot reached the box: cast online, or keyed from paper (counted together, reported apart). */
    public enum Source { ONLINE, PAPER }

    /** A random id: ids in casting order could be matched against the order in which people voted. */
    @Id
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
    private boolean flagged;
    private boolean superseded;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source = Source.ONLINE;
    /** The district budget a residents' ballot was cast in; null: the city-wide budget (and every jury ballot). */
    @Column(name = "budget_id")
    private Long budgetId;
    /** Random: the row's digest in the public audit log cannot be recomputed from the published receipt and ranking. */
    private String salt;
    /** Not stored: the public reason when an officer excluded this ballot from the count (set for the exports). */
    @Transient
    private String excludedReason;

    protected Ballot() {
    }

    Ballot(Long cycleId, Channel channel, String receipt, List<String> ranking, LocalDate castOn) {
        this(cycleId, null, channel, receipt, ranking, castOn);
    }

    Ballot(Long cycleId, Long budgetId, Channel channel, String receipt, List<String> ranking, LocalDate castOn) {
        this.id = VotingService.randomId();
        this.budgetId = budgetId;
        this.cycleId = cycleId;
        this.channel = channel;
        this.receipt = receipt;
        this.ranking = String.join(",", ranking);
        this.castOn = castOn;
        this.salt = VotingService.salt();
    }

    static Ballot fromPaper(Long cycleId, Long budgetId, String receipt, List<String> ranking, LocalDate collectedOn) {
        Ballot b = new Ballot(cycleId, budgetId, Channel.RESIDENTS, receipt, ranking, collectedOn);
        b.source = Source.PAPER;
        return b;
    }

    void flag() {
        this.flagged = true;
    }

    void supersede() {
        this.superseded = true;
    }

    public boolean isFlagged() { return flagged; }
    public String getExcludedReason() { return excludedReason; }
    void markExcluded(String reason) { this.excludedReason = reason; }
    public boolean isSuperseded() { return superseded; }

    public List<String> ranking() {
        return ranking.isEmpty() ? List.of() : Arrays.asList(ranking.split(","));
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public Long getBudgetId() { return budgetId; }
    public Channel getChannel() { return channel; }
    public String getReceipt() { return receipt; }
    public String getRanking() { return ranking; }
    public LocalDate getCastOn() { return castOn; }
    public Source getSource() { return source; }
    public String getSalt() { return salt; }
}
