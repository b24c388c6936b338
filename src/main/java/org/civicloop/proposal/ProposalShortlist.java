package org.civicloop.proposal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a cycle's shortlist was made from residents' proposals, for the jury's evidence pack: how many were proposed,
 * merged as duplicates, hidden, found unfeasible (each with its published reason), found feasible and selected as
 * options. A narrow read of public facts only; pages reach it as {@code #{shortlist.of(cycleId)}} (null when the
 * cycle had no proposals), so the evidence capability neither reads the proposal tables nor depends on this package.
 */
@Named("shortlist")
@RequestScoped
public class ProposalShortlist {

    /** A proposal on the shortlist or left off it, with what a reader needs: its id, title, option or reason. */
    public record Line(long proposalId, String title, String optionCode, String reason) {
    }

    /** The counts and the lines of a cycle's shortlist. */
    public record Summary(int proposed, int merged, int hidden, int assessed, List<Line> unfeasible,
                          List<Line> selected, List<Line> feasibleNotSelected) {
    }

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;

    private final Map<Long, Summary> byCycle = new HashMap<>();

    /** The cycle's shortlist, or null when nobody proposed anything. */
    public Summary of(long cycleId) {
        return byCycle.computeIfAbsent(cycleId, this::load);
    }

    private Summary load(long cycleId) {
        List<Proposal> all = em.createQuery("SELECT p FROM Proposal p WHERE p.cycleId = :c ORDER BY p.id",
                Proposal.class).setParameter("c", cycleId).getResultList();
        if (all.isEmpty()) {
            return null;
        }
        int merged = 0;
        int hidden = 0;
        int assessed = 0;
        List<Line> unfeasible = new ArrayList<>();
        List<Line> selected = new ArrayList<>();
        List<Line> waiting = new ArrayList<>();
        for (Proposal p : all) {
            if (p.isHidden()) {
                hidden++;
                continue;
            }
            if (p.getAssessedAt() != null) {
                assessed++;
            }
            switch (p.getStatus()) {
                case MERGED -> merged++;
                case UNFEASIBLE -> unfeasible.add(new Line(p.getId(), p.getTitle(), null, p.getReason()));
                case SELECTED -> selected.add(new Line(p.getId(), p.getTitle(), p.getOptionCode(), null));
                case FEASIBLE -> waiting.add(new Line(p.getId(), p.getTitle(), null, null));
                default -> { }
            }
        }
        return new Summary(all.size(), merged, hidden, assessed, List.copyOf(unfeasible), List.copyOf(selected),
                List.copyOf(waiting));
    }
}
