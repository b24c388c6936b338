package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.MerkleTree;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.text.CountJson;
import org.civicloop.voting.count.text.ExplanationText;

/**
 * The vote's front door for other capabilities and the adapters: defining and describing costed options (here), and,
 * through the use case classes of this package, casting a secret ranked ballot ({@link BallotCasting}), officers'
 * decisions on flagged ballots ({@link FlaggedBallots}), the ballot boxes and their exports ({@link BallotBoxes}) and
 * the count: stored when the vote closes ({@link StoredCounts}, {@link VoteClosing}), counted now while it is open
 * ({@link BallotCounting}).
 */
@ApplicationScoped
public class VotingService implements PhaseGate {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    Budgets budgets;
    @Inject
    VoteOptions voteOptions;
    @Inject
    BallotBoxes boxes;
    @Inject
    BallotCounting counting;
    @Inject
    BallotCasting casting;
    @Inject
    FlaggedBallots flaggedBallots;
    @Inject
    StoredCounts storedCounts;

    @Transactional
    public Result<CostedOption> defineOption(Actor actor, long cycleId, String code, String title, String description,
                                             long cost) {
        return defineOption(actor, cycleId, Budget.CITY, code, title, description, cost);
    }

    /** Defines a costed option in one of the cycle's budgets ({@link VoteOptions#define}). */
    public Result<CostedOption> defineOption(Actor actor, long cycleId, String budgetCode, String code, String title,
                                             String description, long cost) {
        return voteOptions.define(actor, cycleId, budgetCode, code, title, description, cost).map(CostedOption::of);
    }

    /** Describes an option's public value chain, the groups it affects and its knock-on costs (before voting). */
    public Result<CostedOption> describeOption(Actor actor, long optionId, OptionProfile profile) {
        return voteOptions.describe(actor, optionId, profile).map(CostedOption::of);
    }

    /**
     * Casts a ranked ballot. The register row (cycle, channel, account) is the database's guarantee of one ballot
     * per person and channel; the ballot itself holds no identity. Both rows get an audit entry with their digest:
     * the register's names the voter ({@code voting.voted}), the ballot's names nobody ({@code voting.ballotCast},
     * see {@link AuditLog#recordBallotQueued}); the ballots are sealed into the chain as a Merkle root when the vote
     * closes.
     */
    @Transactional
    public Result<String> castBallot(Actor actor, long cycleId, Ballot.Channel channel, List<String> ranking) {
        return castBallot(actor, cycleId, channel, ranking, null);
    }

    /**
     * Casts a ballot, or, where the mandate lets voters change their ballot until the vote closes, replaces the
     * voter's earlier one: they prove which it is with its receipt (only they have it; the ballot holds no identity).
     */
    @Transactional
    public Result<String> castBallot(Actor actor, long cycleId, Ballot.Channel channel, List<String> ranking,
                                     String previousReceipt) {
        return castBallot(actor, cycleId, channel, (String) null, ranking, previousReceipt);
    }

    /**
     * Casts (or changes) a ballot in one of the cycle's budgets, by its code (blank or {@value Budget#CITY}: the
     * city-wide one). A district budget takes residents' ballots only, from residents verified in its district
     * ({@link BallotCasting#cast}).
     */
    public Result<String> castBallot(Actor actor, long cycleId, Ballot.Channel channel, String budgetCode,
                                     List<String> ranking, String previousReceipt) {
        return casting.cast(actor, cycleId, channel, budgetCode, ranking, previousReceipt);
    }

    /** How audit details name a district budget's box ("; budget=code"); nothing for the city-wide one. */
    static String boxDetail(Budget budget) {
        return budget == null || budget.cityWide() ? "" : "; budget=" + budget.code();
    }

    /** A random positive id: ids in casting order could be matched against the order in which people voted. */
    static long randomId() {
        return RANDOM.nextLong() & Long.MAX_VALUE;
    }

    /** 128 random bits as hex: a row's digest in the public log cannot be recomputed from what is published. */
    static String salt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    /**
     * The count of one channel of the city-wide budget, with the rule fixed in the mandate (greedy when none was set):
     * once the vote has closed the count stored then, else counted now ({@link #count(Budget, Ballot.Channel)}).
     */
    public Count count(long cycleId, Ballot.Channel channel) {
        return count(cityWide(cycleId), channel);
    }

