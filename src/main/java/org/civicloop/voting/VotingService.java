package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.annotation.Resource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.audit.chain.MerkleTree;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rules;
import org.civicloop.voting.count.text.CountJson;
import org.civicloop.voting.count.text.ExplanationText;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseChanged;
import org.civicloop.cycle.PhaseGate;
import org.civicloop.identity.Account;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.EvidenceCitations;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.kernel.Sql;
import org.civicloop.voting.count.TieBreaking;

/** Use cases of the vote: define costed options, cast a secret ranked ballot, close the ballot box and count. */
@ApplicationScoped
public class VotingService implements PhaseGate {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");
    private static final String RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The option codes of each cycle whose vote is open, read once: options are frozen from VOTE on and a cycle
     * never goes back a phase, so the set cannot change while ballots arrive (on any server).
     */
    private final java.util.concurrent.ConcurrentHashMap<List<Long>, Set<String>> votingCodes =
            new java.util.concurrent.ConcurrentHashMap<>();

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    EligibilityCheck eligibility;
    @Inject
    EvidenceCitations evidenceCitations;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    AccountService accounts;
    @Inject
    Juries jury;
    @Inject
    CampaignWatch campaigns;
    @Inject
    BallotOwnership ownership;
    @Inject
    Budgets budgets;
    @Inject
    VoterRegister register;
    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    @Transactional
    public Result<BudgetOption> defineOption(Actor actor, long cycleId, String code, String title, String description,
                                             long cost) {
        return defineOption(actor, cycleId, Budget.CITY, code, title, description, cost);
    }

