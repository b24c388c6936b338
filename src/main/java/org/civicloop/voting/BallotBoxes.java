package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.audit.chain.MerkleTree;
import org.civicloop.identity.AccountService;

/**
 * The ballot boxes of a cycle, one per budget and channel, as the count, the exports and the receipts read them: the
 * ballots in each (a replaced ballot is in none), those an officer excluded marked, the box's Merkle tree, and who
 * voted (the register, never linked to a ballot).
 */
@ApplicationScoped
public class BallotBoxes {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    FlaggedBallots flagged;
    @Inject
    VoterRegister register;
    @Inject
    AccountService accounts;

    /** A channel's ballots in one budget's box ({@code budgetId} null: the city-wide one), in receipt order. */
    public List<Ballot> ballots(long cycleId, Long budgetId, Ballot.Channel channel) {
        var query = em.createQuery("SELECT b FROM Ballot b WHERE b.cycleId = :c AND b.channel = :ch"
                + " AND b.superseded = false AND " + (budgetId == null ? "b.budgetId IS NULL" : "b.budgetId = :b")
                + " ORDER BY b.receipt", Ballot.class).setParameter("c", cycleId).setParameter("ch", channel);
        return (budgetId == null ? query : query.setParameter("b", budgetId)).getResultList();
    }

    /** The ballots the count reads: those in the box, less any an officer excluded (the exports name them). */
    public List<Ballot> counted(Budget budget, Ballot.Channel channel) {
        Map<String, String> excluded = flagged.exclusions(budget.cycleId());
        return ballots(budget.cycleId(), budget.id(), channel).stream()
                .filter(b -> !excluded.containsKey(b.getReceipt())).toList();
    }

    /**
     * A channel's ballots as the exports publish them: every ballot in the box, those excluded from the count marked
     * with the public reason (the entities are detached first, so the mark never reaches the database).
     */
    public List<Ballot> exported(Budget budget, Ballot.Channel channel) {
        Map<String, String> excluded = flagged.exclusions(budget.cycleId());
        List<Ballot> box = ballots(budget.cycleId(), budget.id(), channel);
        box.forEach(b -> {
            em.detach(b);
            if (excluded.containsKey(b.getReceipt())) {
                b.markExcluded(excluded.get(b.getReceipt()));
            }
        });
        return box;
    }

    /**
     * The Merkle tree (RFC 9162 hashing) of a box's ballots, each leaf the canonical encoding of its receipt, channel
     * and ranking, in receipt order ({@link BallotLeaf}).
     */
    public MerkleTree tree(Budget budget, Ballot.Channel channel) {
        return BallotLeaf.tree(ballots(budget.cycleId(), budget.id(), channel).stream()
                .map(b -> new BallotLeaf.Entry(b.getReceipt(), b.getChannel().name(), b.getRanking())).toList());
    }

    public Optional<Ballot> findByReceipt(String receipt) {
        return em.createQuery("SELECT b FROM Ballot b WHERE b.receipt = :r", Ballot.class)
                .setParameter("r", receipt).getResultStream().findFirst();
    }

    /** Whether the register holds this account for the channel, on the transaction's connection. */
    public boolean isRegistered(long cycleId, Ballot.Channel channel, long accountId) {
        return register.row(cycleId, channel, null, accountId).isPresent();
    }

    /** Whether this account has voted in the budget (a district budget's register; else the channel's). */
    public boolean hasVoted(Budget budget, Ballot.Channel channel, String username) {
        return accounts.idOf(username).flatMap(id -> register.row(budget.cycleId(), channel, budget.id(), id))
                .isPresent();
    }
}
