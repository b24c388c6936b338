package org.civicloop.proposal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;

/**
 * Which proposal a budget option came from, for the pages of other capabilities (the ballot page, the results): a
 * narrow read, one query per cycle and request, answering only the proposal's id and the name its proposer chose to
 * be credited with (null: "a resident"). Pages reach it as {@code #{optionOrigins.of(cycleId, optionCode)}}, so the
 * voting capability neither reads the proposal tables nor depends on this package (the proposal capability depends on
 * voting to define options, and capabilities must not depend on each other both ways).
 */
@Named("optionOrigins")
@RequestScoped
public class ProposalOrigins {

    /** The proposal an option came from and how its proposer is credited (null: as "a resident"). */
    public record Origin(long proposalId, String credit) {
    }

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    private final Map<Long, Map<String, Origin>> byCycle = new HashMap<>();

    /** The option's origin, or null when officers wrote the option themselves. */
    public Origin of(long cycleId, String optionCode) {
        return byCycle.computeIfAbsent(cycleId, this::load).get(optionCode);
    }

    private Map<String, Origin> load(long cycleId) {
        Map<String, Origin> out = new HashMap<>();
        em.createQuery("SELECT p.optionCode, p.id, p.credit FROM Proposal p WHERE p.cycleId = :c"
                        + " AND p.optionCode IS NOT NULL", Object[].class).setParameter("c", cycleId).getResultList()
                .forEach(r -> out.put((String) r[0], new Origin((Long) r[1], (String) r[2])));
        return out;
    }
}
