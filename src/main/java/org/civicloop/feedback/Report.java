package org.civicloop.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.civicloop.deliberation.PreferenceShift;

/**
 * The "you said, we did" report of one cycle as published: the snapshot stored with each version and what the
 * page, the PDF and {@code GET /api/v1/cycles/{id}/report} all show. Sections in reading order.
 */
public record Report(long cycleId, String council, String title, String currency, int version, Instant publishedAt,
                     String changeNote, List<VersionNote> earlierVersions,
                     Changed changed, String question, Participation participation, Heard heard,
                     PreferenceShift shift, Vote vote, List<Decision> decisions, List<String> minorityPositions,
                     Next next, Check check, List<BudgetSection> budgets) {

    /**
     * The report's sections per budget, when the cycle has district budgets: the city-wide one first (its count is
     * {@link #vote}), then each district's with its envelope, rule, residents' count and winners. Empty for a cycle
     * with one budget; null in versions published before district budgets were reported.
     */
    public List<BudgetSection> budgetSections() {
        return budgets == null ? List.of() : budgets;
    }

    /** The section of a budget by its code (null or {@code city}: the city-wide one), if the report has it. */
    public BudgetSection budget(String code) {
        String c = code == null ? "city" : code;
        return budgetSections().stream().filter(b -> b.code().equals(c)).findFirst().orElse(null);
    }

    /**
     * One budget's section. {@code district} and {@code label} are null for the city-wide budget, whose count is the
     * report's {@link Vote} (its {@code funded}, {@code notFunded} and {@code steps} here are then empty); a district
     * budget's count is its residents' ballots, {@code funded} and {@code notFunded} its options, {@code steps} the
     * count's steps as data, {@code rounds} the same in English.
     */
    public record BudgetSection(String code, String label, String district, long amount, String rule, int ballots,
                                List<Funded> funded, List<NotFunded> notFunded, List<Reason> steps,
                                List<String> rounds) {
        public boolean cityWide() {
            return district == null;
        }
    }

    /** An earlier version of this report and why it was replaced. */
    public record VersionNote(int version, Instant publishedAt, String changeNote) {
    }

    /** What changed because of residents: the officer's summary and the recommendations taken up. */
    public record Changed(String summary, List<String> adoptedOrModified, long committed) {
    }

    /** Who took part: the pool, the jury and its representativeness, the ballots. */
    public record Participation(int pool, int jury, int juryBallots, int residentBallots,
                                List<Representation> representation) {
    }

    /** One line of the representativeness summary: the target range against who sat on the jury. */
    public record Representation(String feature, String value, int min, int max, long pool, long jury) {
        public boolean withinTarget() {
            return jury >= min && jury <= max;
        }
    }

    /** What the jury heard: the evidence pack (its own page) and how many items it holds. */
    public record Heard(int items, String link) {
    }

    /**
     * How they voted: the jury count with its rounds, and the residents' channel alongside. {@code rounds} are the
     * steps in English; {@code steps} the same steps as data (code and values, see {@code voting.count.Explanation}),
     * from which the page and the PDF write them in the reader's language (versions published before steps existed
     * hold none, and show {@code rounds}). {@code flaggedResidentBallots}: how many residents' ballots were flagged as
     * a possible campaign (null in reports published before it was kept); {@code campaign} how they were treated
     * (null in reports published before officers recorded decisions).
     */
    public record Vote(String rule, int ballots, List<Funded> funded, List<NotFunded> notFunded, List<String> rounds,
                       int residentBallots, List<String> residentWinners, List<Reason> steps,
                       Long flaggedResidentBallots, Campaign campaign) {
    }

    /**
     * The residents' ballots flagged as a possible campaign: how many, how many were counted and excluded, and each
     * officer's decision with its public reason and the number of ballots it covers ({@code undecided}: counted
     * without a decision).
     */
    public record Campaign(long flagged, long counted, long excluded, long undecided, List<Treated> decisions) {
    }

    /** One recorded decision on flagged ballots: excluded or counted, how many, and the public reason. */
    public record Treated(boolean excluded, long ballots, String reason) {
    }

    public record Funded(String code, String title, String score, long cost) {
    }

    /**
     * An option not funded: {@code why} in English, {@code reason} the same as data (null in older versions), its
     * score and cost as for a funded one (null in reports published before they were kept).
     */
    public record NotFunded(String code, String title, String why, Reason reason, String score, Long cost) {
    }

    /** A sentence of the count as data: its code ({@code voting.count.Explanation.Reason}) and named values. */
    public record Reason(String code, java.util.Map<String, Object> values) {
    }

    /**
     * What was decided on one recommendation, and why. {@code support} and a generated {@code minorityPositions}
     * are in English; {@code juryScore} and the counts beside them let the page and the PDF write them in the
     * reader's language ({@link ReportText}); versions published before {@code juryScore} existed hold null.
     * {@code budgetCode}: the district budget it comes from (null: the city-wide budget).
     */
    public record Decision(long id, int rank, Recommendation.Source source, String optionCode, String title,
                           String support, int juryBallots, int firstChoices,
                           int rankedBy, int supportPercent, String minorityPositions, int residentBallots,
                           boolean residentFunded, String residentScore, Recommendation.Response response,
                           String rationale, String tradeOff, String budgetLine, Long amountCommitted,
                           String whoLoses, String offered, String decisionMaker, boolean political,
                           String signoffMember, LocalDate signoffOn, String juryScore, String budgetCode) {
    }

    /** What happens next and when, and the promise the mandate made. */
    public record Next(String steps, LocalDate nextDate, LocalDate promiseDate, String promiseHow, String channel) {
    }

    /**
     * How to check: the audit chain's head when this version was published, the open data, and the latest signed
     * checkpoint of the audit chain then (its signed text; null in versions published before checkpoints existed).
     */
    public record Check(String auditHeadHash, List<Link> openData, String auditCheckpoint) {
    }

    /** A link to open data: a message key for its label and a path under the application. */
    public record Link(String label, String path) {
    }
}
