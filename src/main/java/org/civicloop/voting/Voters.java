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
    @jakarta.inject.Inject
    Budgets budgets;

    /** Accounts that voted in this cycle, in either channel and in any of its budgets (city-wide or a district's). */
    public Set<Long> accounts(long cycleId) {
        return ids(em.createNativeQuery("SELECT account_id FROM voter_register WHERE cycle_id = ?1 UNION"
                        + " SELECT r.account_id FROM budget_register r JOIN budget b ON b.id = r.budget_id"
                        + " WHERE b.cycle_id = ?2").setParameter(1, cycleId).setParameter(2, cycleId)
                .getResultList());
    }

    /** Accounts that voted in any cycle other than this one (in any of its budgets). */
    public Set<Long> accountsElsewhere(long cycleId) {
        return ids(em.createNativeQuery("SELECT account_id FROM voter_register WHERE cycle_id <> ?1 UNION"
                        + " SELECT r.account_id FROM budget_register r JOIN budget b ON b.id = r.budget_id"
                        + " WHERE b.cycle_id <> ?2").setParameter(1, cycleId).setParameter(2, cycleId)
                .getResultList());
    }

    /**
     * How many people voted in one budget of a cycle: one of its budgets as {@link Budgets#budgets} lists it, with its
     * voters (the city-wide budget's: jurors and residents; a district's: its residents). {@code label} and
     * {@code district} are null for the city-wide budget.
     */
    public record Turnout(String code, String label, String district, long voters) {
    }

    /** Turnout per budget, city-wide first; one line for a cycle with one budget. */
    public List<Turnout> turnout(long cycleId) {
        List<Turnout> out = new java.util.ArrayList<>();
        for (Budget b : budgets.budgets(cycleId)) {
            Object n = b.cityWide()
                    ? em.createNativeQuery("SELECT COUNT(DISTINCT account_id) FROM voter_register WHERE cycle_id = ?1")
                            .setParameter(1, cycleId).getSingleResult()
                    : em.createNativeQuery("SELECT COUNT(*) FROM budget_register WHERE budget_id = ?1")
                            .setParameter(1, b.id()).getSingleResult();
            out.add(new Turnout(b.code(), b.label(), b.district(), ((Number) n).longValue()));
        }
        return out;
    }

    @Override
    public Set<Long> votedIn(Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return Set.of();
        }
        // the same people as accounts() counts, in these cycles: city-wide voters and those of a district's budget
        Set<Long> voted = ids(em.createQuery("SELECT DISTINCT r.accountId FROM VoterRegistration r"
                + " WHERE r.cycleId IN :ids", Long.class).setParameter("ids", List.copyOf(cycleIds)).getResultList());
        String idList = cycleIds.stream().map(id -> Long.toString(id)).collect(java.util.stream.Collectors.joining(","));
        voted.addAll(ids(em.createNativeQuery("SELECT DISTINCT r.account_id FROM budget_register r"
                + " JOIN budget b ON b.id = r.budget_id WHERE b.cycle_id IN (" + idList + ")").getResultList()));
        return voted;
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
