package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EvidenceCitations;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/**
 * The costed options of a cycle's budgets: officers define and describe them before the vote opens; from VOTE on they
 * are frozen, and casting, the count and the exports read them.
 */
@ApplicationScoped
public class VoteOptions {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,20}");

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycleViews;
    @Inject
    EvidenceCitations evidenceCitations;
    @Inject
    Budgets budgets;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Defines a costed option in one of the cycle's budgets (by its code; {@value Budget#CITY}: the city-wide one). */
    @Transactional
    public Result<BudgetOption> define(Actor actor, long cycleId, String budgetCode, String code, String title,
                                       String description, long cost) {
        Result<CycleView> found = cycleViews.forOfficer(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        CycleView cycle = found.value();
        if (cycle.phase().atLeast(Phase.VOTE)) {
            return Result.refused("refused.option.phase");
        }
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            return Result.refused("refused.option.code");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            return Result.refused("refused.option.title");
        }
        if (description != null && description.length() > 4000) {
            return Result.refused("refused.option.description");
        }
        if (cost <= 0 || cost > 1_000_000_000_000L) {
            return Result.refused("refused.option.cost");
        }
        Budget budget = budgets.find(cycleId, budgetCode).orElse(null);
        if (budget == null) {
            return Result.refused("refused.budget.unknown");
        }
        if (allOptions(cycleId).stream().anyMatch(o -> o.getCode().equalsIgnoreCase(code.strip()))) {
            return Result.refused("refused.option.duplicate");
        }
        BudgetOption option = new BudgetOption(cycleId, budget.id(), code.strip(), title.strip(),
                description == null || description.isBlank() ? null : description.strip(), cost, clock.instant());
        em.persist(option);
        em.flush();
        audit.record(actor, "voting.optionDefined", "budget_option", option.getId(), null, "cycle=" + cycleId
                + (budget.cityWide() ? "" : "; budget=" + budget.code()));
        return Result.done(option);
    }

    /** Describes an option's public value chain, the groups it affects and its knock-on costs (before voting). */
    @Transactional
    public Result<BudgetOption> describe(Actor actor, long optionId, OptionProfile profile) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        BudgetOption option = em.find(BudgetOption.class, optionId);
        if (option == null) {
            return Result.refused("refused.option.unknown");
        }
        CycleView cycle = cycleViews.find(option.getCycleId()).orElse(null);
        if (cycle.phase().atLeast(Phase.VOTE)) {
            return Result.refused("refused.option.phase");
        }
        for (String text : new String[]{profile.inputs(), profile.activities(), profile.outputs(), profile.outcomes(),
                profile.groupsAffected(), profile.knockOnCosts()}) {
            if (text != null && text.length() > 2000) {
                return Result.refused("refused.option.profileTooLong");
            }
        }
        for (Long evidenceId : profile.evidenceIds()) {
            if (evidenceId == null || !evidenceCitations.citable(evidenceId, option.getCycleId())) {
                return Result.refused("refused.option.evidence");
            }
        }
        String before = audit.digestOf("budget_option", optionId);
        option.describe(new OptionProfile(profile.valueCells(), blankToNull(profile.inputs()),
                blankToNull(profile.activities()), blankToNull(profile.outputs()), blankToNull(profile.outcomes()),
                blankToNull(profile.groupsAffected()), blankToNull(profile.knockOnCosts()), profile.evidenceIds()));
        audit.record(actor, "voting.optionDescribed", "budget_option", optionId, before, null);
        return Result.done(option);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The options of one of the cycle's budgets ({@code budgetId} null: the city-wide one). */
    public List<BudgetOption> options(long cycleId, Long budgetId) {
        return allOptions(cycleId).stream().filter(o -> Objects.equals(o.getBudgetId(), budgetId)).toList();
    }

    /** Every option of the cycle, in all its budgets (codes are unique across them). */
    public List<BudgetOption> allOptions(long cycleId) {
        return em.createQuery("SELECT o FROM BudgetOption o WHERE o.cycleId = :c ORDER BY o.code", BudgetOption.class)
                .setParameter("c", cycleId).getResultList();
    }
}
