package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicloop.kernel.PastVoters;

/**
 * Who voted, as accounts, for other capabilities (measure counts participants): read from the voter register, which
 * stays voting's own table. Never says how anyone voted: ballots are not linked to the register (docs/audit.md).
 */
@ApplicationScoped
public class Voters implements PastVoters {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    /** Accounts that voted in this cycle, in either channel. */
    public Set<Long> accounts(long cycleId) {
        return ids(em.createNativeQuery("SELECT account_id FROM voter_register WHERE cycle_id = ?1")
                .setParameter(1, cycleId).getResultList());
    }

    /** Accounts that voted in any cycle other than this one. */
    public Set<Long> accountsElsewhere(long cycleId) {
        return ids(em.createNativeQuery("SELECT DISTINCT account_id FROM voter_register WHERE cycle_id <> ?1")
                .setParameter(1, cycleId).getResultList());
    }

    @Override
    public Set<Long> votedIn(Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return Set.of();
        }
        return ids(em.createQuery("SELECT DISTINCT r.accountId FROM VoterRegistration r WHERE r.cycleId IN :ids",
                Long.class).setParameter("ids", List.copyOf(cycleIds)).getResultList());
    }

    private static Set<Long> ids(List<?> rows) {
        Set<Long> out = new HashSet<>();
        for (Object n : rows) {
            if (n != null) {
                out.add(((Number) n).longValue());
            }
        }
        return out;
    }
}
