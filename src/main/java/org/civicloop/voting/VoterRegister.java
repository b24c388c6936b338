package org.civicloop.voting;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import javax.sql.DataSource;
import org.civicloop.kernel.Sql;

/**
 * Who has voted, per box: the city-wide budget's register per channel ({@code voter_register}) and each district
 * budget's ({@code budget_register}). Its keys are the database's guarantee of one ballot per person and box; a row
 * never says how anyone voted. Plain statements on the transaction's connection (casting is a busy path).
 */
@ApplicationScoped
class VoterRegister {

    @Resource(lookup = "jdbc/civicloop")
    DataSource dataSource;

    /** A voter's register row: its random id (null for rows older than V21) and the tag of their ballot's receipt. */
    record Row(Long id, String ownerTag) {
    }

    /** The audited table of a box's register. */
    static String table(Long budgetId) {
        return budgetId == null ? "voter_register" : "budget_register";
    }

    /**
     * Adds the voter to the box's register. A concurrent second ballot of the same person fails here on the primary
     * key (SQLState 23xxx), which the callers answer as "already voted".
     */
    long add(long cycleId, Ballot.Channel channel, Long budgetId, long accountId, String ownerTag) {
        long id = VotingService.randomId();
        if (budgetId != null) {
            Sql.update(dataSource, "INSERT INTO budget_register (budget_id, account_id, id, salt, owner_tag)"
                    + " VALUES (?, ?, ?, ?, ?)", budgetId, accountId, id, VotingService.salt(), ownerTag);
        } else {
            Sql.update(dataSource, "INSERT INTO voter_register (cycle_id, channel, account_id, id, salt, owner_tag)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", cycleId, channel, accountId, id, VotingService.salt(), ownerTag);
        }
        return id;
    }

    /** The account's row in the box's register (rows this transaction added are seen once flushed). */
    Optional<Row> row(long cycleId, Ballot.Channel channel, Long budgetId, long accountId) {
        if (budgetId != null) {
            return Sql.first(dataSource, "SELECT id, owner_tag FROM budget_register WHERE budget_id = ?"
                    + " AND account_id = ?", rs -> new Row(rs.getLong(1), rs.getString(2)), budgetId, accountId);
        }
        return Sql.first(dataSource, "SELECT id, owner_tag FROM voter_register WHERE cycle_id = ? AND channel = ?"
                        + " AND account_id = ?", rs -> new Row(rs.getObject(1) == null ? null : rs.getLong(1),
                        rs.getString(2)), cycleId, channel, accountId);
    }

    /** Moves a row's owner tag to the receipt of the voter's new ballot (a changed ballot). */
    void retag(Long budgetId, long rowId, String ownerTag) {
        Sql.update(dataSource, "UPDATE " + table(budgetId) + " SET owner_tag = ? WHERE id = ?", ownerTag, rowId);
    }
}
