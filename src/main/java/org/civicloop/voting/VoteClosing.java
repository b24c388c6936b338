package org.civicloop.voting;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import javax.sql.DataSource;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.MerkleTree;
import org.civicloop.cycle.Phase;
import org.civicloop.cycle.PhaseChanged;
import org.civicloop.kernel.Sql;

/**
 * When the cycle leaves VOTE, in the transaction of the phase change: each ballot box is sealed into the audit chain
 * (its Merkle root, ballots and register size) and each budget's channel is counted once and stored
 * ({@link StoredCounts}). This observer runs before the other capabilities' ({@code @Priority} APPLICATION; theirs
 * have APPLICATION + 500), so the recommendations and the proposals' fates made on entering DECIDE read the stored
 * count.
 */
@ApplicationScoped
public class VoteClosing {

    @Inject
    BallotCasting casting;
    @Inject
    BallotBoxes boxes;
    @Inject
    Budgets budgets;
    @Inject
    StoredCounts counts;
    @Inject
    AuditLog audit;
    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    void onPhaseChanged(@Observes @Priority(Interceptor.Priority.APPLICATION) PhaseChanged event) {
        if (event.from() != Phase.VOTE) {
            return;
        }
        long cycleId = event.cycle().id();
        casting.forgetClosed(cycleId);
        for (Budget budget : budgets.budgets(cycleId)) {
            for (Ballot.Channel channel : StoredCounts.channels(budget)) {
                MerkleTree tree = boxes.tree(budget, channel);
                long register = budget.cityWide()
                        ? Sql.first(dataSource, "SELECT COUNT(*) FROM voter_register WHERE cycle_id = ?"
                        + " AND channel = ?", rs -> rs.getLong(1), cycleId, channel).orElse(0L)
                        // a district budget's box: residents' ballots only, its own register
                        : Sql.first(dataSource, "SELECT COUNT(*) FROM budget_register WHERE budget_id = ?",
                        rs -> rs.getLong(1), budget.id()).orElse(0L);
                audit.note(event.actor(), "voting.ballotBoxSealed", "cycle", Long.toString(cycleId),
                        "channel=" + channel + VotingService.boxDetail(budget)
                                + (budget.cityWide() ? "" : "; budgetId=" + budget.id()) + "; ballots=" + tree.size()
                                + "; root=" + tree.rootHex() + "; register=" + register);
            }
        }
        counts.storeMissing(cycleId, event.actor(), null);
    }
}