    /** Defines a costed option in one of the cycle's budgets (by its code; {@value Budget#CITY}: the city-wide one). */
    @Transactional
    public Result<BudgetOption> defineOption(Actor actor, long cycleId, String budgetCode, String code, String title,
                                             String description, long cost) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        CycleView cycle = found.value();
        if (cycle.phase().atLeast(Phase.VOTE)) {
            return Result.refused("refused.option.phase");
        }
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            return Result.refused("refused.option.code");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            return Result.refused("refused.option.title");
        }
        if (description != null && description.length() > 4000) {
            return Result.refused("refused.option.description");
        }
        if (cost <= 0 || cost > 1_000_000_000_000L) {
            return Result.refused("refused.option.cost");
        }
        Budget budget = budgets.find(cycleId, budgetCode).orElse(null);
        if (budget == null) {
            return Result.refused("refused.budget.unknown");
        }
        if (allOptions(cycleId).stream().anyMatch(o -> o.getCode().equalsIgnoreCase(code.strip()))) {
            return Result.refused("refused.option.duplicate");
        }
        BudgetOption option = new BudgetOption(cycleId, budget.id(), code.strip(), title.strip(),
                description == null || description.isBlank() ? null : description.strip(), cost, clock.instant());
        em.persist(option);
        em.flush();
        audit.record(actor, "voting.optionDefined", "budget_option", option.getId(), null, "cycle=" + cycleId
                + (budget.cityWide() ? "" : "; budget=" + budget.code()));
        return Result.done(option);
    }

    /** Describes an option's public value chain, the groups it affects and its knock-on costs (before voting). */
    @Transactional
    public Result<BudgetOption> describeOption(Actor actor, long optionId, OptionProfile profile) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        BudgetOption option = em.find(BudgetOption.class, optionId);
        if (option == null) {
            return Result.refused("refused.option.unknown");
        }
        CycleView cycle = cycleViews.find(option.getCycleId()).orElse(null);
        if (cycle.phase().atLeast(Phase.VOTE)) {
            return Result.refused("refused.option.phase");
        }
        for (String text : new String[]{profile.inputs(), profile.activities(), profile.outputs(), profile.outcomes(),
                profile.groupsAffected(), profile.knockOnCosts()}) {
            if (text != null && text.length() > 2000) {
                return Result.refused("refused.option.profileTooLong");
            }
        }
        for (Long evidenceId : profile.evidenceIds()) {
            if (evidenceId == null || !evidenceCitations.citable(evidenceId, option.getCycleId())) {
                return Result.refused("refused.option.evidence");
            }
        }
        String before = audit.digestOf("budget_option", optionId);
        option.describe(new OptionProfile(profile.valueCells(), blankToNull(profile.inputs()),
                blankToNull(profile.activities()), blankToNull(profile.outputs()), blankToNull(profile.outcomes()),
                blankToNull(profile.groupsAffected()), blankToNull(profile.knockOnCosts()), profile.evidenceIds()));
        audit.record(actor, "voting.optionDescribed", "budget_option", optionId, before, null);
        return Result.done(option);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        return castBallot(actor, cycleId, channel, (Budget) null, ranking, previousReceipt);
    }

    /**
     * Casts (or changes) a ballot in one of the cycle's budgets, by its code (blank or {@value Budget#CITY}: the
     * city-wide one). A district budget takes residents' ballots only, from residents verified in its district.
     */
    @Transactional
    public Result<String> castBallot(Actor actor, long cycleId, Ballot.Channel channel, String budgetCode,
                                     List<String> ranking, String previousReceipt) {
        if (budgetCode == null || budgetCode.isBlank() || budgetCode.strip().equals(Budget.CITY)) {
            return castBallot(actor, cycleId, channel, (Budget) null, ranking, previousReceipt);
        }
        Budget budget = budgets.districtForCasting(cycleId, budgetCode.strip()).orElse(null);
        return budget == null ? Result.refused("refused.budget.unknown")
                : castBallot(actor, cycleId, channel, budget, ranking, previousReceipt);
    }

    private Result<String> castBallot(Actor actor, long cycleId, Ballot.Channel channel, Budget budget,
                                      List<String> ranking, String previousReceipt) {
        Long budgetId = budget == null ? null : budget.id();
        Cycles.CastingRules cycle = cycleViews.castingRules(cycleId).orElse(null);
        if (cycle == null || !cycle.published()) {
            return Result.refused("refused.cycle.unknown");
        }
        if (cycle.phase() != Phase.VOTE) {
            return Result.refused("refused.ballot.closed");
        }
        if (channel == null) {
            return Result.refused("refused.ballot.channel");
        }
        if (channel == Ballot.Channel.JURY && !jury.isJuror(cycleId, actor.username())) {
            return Result.refused("refused.ballot.notJuror");
        }
        if (channel == Ballot.Channel.RESIDENTS && !actor.hasAny(Role.RESIDENT, Role.JUROR)) {
            return Result.refused("refused.ballot.residentsOnly");
        }
        if (channel == Ballot.Channel.RESIDENTS && !cycle.residentBallot()) {
            return Result.refused("refused.ballot.residentsClosed");
        }
        if (channel == Ballot.Channel.RESIDENTS) {
            EligibilityCheck.Verdict eligible = eligibility.check(actor.username(), cycleId);
            if (!eligible.allowed()) {
                return Result.refused(eligible.refusal());
            }
            if (budgetId != null && !budget.district().equals(eligible.district())) {
                return eligible.district() == null ? Result.refused("refused.budget.notVerified", budget.district())
                        : Result.refused("refused.budget.wrongDistrict", budget.district(), eligible.district());
            }
        } else if (budgetId != null) {
            return Result.refused("refused.budget.residentsOnly");
        }
        Set<String> known = votingCodes.computeIfAbsent(java.util.Arrays.asList(cycleId, budgetId),
                k -> options(cycleId, budgetId).stream().map(BudgetOption::getCode)
                        .collect(Collectors.toUnmodifiableSet()));
        if (ranking == null || ranking.isEmpty()) {
            return Result.refused("refused.ballot.empty");
        }
        if (new HashSet<>(ranking).size() != ranking.size() || !known.containsAll(ranking)) {
            return Result.refused("refused.ballot.invalid");
        }
        Long accountId = accounts.idOf(actor.username()).orElse(null);
        if (accountId == null) {
            return Result.refused("refused.notAllowed");
        }
        String receipt = newReceipt();
        Optional<VoterRegister.Row> registered = register.row(cycleId, channel, budgetId, accountId);
        boolean change = registered.isPresent();
        if (change) {
            if (!cycle.ballotChangeable() || previousReceipt == null || previousReceipt.isBlank()) {
                return Result.refused("refused.ballot.already");
            }
            String previousCode = previousReceipt.strip().toUpperCase(java.util.Locale.ROOT);
            Ballot previous = findByReceipt(previousCode).orElse(null);
            // Only the account that cast it: its register row carries the receipt's tag (nothing else links them).
            if (previous == null || previous.isSuperseded() || !previous.getCycleId().equals(cycleId)
                    || previous.getChannel() != channel || !java.util.Objects.equals(previous.getBudgetId(), budgetId)
                    || registered.get().id() == null
                    || !ownership.owns(registered.get().ownerTag(), previousCode)) {
                return Result.refused("refused.ballot.receipt");
            }
            String before = audit.digestOf("ballot", previous.getId());
            previous.supersede();
            em.flush();
            audit.record(new Actor(AuditLog.BALLOT_BOX, Set.of()), "voting.ballotSuperseded", "ballot",
                    previous.getId(), before, "cycle=" + cycleId + "; channel=" + channel);
            long row = registered.get().id();
            String table = VoterRegister.table(budgetId);
            String registerBefore = audit.digestOf(table, row);
            register.retag(budgetId, row, ownership.tag(receipt));
            audit.record(actor, "voting.ballotChanged", table, row, registerBefore,
                    "cycle=" + cycleId + "; channel=" + channel + boxDetail(budget));
        } else {
            long row = register.add(cycleId, channel, budgetId, accountId, ownership.tag(receipt));
            audit.recordCreationQueued(actor, "voting.voted", VoterRegister.table(budgetId), row, "cycle=" + cycleId + "; channel=" + channel + boxDetail(budget));
        }
        Ballot ballot = new Ballot(cycleId, budgetId, channel, receipt, ranking,
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        if (channel == Ballot.Channel.RESIDENTS && campaigns.looksLikeACampaign(cycleId, ranking, clock.instant())) {
            ballot.flag();
        }
        insert(ballot);
        audit.recordBallotQueued("voting.ballotCast", ballot.getId(), "cycle=" + cycleId + "; channel=" + channel
                + boxDetail(budget));
        return Result.done(receipt);
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

    /** Stores a new ballot (every column of {@link Ballot}), on the transaction's connection. */
    private void insert(Ballot b) {
        Sql.update(dataSource, "INSERT INTO ballot (id, cycle_id, channel, receipt, ranking, cast_on, flagged,"
                        + " superseded, source, salt, budget_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.getId(),
                b.getCycleId(), b.getChannel(), b.getReceipt(), b.getRanking(), b.getCastOn(), b.isFlagged(),
                b.isSuperseded(), b.getSource(), b.getSalt(), b.getBudgetId());
    }

    /** Residents' ballots flagged as possibly part of a campaign, for an officer to look at (they still count). */
    public long flaggedBallots(long cycleId) {
        return em.createQuery("SELECT COUNT(b) FROM Ballot b WHERE b.cycleId = :c AND b.flagged = true"
                + " AND b.superseded = false", Long.class).setParameter("c", cycleId).getSingleResult();
    }

    /** A flagged residents' ballot as officers see it: its receipt, the day it was cast and its ranking; never who. */
    public record FlaggedBallot(String receipt, LocalDate castOn, List<String> ranking) {
    }

    /**
     * The residents' ballots flagged as a possible campaign, grouped by identical ranking (then by receipt), for an
     * officer to look into; officers of the cycle only. A ballot carries no voter identity, so none can be shown.
     */
    public Result<List<FlaggedBallot>> flagged(Actor actor, long cycleId) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        return Result.done(em.createQuery("SELECT b FROM Ballot b WHERE b.cycleId = :c AND b.flagged = true"
                        + " AND b.superseded = false ORDER BY b.ranking, b.receipt", Ballot.class)
                .setParameter("c", cycleId).getResultStream()
                .map(b -> new FlaggedBallot(b.getReceipt(), b.getCastOn(), b.ranking())).toList());
    }

    /** The longest public reason an officer may give for a decision on flagged ballots. */
    public static final int DECISION_REASON_MAX = 500;

    /**
     * An officer decides on a group of flagged residents' ballots (those with this identical ranking, as the officer
     * sees them grouped): counted, or excluded from the count, with a public reason. Allowed while the vote is open:
     * closing it seals the box, publishes the count and makes the recommendations from it, so the decisions are final
     * then; until then a later decision on the same ballots replaces the earlier one, audited. The ballots themselves never change: they stay in the ballot box and its Merkle tree.
     */
    @Transactional
    public Result<Integer> decideFlagged(Actor actor, long cycleId, String ranking, boolean exclude, String reason) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        if (found.value().phase() != Phase.VOTE) {
            return Result.refused("refused.flagged.phase");
        }
        String why = reason == null ? "" : reason.strip().replaceAll("\\s+", " ");
        if (why.isEmpty() || why.length() > DECISION_REASON_MAX) {
            return Result.refused("refused.flagged.reason", DECISION_REASON_MAX);
        }
        List<Ballot> group = ranking == null ? List.of() : em.createQuery("SELECT b FROM Ballot b WHERE b.cycleId = :c"
                        + " AND b.flagged = true AND b.superseded = false AND b.ranking = :r ORDER BY b.receipt",
                Ballot.class).setParameter("c", cycleId).setParameter("r", ranking).getResultList();
        if (group.isEmpty()) {
            return Result.refused("refused.flagged.unknown");
        }
        java.time.Instant at = clock.instant();
        for (Ballot b : group) {
            CampaignDecision d = em.createQuery("SELECT d FROM CampaignDecision d WHERE d.receipt = :r",
                    CampaignDecision.class).setParameter("r", b.getReceipt()).getResultStream().findFirst().orElse(null);
            String before = null;
            if (d == null) {
                d = new CampaignDecision(cycleId, b.getReceipt(), exclude, why, at);
                em.persist(d);
            } else {
                before = audit.digestOf("campaign_decision", d.getId());
                d.decide(exclude, why, at);
            }
            em.flush();
            audit.record(actor, "voting.flaggedDecided", "campaign_decision", d.getId(), before,
                    "cycle=" + cycleId + "; " + (exclude ? "excluded" : "counted"));
        }
        return Result.done(group.size());
    }

    /** Whether decisions on the cycle's flagged ballots can still be taken: while its vote is open. */
    public boolean decidingFlagged(long cycleId) {
        return cycleViews.find(cycleId).map(c -> c.phase() == Phase.VOTE).orElse(false);
    }

    /**
     * The residents' ballots an officer excluded from the count (receipt to public reason), among the ballots in the
     * box (a replaced ballot is in no box). Jury ballots are never flagged.
     */
    public java.util.Map<String, String> exclusions(long cycleId) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        decisions(cycleId).forEach((receipt, d) -> {
            if (d.isExcluded()) {
                out.put(receipt, d.getReason());
            }
        });
        return out;
    }

    /** The decisions on the cycle's flagged ballots still in the box, by receipt. */
    private java.util.Map<String, CampaignDecision> decisions(long cycleId) {
        java.util.Map<String, CampaignDecision> out = new java.util.TreeMap<>();
        List<CampaignDecision> all = em.createQuery("SELECT d FROM CampaignDecision d WHERE d.cycleId = :c",
                CampaignDecision.class).setParameter("c", cycleId).getResultList();
        if (all.isEmpty()) {
            return out;
        }
        Set<String> inBox = new HashSet<>(em.createQuery("SELECT b.receipt FROM Ballot b WHERE b.cycleId = :c"
                + " AND b.flagged = true AND b.superseded = false", String.class).setParameter("c", cycleId)
                .getResultList());
        all.stream().filter(d -> inBox.contains(d.getReceipt())).forEach(d -> out.put(d.getReceipt(), d));
        return out;
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
        long flagged = flaggedBallots(cycleId);
        java.util.Map<String, CampaignDecision> decided = decisions(cycleId);
        java.util.Map<List<Object>, Long> groups = new java.util.LinkedHashMap<>();
        decided.values().stream().sorted(java.util.Comparator.comparing((CampaignDecision d) -> !d.isExcluded())
                        .thenComparing(CampaignDecision::getReason))
                .forEach(d -> groups.merge(List.of(d.isExcluded(), d.getReason()), 1L, Long::sum));
        List<CampaignTreatment.Treated> treated = groups.entrySet().stream().map(e -> new CampaignTreatment.Treated(
                (Boolean) e.getKey().get(0), e.getValue(), (String) e.getKey().get(1))).toList();
        long excluded = treated.stream().filter(CampaignTreatment.Treated::excluded)
                .mapToLong(CampaignTreatment.Treated::ballots).sum();
        return new CampaignTreatment(flagged, flagged - excluded, excluded, treated);
    }

    /** The decision recorded on a ballot, if any (for its officers' list and the voter's receipt check). */
    public Optional<CampaignDecision> decision(String receipt) {
        return em.createQuery("SELECT d FROM CampaignDecision d WHERE d.receipt = :r", CampaignDecision.class)
                .setParameter("r", receipt).getResultStream().findFirst();
    }

    static String newReceipt() {
        StringBuilder sb = new StringBuilder("R-");
        for (int i = 0; i < 12; i++) {
            sb.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** When the cycle leaves VOTE the ballot box is sealed into the audit chain and counted. */
    void onPhaseChanged(@Observes PhaseChanged event) {
        if (event.from() == Phase.VOTE) {
            long cycleId = event.cycle().id();
            cycleViews.findLocked(cycleId);
            campaigns.forget(cycleId);
            votingCodes.keySet().removeIf(k -> k.get(0) == cycleId);
            for (Ballot.Channel channel : Ballot.Channel.values()) {
                MerkleTree tree = tree(cityWide(cycleId), channel);
                long register = Sql.first(dataSource, "SELECT COUNT(*) FROM voter_register WHERE cycle_id = ?"
                        + " AND channel = ?", rs -> rs.getLong(1), cycleId, channel).orElse(0L);
                audit.note(event.actor(), "voting.ballotBoxSealed", "cycle", Long.toString(cycleId),
                        "channel=" + channel + "; ballots=" + tree.size() + "; root=" + tree.rootHex()
                                + "; register=" + register);
            }
            // each district budget's box: residents' ballots only, its own register
            for (Budget budget : budgets.budgets(cycleId)) {
                if (!budget.cityWide()) {
                    MerkleTree tree = tree(budget, Ballot.Channel.RESIDENTS);
                    long register = Sql.first(dataSource, "SELECT COUNT(*) FROM budget_register WHERE budget_id = ?",
                            rs -> rs.getLong(1), budget.id()).orElse(0L);
                    audit.note(event.actor(), "voting.ballotBoxSealed", "cycle", Long.toString(cycleId),
                            "channel=" + Ballot.Channel.RESIDENTS + boxDetail(budget) + "; budgetId=" + budget.id()
                                    + "; ballots=" + tree.size()
                                    + "; root=" + tree.rootHex() + "; register=" + register);
                }
            }
        }
    }

    /**
     * Counts one channel with the rule fixed in the mandate (greedy when none was set), by the same engine the
     * offline tool uses: budget rules score a ranking of n options as n, n-1, ... (Krakow scores), ranked rules
     * read the rankings as they are. The ballot box is the one the open data publishes, so anyone can recount.
     */
    public Count count(long cycleId, Ballot.Channel channel) {
        return count(cityWide(cycleId), channel);
    }

    /** Counts one channel of one budget with the budget's rule, over its options and its envelope. */
    public Count count(Budget budget, Ballot.Channel channel) {
        CycleView cycle = cycleViews.find(budget.cycleId()).orElse(null);
        BallotBox box = ballotBox(budget, channel);
        CountResult result = count(budget.rule(), box.election(), box.profile(), box.ballots().size());
        return new Count(channel, box.ballots().size(), budget.rule(), result, box.options(), box.ballots().stream()
                .collect(Collectors.groupingBy(Ballot::getSource, Collectors.counting())), cycle.currency());
    }

    /** The cycle's city-wide budget (its own envelope and rule), which every existing option and ballot is in. */
    public Budget cityWide(long cycleId) {
        return Budget.cityWide(cycleViews.find(cycleId).orElseThrow());
    }

    /**
     * Counts a box with every parameter taken from the election, as the published export states it (rule, seats,
     * budget; ties always broken as {@link TieBreaking#METHOD}): so `count` on the export
     * gives the same result.
     */
    static CountResult count(CountingRule rule, Election election, Profile profile, int ballots) {
        if (ballots == 0 || election.size() == 0) {
            return new CountResult(rule.cliName(), List.of(), List.of(), List.of(), java.util.Map.of(),
                    java.util.Map.of());
        }
        return Rules.count(rule.cliName(), election, profile, CountOptions.DEFAULT);
    }

    /** How many options an STV count elects: half the options, at least one (other rules: one winner list). */
    public static int seats(CountingRule rule, int options) {
        return rule.name().startsWith("STV") ? Math.max(1, options / 2) : 1;
    }

    /** The election the engine counts: the options, and the budget (budget rules) or the seats (ranked rules). */
    static Election election(CountingRule rule, String title, List<BudgetOption> options, long budget) {
        List<Option> engineOptions = options.stream()
                .map(o -> new Option(o.getCode(), o.getTitle(), Fraction.of(o.getCost()))).toList();
        return rule.isBudgetRule()
                ? Election.budgeted(title, engineOptions, Fraction.of(budget))
                : Election.ranked(title, engineOptions, seats(rule, options.size()));
    }

    /**
     * The Merkle tree (RFC 9162 hashing) of a channel's counted ballots, each leaf the canonical encoding of its
     * receipt, channel and ranking, in receipt order ({@link BallotLeaf}).
     */
    public MerkleTree tree(Budget budget, Ballot.Channel channel) {
        return BallotLeaf.tree(ballots(budget, channel).stream()
                .map(b -> new BallotLeaf.Entry(b.getReceipt(), b.getChannel().name(), b.getRanking())).toList());
    }

    /**
     * A channel's ballots as the counting engine reads them: those in the box, less any an officer excluded
     * ({@link #exclusions}; the exports name them, so a recount leaves out the same).
     */
    public BallotBox ballotBox(Budget budget, Ballot.Channel channel) {
        CycleView cycle = cycleViews.find(budget.cycleId()).orElse(null);
        List<BudgetOption> options = options(budget.cycleId(), budget.id());
        java.util.Map<String, String> excluded = exclusions(budget.cycleId());
        String title = budget.cityWide() ? cycle.title() : cycle.title() + " - " + budget.label();
        return ballotBox(election(budget.rule(), title, options, budget.amount()), options,
                ballots(budget, channel).stream().filter(b -> !excluded.containsKey(b.getReceipt())).toList());
    }

    static BallotBox ballotBox(Election election, List<BudgetOption> options, List<Ballot> ballots) {
        Profile.Builder profile = Profile.builder(BallotType.ORDINAL).maxLength(Math.max(1, options.size()));
        for (Ballot b : ballots) {
            List<String> ranking = b.ranking();
            int[][] ranks = new int[ranking.size()][];
            for (int i = 0; i < ranking.size(); i++) {
                ranks[i] = new int[]{election.indexOf(ranking.get(i))};
            }
            profile.addRanking(ranks, 1);
        }
        java.util.Map<String, BudgetOption> byCode = new java.util.LinkedHashMap<>();
        options.forEach(o -> byCode.put(o.getCode(), o));
        return new BallotBox(election, profile.build(), ballots, byCode);
    }

    public record BallotBox(Election election, Profile profile, List<Ballot> ballots,
                            java.util.Map<String, BudgetOption> options) {
    }

    /** An option that was not chosen, and why (as data: {@link #text} writes it in a language). */
    public record Loss(BudgetOption option, Explanation why) {
    }

    /**
     * A channel's count: the engine's result with the options it speaks of and the budget's currency (its
     * explanations name the options and write amounts as money of that currency).
     */
    public record Count(Ballot.Channel channel, int ballots, CountingRule rule, CountResult result,
                        java.util.Map<String, BudgetOption> options, java.util.Map<Ballot.Source, Long> sources,
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

        public List<BudgetOption> winners() {
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
        public record Line(int place, BudgetOption option, String score, boolean funded, Loss loss) {
        }

        /**
         * Every option once, in ranking order (highest score first; equal scores share a place; without scores the
         * engine's order, winners first), so that a table never lists a funded lower-ranked option above a higher one.
         */
        public List<Line> lines() {
            List<Line> all = new java.util.ArrayList<>();
            for (BudgetOption o : winners()) {
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
    public List<BudgetOption> options(long cycleId) {
        return options(cycleId, null);
    }

    /** The options of one of the cycle's budgets ({@code budgetId} null: the city-wide one). */
    public List<BudgetOption> options(long cycleId, Long budgetId) {
        return allOptions(cycleId).stream().filter(o -> java.util.Objects.equals(o.getBudgetId(), budgetId)).toList();
    }

    /** Every option of the cycle, in all its budgets (codes are unique across them). */
    public List<BudgetOption> allOptions(long cycleId) {
        return em.createQuery("SELECT o FROM BudgetOption o WHERE o.cycleId = :c ORDER BY o.code", BudgetOption.class)
                .setParameter("c", cycleId).getResultList();
    }

    /**
     * A channel's ballots as the exports publish them: every ballot in the box, those an officer excluded from the
     * count marked with the public reason ({@link Ballot#getExcludedReason}; the entities are detached first, so the
     * mark never reaches the database).
     */
    public List<Ballot> exported(Budget budget, Ballot.Channel channel) {
        java.util.Map<String, String> excluded = exclusions(budget.cycleId());
        List<Ballot> box = ballots(budget, channel);
        box.forEach(b -> {
            em.detach(b);
            if (excluded.containsKey(b.getReceipt())) {
                b.markExcluded(excluded.get(b.getReceipt()));
            }
        });
        return box;
    }

    /** A channel's ballots in the city-wide budget (every jury ballot; residents' ballots not cast in a district's). */
    public List<Ballot> ballots(long cycleId, Ballot.Channel channel) {
        return ballots(cycleId, null, channel);
    }

    /** A channel's ballots in one budget's box. */
    public List<Ballot> ballots(Budget budget, Ballot.Channel channel) {
        return ballots(budget.cycleId(), budget.id(), channel);
    }

    private List<Ballot> ballots(long cycleId, Long budgetId, Ballot.Channel channel) {
        var query = em.createQuery("SELECT b FROM Ballot b WHERE b.cycleId = :c AND b.channel = :ch"
                + " AND b.superseded = false AND " + (budgetId == null ? "b.budgetId IS NULL" : "b.budgetId = :b")
                + " ORDER BY b.receipt", Ballot.class).setParameter("c", cycleId).setParameter("ch", channel);
        return (budgetId == null ? query : query.setParameter("b", budgetId)).getResultList();
    }

    /**
     * Whether the register holds this account for the channel (online, or a paper sheet that named them). Read on the
     * transaction's connection, as casting does on every ballot: rows this transaction added are seen once flushed.
     */
    public boolean isRegistered(long cycleId, Ballot.Channel channel, long accountId) {
        return register.row(cycleId, channel, null, accountId).isPresent();
    }

    public boolean hasVoted(long cycleId, Ballot.Channel channel, String username) {
        return accounts.idOf(username).map(id -> isRegistered(cycleId, channel, id)).orElse(false);
    }

    /** Whether this account has voted in the budget (a district budget's register; else the channel's). */
    public boolean hasVoted(Budget budget, Ballot.Channel channel, String username) {
        return budget.cityWide() ? hasVoted(budget.cycleId(), channel, username) : accounts.idOf(username)
                .flatMap(id -> register.row(budget.cycleId(), channel, budget.id(), id)).isPresent();
    }

    public Optional<Ballot> findByReceipt(String receipt) {
        return em.createQuery("SELECT b FROM Ballot b WHERE b.receipt = :r", Ballot.class)
                .setParameter("r", receipt).getResultStream().findFirst();
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
