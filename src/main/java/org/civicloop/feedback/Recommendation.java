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
import java.time.LocalDate;

/**
 * What the jury recommends (with its level of support, minority positions and the resident channel's result),
 * the council's response to it and, for items for political decision, an elected member's sign-off.
 */
@Entity
@Table(name = "recommendation")
public class Recommendation {

    public enum Response {
        ADOPTED, MODIFIED, REJECTED, DEFERRED;

        /** Adopted or modified: residents' view changed what the council does. */
        public boolean taken() {
            return this == ADOPTED || this == MODIFIED;
        }
    }

    /** Where a recommendation comes from. */
    public enum Source { COUNT, RESIDENTS, JURY }

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
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Source source = Source.COUNT;
    @Column(name = "option_code")
    private String optionCode;
    @Column(nullable = false)
    private String title;
    private String support;
    @Column(name = "jury_ballots")
    private int juryBallots;
    @Column(name = "first_choices")
    private int firstChoices;
    @Column(name = "ranked_by")
    private int rankedBy;
    @Column(name = "minority_positions")
    private String minorityPositions;
    @Column(name = "resident_ballots")
    private int residentBallots;
    @Column(name = "resident_funded")
    private boolean residentFunded;
    @Column(name = "resident_score")
    private String residentScore;
    @Column(name = "jury_score")
    private String juryScore;
    @Column(name = "budget_code")
    private String budgetCode;
    @Enumerated(EnumType.STRING)
    private Response response;
    private String rationale;
    @Column(name = "trade_off")
    private String tradeOff;
    @Column(name = "budget_line")
    private String budgetLine;
    @Column(name = "amount_committed")
    private Long amountCommitted;
    @Column(name = "who_loses")
    private String whoLoses;
    private String offered;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "responded_by")
    private String respondedBy;
    @Column(name = "responded_at")
    private Instant respondedAt;
    private boolean political;
    @Column(name = "signoff_member")
    private String signoffMember;
    @Column(name = "signoff_on")
    private LocalDate signoffOn;
    @Column(name = "signoff_recorded_by")
    private String signoffRecordedBy;
    @Column(name = "signoff_recorded_at")
    private Instant signoffRecordedAt;

    protected Recommendation() {
    }

    Recommendation(Long cycleId, int rankPosition, Source source, Long optionId, String optionCode, String title,
                   String support, Support figures) {
        this.cycleId = cycleId;
        this.source = source;
        this.rankPosition = rankPosition;
        this.optionId = optionId;
        this.optionCode = optionCode;
        this.title = title;
        this.support = support;
        this.juryBallots = figures.juryBallots();
        this.firstChoices = figures.firstChoices();
        this.rankedBy = figures.rankedBy();
        this.minorityPositions = figures.minorityPositions();
        this.residentBallots = figures.residentBallots();
        this.residentFunded = figures.residentFunded();
        this.residentScore = figures.residentScore();
        this.juryScore = figures.juryScore();
    }

    /** A recommendation from a district budget's count: {@code budgetCode} names the budget (null: city-wide). */
    Recommendation(Long cycleId, int rankPosition, Source source, Long optionId, String optionCode, String title,
                   String support, Support figures, String budgetCode) {
        this(cycleId, rankPosition, source, optionId, optionCode, title, support, figures);
        this.budgetCode = budgetCode;
    }

    /** How the jury and the residents' channel backed an option, as counted on entering DECIDE. */
    record Support(int juryBallots, int firstChoices, int rankedBy, String minorityPositions, int residentBallots,
                   boolean residentFunded, String residentScore, String juryScore) {
    }

    /** Records (or replaces) the response; a changed response needs a fresh sign-off. */
    void respond(ResponseDraft d, String by, Instant at) {
        this.response = d.response();
        this.rationale = d.rationale();
        this.tradeOff = d.tradeOff();
        this.budgetLine = d.budgetLine();
        this.amountCommitted = d.amountCommitted();
        this.whoLoses = d.whoLoses();
        this.offered = d.offered();
        this.decidedBy = d.decisionMaker();
        this.political = d.politicalDecision();
        this.respondedBy = by;
        this.respondedAt = at;
        clearSignOff();
    }

    void signOff(String member, LocalDate on, String recordedBy, Instant at) {
        this.signoffMember = member;
        this.signoffOn = on;
        this.signoffRecordedBy = recordedBy;
        this.signoffRecordedAt = at;
    }

    private void clearSignOff() {
        this.signoffMember = null;
        this.signoffOn = null;
        this.signoffRecordedBy = null;
        this.signoffRecordedAt = null;
    }

    void noteMinorityPositions(String text) {
        this.minorityPositions = text;
    }

    public Long getId() { return id; }
    public Long getCycleId() { return cycleId; }
    public int getRankPosition() { return rankPosition; }
    public Source getSource() { return source; }
    public Long getOptionId() { return optionId; }
    public String getOptionCode() { return optionCode; }
    public String getTitle() { return title; }
    public String getSupport() { return support; }
    public int getJuryBallots() { return juryBallots; }
    public int getFirstChoices() { return firstChoices; }
    public int getRankedBy() { return rankedBy; }
    public String getMinorityPositions() { return minorityPositions; }
    public int getResidentBallots() { return residentBallots; }
    public boolean isResidentFunded() { return residentFunded; }
    public String getResidentScore() { return residentScore; }
    /** The jury count's score of the option (points or votes, as the count writes it); null when none was kept. */
    public String getJuryScore() { return juryScore; }
    /** The code of the district budget this recommendation comes from; null: the city-wide budget. */
    public String getBudgetCode() { return budgetCode; }

    /** The support line in the reader's language (what a person typed stays as typed). */
    public String supportIn(java.util.Locale locale) {
        if (budgetCode != null) {
            return SupportText.district(residentScore, residentBallots, locale);
        }
        return SupportText.support(source, support, juryScore, firstChoices, juryBallots, residentScore,
                residentBallots, locale);
    }

    /** The minority line in the reader's language when it is the generated one; null when there is none. */
    public String minorityIn(java.util.Locale locale) {
        return SupportText.minority(minorityPositions, juryBallots, rankedBy, locale);
    }
    public Response getResponse() { return response; }
    public String getRationale() { return rationale; }
    public String getTradeOff() { return tradeOff; }
    public String getBudgetLine() { return budgetLine; }
    public Long getAmountCommitted() { return amountCommitted; }
    public String getWhoLoses() { return whoLoses; }
    public String getOffered() { return offered; }
    public String getDecidedBy() { return decidedBy; }
    public String getRespondedBy() { return respondedBy; }
    public Instant getRespondedAt() { return respondedAt; }
    public boolean isPolitical() { return political; }
    public String getSignoffMember() { return signoffMember; }
    public LocalDate getSignoffOn() { return signoffOn; }
    public String getSignoffRecordedBy() { return signoffRecordedBy; }
    public Instant getSignoffRecordedAt() { return signoffRecordedAt; }
    public boolean isAnswered() { return response != null; }
    public boolean isSignedOff() { return signoffMember != null; }
    /** Ready for publication: answered and, when for political decision, signed off. */
    public boolean isReady() { return response != null && (!political || signoffMember != null); }
    /** Share of jurors who ranked this option at all, in whole percent. */
    public int getSupportPercent() { return juryBallots == 0 ? 0 : Math.round(100f * rankedBy / juryBallots); }
}
