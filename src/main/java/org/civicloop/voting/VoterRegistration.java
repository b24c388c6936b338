package org.civicloop.voting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The register of who has voted in a channel: its primary key makes a second ballot impossible. */
@Entity
@Table(name = "voter_register")
@IdClass(VoterRegistration.Key.class)
public class VoterRegistration {

    /** The composite key (cycle, channel, account). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        Long cycleId;
        Ballot.Channel channel;
        Long accountId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(cycleId, k.cycleId) && channel == k.channel
                    && java.util.Objects.equals(accountId, k.accountId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(cycleId, channel, accountId);
        }
    }

    @Id
    @Column(name = "cycle_id")
    private Long cycleId;
    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "channel")
    private Ballot.Channel channel;
    @Id
    @Column(name = "account_id")
    private Long accountId;

    /** Random, for the row's audit entry to name (the key itself names the account). */
    @Column(name = "id")
    private Long rowId;
    /** Random: the row's digest in the public audit log cannot be recomputed from a list of accounts. */
    private String salt;
    /** The HMAC of the receipt of the voter's ballot (online only), see {@link BallotOwnership}. */
    @Column(name = "owner_tag")
    private String ownerTag;

    protected VoterRegistration() {
    }

    VoterRegistration(Long cycleId, Ballot.Channel channel, Long accountId) {
        this.cycleId = cycleId;
        this.channel = channel;
        this.accountId = accountId;
        this.rowId = VotingService.randomId();
        this.salt = VotingService.salt();
    }

    public Long getRowId() { return rowId; }
}