    /**
     * The count of one channel of one budget with the budget's rule, over its options and its envelope. Once the vote
     * has closed it is the count stored then ({@link StoredCounts}): a cycle past VOTE without one (moved on before
     * counts were stored) gets it stored now, audited, once. While the vote is open: counted now, provisional.
     */
    public Count count(Budget budget, Ballot.Channel channel) {
        Optional<Count> stored = storedCounts.read(budget, channel);
        if (stored.isPresent()) {
            return stored.get();
        }
        boolean closed = cycleViews.find(budget.cycleId()).map(c -> c.phase().isAfter(Phase.VOTE)).orElse(false);
        if (closed && StoredCounts.channels(budget).contains(channel)) {
            storedCounts.storeMissing(budget.cycleId(), Actor.system(), "stored on first read");
            return storedCounts.read(budget, channel).orElseThrow();
        }
        return counting.fresh(budget, channel);
    }

    /** The cycle's city-wide budget (its own envelope and rule), which every existing option and ballot is in. */
    public Budget cityWide(long cycleId) {
        return counting.cityWide(cycleId);
    }

    /** An option that was not chosen, and why (as data: {@link #text} writes it in a language). */
    public record Loss(CostedOption option, Explanation why) {
    }

    /**
     * A channel's count: the engine's result with the options it speaks of and the budget's currency (its
     * explanations name the options and write amounts as money of that currency).
     */
    public record Count(Ballot.Channel channel, int ballots, CountingRule rule, CountResult result,
                        java.util.Map<String, CostedOption> options, java.util.Map<Ballot.Source, Long> sources,
                        String currency) {

        /** The writer of this count's explanations in a language: options by title, amounts in the currency. */
        public ExplanationText text(java.util.Locale locale) {
            java.util.Map<String, String> names = new java.util.HashMap<>();
            options.forEach((code, o) -> names.put(code, o.getTitle()));
            return new ExplanationText(locale, names, currency);
        }

        /** One explanation (why an option lost, a step of the count) in the reader's language. */
        public String explain(Explanation why, java.util.Locale locale) {
            return text(locale).text(why);
        }

        /** The steps of the count in the reader's language. */
        public List<String> steps(java.util.Locale locale) {
            return text(locale).rounds(result);
        }

        /** How many of the counted ballots came online or on paper (counted together, reported apart). */
        public long bySource(Ballot.Source source) {
            return sources.getOrDefault(source, 0L);
        }

        public List<CostedOption> winners() {
            return result.winners().stream().map(options::get).toList();
        }

        /** Options not chosen, each with the reason. */
        public List<Loss> losers() {
            return result.lost().entrySet().stream().map(e -> new Loss(options.get(e.getKey()), e.getValue())).toList();
        }

        public List<Round> rounds() {
            return result.rounds();
        }

        /** The option's score in the count's summary (points or votes), as text; empty when the rule has none. */
        public String score(String code) {
            Object scores = result.summary().get("scores");
            if (scores instanceof java.util.Map<?, ?> m && m.get(code) != null) {
                return m.get(code).toString();
            }
            return "";
        }

        /** The option's score as a whole percentage of the highest score (for bar charts; 0 without scores). */
        public int share(String code) {
            double max = options.keySet().stream().mapToDouble(this::scoreValue).max().orElse(0);
            return max <= 0 ? 0 : (int) Math.round(100 * scoreValue(code) / max);
        }

        /** One option's line in a count table: its place by score, the option, whether funded, and (if not) why. */
        public record Line(int place, CostedOption option, String score, boolean funded, Loss loss) {
        }

        /**
         * Every option once, in ranking order (highest score first; equal scores share a place; without scores the
         * engine's order, winners first), so that a table never lists a funded lower-ranked option above a higher one.
         */
        public List<Line> lines() {
            List<Line> all = new java.util.ArrayList<>();
            for (CostedOption o : winners()) {
                all.add(new Line(0, o, score(o.getCode()), true, null));
            }
            for (Loss l : losers()) {
                all.add(new Line(0, l.option(), score(l.option().getCode()), false, l));
            }
            boolean scored = all.stream().anyMatch(l -> !l.score().isEmpty());
            if (scored) {
                all.sort(java.util.Comparator.comparingDouble((Line l) -> numeric(l.score())).reversed());
            }
            List<Line> out = new java.util.ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Line l = all.get(i);
                int place = scored && i > 0 && numeric(l.score()) == numeric(all.get(i - 1).score())
                        ? out.get(i - 1).place() : i + 1;
                out.add(new Line(place, l.option(), l.score(), l.funded(), l.loss()));
            }
            return out;
        }

        private double scoreValue(String code) {
            return numeric(score(code));
        }

