package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * The count of one budget's channel as stored when the vote closed: its parameters (rule, seats, budget, tie-break),
 * the ballots it counted (how many, online and on paper, how many an officer excluded, the box's Merkle root), the
 * winners, and the whole result: as the published JSON (English sentences beside their data) and as the engine's
 * result in a form that rebuilds it exactly ({@link StoredCountCodec}). Written once, never changed.
 */
@Entity
@Table(name = "stored_count")
public class StoredCount {

    @Id
    private Long id;
    @Column(name = "cycle_id", nullable = false, updatable = false)
    private Long cycleId;
    @Column(name = "budget_code", nullable = false, updatable = false)
    private String budgetCode;
    @Column(name = "budget_id", updatable = false)
    private Long budgetId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Ballot.Channel channel;
    /** The counting rule's name ({@code CountingRule} of the mandate or the district budget). */
    @Column(nullable = false, updatable = false)
    private String rule;
    @Column(updatable = false)
    private Integer seats;
    @Column(name = "budget_amount", nullable = false, updatable = false)
    private long budgetAmount;
    @Column(name = "tie_break", nullable = false, updatable = false)
    private String tieBreak;
    @Column(nullable = false, updatable = false)
    private int ballots;
    @Column(name = "online_ballots", nullable = false, updatable = false)
    private int onlineBallots;
    @Column(name = "paper_ballots", nullable = false, updatable = false)
    private int paperBallots;
    @Column(nullable = false, updatable = false)
    private int excluded;
    @Column(nullable = false, updatable = false)
    private String root;
    @Column(nullable = false, updatable = false)
    private String winners;
    @Column(name = "result_json", nullable = false, updatable = false)
    private String resultJson;
    @Column(name = "result_data", nullable = false, updatable = false)
    private String resultData;
    @Column(name = "result_digest", nullable = false, updatable = false)
    private String resultDigest;
    @Column(name = "stored_at", nullable = false, updatable = false)
    private Instant storedAt;

    protected StoredCount() {
    }

    StoredCount(Budget budget, Ballot.Channel channel, Integer seats, String tieBreak, int ballots, int online,
                int paper, int excluded, String root, List<String> winners, String resultJson, String resultData,
                String resultDigest, Instant at) {
        this.id = VotingService.randomId();
        this.cycleId = budget.cycleId();
        this.budgetCode = budget.code();
        this.budgetId = budget.id();
        this.channel = channel;
        this.rule = budget.rule().name();
        this.seats = seats;
        this.budgetAmount = budget.amount();
        this.tieBreak = tieBreak;
        this.ballots = ballots;
        this.onlineBallots = online;
        this.paperBallots = paper;
        this.excluded = excluded;
        this.root = root;
        this.winners = String.join(",", winners);
        this.resultJson = resultJson;
        this.resultData = resultData;
        this.resultDigest = resultDigest;
        this.storedAt = at;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public String getBudgetCode() { return budgetCode; }
    public Long getBudgetId() { return budgetId; }
    public Ballot.Channel getChannel() { return channel; }
    public String getRule() { return rule; }
    public Integer getSeats() { return seats; }
    public long getBudgetAmount() { return budgetAmount; }
    public String getTieBreak() { return tieBreak; }
    public int getBallots() { return ballots; }
    public int getOnlineBallots() { return onlineBallots; }
    public int getPaperBallots() { return paperBallots; }
    public int getExcluded() { return excluded; }
    public String getRoot() { return root; }
    public List<String> getWinners() { return winners.isEmpty() ? List.of() : List.of(winners.split(",")); }
    public String getResultJson() { return resultJson; }
    public String getResultData() { return resultData; }
    public String getResultDigest() { return resultDigest; }
    public Instant getStoredAt() { return storedAt; }
}
