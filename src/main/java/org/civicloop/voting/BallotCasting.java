package org.civicloop.voting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.identity.AccountService;
import org.civicloop.jury.Juries;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;
import org.civicloop.kernel.Sql;

/**
 * Casting a secret ranked ballot: the register row (cycle, channel, account) is the database's guarantee of one
 * ballot per person and channel; the ballot itself holds no identity. Both rows get an audit entry with their digest:
 * the register's names the voter ({@code voting.voted}), the ballot's names nobody ({@code voting.ballotCast}, see
 * {@link AuditLog#recordBallotQueued}); the ballots are sealed into the chain as a Merkle root when the vote closes.
 */
@ApplicationScoped
public class BallotCasting {

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
    @Inject
    VoteOptions options;
    @Inject
    BallotBoxes boxes;
    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    /**
     * Casts (or changes) a ballot in one of the cycle's budgets, by its code (blank or {@value Budget#CITY}: the
     * city-wide one). A district budget takes residents' ballots only, from residents verified in its district.
     */
    @Transactional
    public Result<String> cast(Actor actor, long cycleId, Ballot.Channel channel, String budgetCode,
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
                k -> options.options(cycleId, budgetId).stream().map(BudgetOption::getCode)
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
            Ballot previous = boxes.findByReceipt(previousCode).orElse(null);
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
                    "cycle=" + cycleId + "; channel=" + channel + VotingService.boxDetail(budget));
        } else {
            long row = register.add(cycleId, channel, budgetId, accountId, ownership.tag(receipt));
            audit.recordCreationQueued(actor, "voting.voted", VoterRegister.table(budgetId), row, "cycle=" + cycleId + "; channel=" + channel + VotingService.boxDetail(budget));
        }
        Ballot ballot = new Ballot(cycleId, budgetId, channel, receipt, ranking,
                clock.instant().atZone(ZoneOffset.UTC).toLocalDate());
        if (channel == Ballot.Channel.RESIDENTS && campaigns.looksLikeACampaign(cycleId, ranking, clock.instant())) {
            ballot.flag();
        }
        insert(ballot);
        audit.recordBallotQueued("voting.ballotCast", ballot.getId(), "cycle=" + cycleId + "; channel=" + channel
                + VotingService.boxDetail(budget));
        return Result.done(receipt);
    }


    /** Stores a new ballot (every column of {@link Ballot}), on the transaction's connection. */
    private void insert(Ballot b) {
        Sql.update(dataSource, "INSERT INTO ballot (id, cycle_id, channel, receipt, ranking, cast_on, flagged,"
                        + " superseded, source, salt, budget_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", b.getId(),
                b.getCycleId(), b.getChannel(), b.getReceipt(), b.getRanking(), b.getCastOn(), b.isFlagged(),
                b.isSuperseded(), b.getSource(), b.getSalt(), b.getBudgetId());
    }

    static String newReceipt() {
        StringBuilder sb = new StringBuilder("R-");
        for (int i = 0; i < 12; i++) {
            sb.append(RECEIPT_ALPHABET.charAt(RANDOM.nextInt(RECEIPT_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The vote has closed: the option codes read for casting are no longer needed. */
    void forgetClosed(long cycleId) {
        campaigns.forget(cycleId);
        votingCodes.keySet().removeIf(k -> k.get(0) == cycleId);
    }
}