        /** A score as the count writes it ("16", "7/2") as a number; 0 when empty or unreadable. */
        public static double numeric(String s) {
            if (s == null) {
                return 0;
            }
            try {
                int slash = s.indexOf('/');
                return s.isEmpty() ? 0 : slash < 0 ? Double.parseDouble(s)
                        : Double.parseDouble(s.substring(0, slash)) / Double.parseDouble(s.substring(slash + 1));
            } catch (NumberFormatException e) {
                return 0;
            }
        }

        /** The count as JSON: sentences in English (options by title, amounts as money) beside their data. */
        public String json() {
            return json(java.util.Locale.ENGLISH);
        }

        /** The count as JSON, its sentences in the reader's language beside their data. */
        public String json(java.util.Locale locale) {
            return CountJson.write(result, text(locale));
        }
    }

    /** The options of the cycle's city-wide budget (the only budget of a cycle without district budgets). */
    public List<CostedOption> options(long cycleId) {
        return options(cycleId, null);
    }

    /** The options of one of the cycle's budgets ({@code budgetId} null: the city-wide one). */
    public List<CostedOption> options(long cycleId, Long budgetId) {
        return CostedOption.of(voteOptions.options(cycleId, budgetId));
    }

    /** Every option of the cycle, in every budget (city-wide and districts'). */
    public List<CostedOption> allOptions(long cycleId) {
        return CostedOption.of(voteOptions.allOptions(cycleId));
    }

    /** The rankings of a channel's ballots in the city-wide budget (what other capabilities may read of them). */
    public List<List<String>> rankings(long cycleId, Ballot.Channel channel) {
        return ballots(cycleId, channel).stream().map(Ballot::ranking).toList();
    }

    /** A channel's ballots in the city-wide budget (every jury ballot; residents' ballots not cast in a district's). */
    public List<Ballot> ballots(long cycleId, Ballot.Channel channel) {
        return boxes.ballots(cycleId, null, channel);
    }

    /** A channel's ballots in one budget's box. */
    public List<Ballot> ballots(Budget budget, Ballot.Channel channel) {
        return boxes.ballots(budget.cycleId(), budget.id(), channel);
    }

    /** Residents' ballots flagged as possibly part of a campaign, for an officer to look at (they still count). */
    public long flaggedBallots(long cycleId) {
        return flaggedBallots.flaggedBallots(cycleId);
    }

    /** A flagged residents' ballot as officers see it: its receipt, the day it was cast and its ranking; never who. */
    public record FlaggedBallot(String receipt, LocalDate castOn, List<String> ranking) {
    }

    /** The longest public reason an officer may give for a decision on flagged ballots. */
    public static final int DECISION_REASON_MAX = 500;

    /**
     * An officer decides on a group of flagged residents' ballots (those with this identical ranking, as the officer
     * sees them grouped): counted, or excluded from the count, with a public reason. Allowed while the vote is open:
     * closing it seals the box, stores the count and makes the recommendations from it, so the decisions are final
     * then; until then a later decision on the same ballots replaces the earlier one, audited. The ballots themselves
     * never change: they stay in the ballot box and its Merkle tree.
     */
    public Result<Integer> decideFlagged(Actor actor, long cycleId, String ranking, boolean exclude, String reason) {
        return flaggedBallots.decide(actor, cycleId, ranking, exclude, reason);
    }

    /**
     * How the flagged ballots were treated, for the public: how many were flagged, counted and excluded, and each
     * decision's reason with how many ballots it covers (ballots without a decision are counted).
     */
    public record CampaignTreatment(long flagged, long counted, long excluded, List<Treated> decisions) {
        /** One public reason and the ballots it decided: {@code excluded} or counted. */
        public record Treated(boolean excluded, long ballots, String reason) {
        }

        /** Flagged ballots counted with no decision recorded. */
        public long undecided() {
            return flagged - decisions.stream().mapToLong(Treated::ballots).sum();
        }
    }

    public CampaignTreatment campaign(long cycleId) {
        return flaggedBallots.campaign(cycleId);
    }

    @Override
    public Optional<Result.Refused<Void>> checkLeaving(CycleView cycle, Phase from) {
        if (from == Phase.DELIBERATE && options(cycle.id()).size() < 2) {
            return Optional.of(new Result.Refused<>("refused.gate.options", List.of()));
        }
        if (from == Phase.VOTE && ballots(cycle.id(), Ballot.Channel.JURY).isEmpty()) {
            return Optional.of(new Result.Refused<>("refused.gate.ballots", List.of()));
        }
        return Optional.empty();
    }
}
