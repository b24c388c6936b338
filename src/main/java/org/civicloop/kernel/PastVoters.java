package org.civicloop.kernel;

import java.util.Collection;
import java.util.Set;

/**
 * The port through which the jury asks who voted in earlier cycles (to count repeat participants); voting answers it
 * ({@code voting.Voters}) from its voter register. Voting depends on the jury (jurors' ballots), so the jury asks
 * through this port and needs no dependency on voting. Never says how anyone voted.
 */
public interface PastVoters {

    /** The accounts that cast a ballot, in either channel, in any of these cycles. */
    Set<Long> votedIn(Collection<Long> cycleIds);
}
