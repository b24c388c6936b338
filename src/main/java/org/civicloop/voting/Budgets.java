package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.civicloop.audit.AuditLog;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.EligibilityCheck;
import org.civicloop.kernel.Result;

/**
 * A cycle's budgets: the city-wide one (the cycle's own envelope and counting rule) and any district budgets an
 * officer defines, each with its envelope, counting rule and options. Residents vote in the city-wide budget and in
 * their own district's (the district comes from their verification, through the kernel's {@link EligibilityCheck}).
 */
@ApplicationScoped
public class Budgets {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,19}");

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    Cycles cycles;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;
    @Inject
    EligibilityCheck eligibility;

    /**
     * Defines a district's budget: a code (lower-case letters, digits and dashes; not {@value Budget#CITY}), a label,
     * one of the electorate's districts (one budget per district), an envelope above 0 and optionally its own counting
     * rule (else the mandate's). Officers only, before the vote opens.
     */
    @Transactional
    public Result<Budget> defineDistrictBudget(Actor actor, long cycleId, String code, String label, String district,
                                               long amount, CountingRule rule) {
        Result<CycleView> found = cycles.forOfficerLocked(actor, cycleId);
        if (!found.isDone()) {
            return found.map(c -> null);
        }
        CycleView cycle = found.value();
        if (cycle.phase().atLeast(Phase.VOTE)) {
            return Result.refused("refused.budget.phase");
        }
        String c = code == null ? "" : code.strip();
        if (!CODE.matcher(c).matches() || c.equals(Budget.CITY)) {
            return Result.refused("refused.budget.code");
        }
        if (label == null || label.isBlank() || label.strip().length() > 200) {
            return Result.refused("refused.budget.label");
        }
        String d = district == null ? "" : district.strip();
        if (!eligibility.districts(cycleId).contains(d)) {
            return Result.refused("refused.budget.district");
        }
        if (amount <= 0 || amount > 1_000_000_000_000L) {
            return Result.refused("refused.budget.amount");
        }
        for (Budget b : budgets(cycleId)) {
            if (b.code().equals(c) || d.equals(b.district())) {
                return Result.refused("refused.budget.duplicate");
            }
        }
        DistrictBudget row = new DistrictBudget(cycleId, c, label.strip(), d, amount, rule, clock.instant());
        em.persist(row);
        em.flush();
        audit.record(actor, "voting.budgetDefined", "budget", row.getId(), null, "cycle=" + cycleId + "; code=" + c
                + "; amount=" + amount + (rule == null ? "" : "; rule=" + rule.cliName()));
        return Result.done(Budget.of(row, cycle));
    }

    /** The cycle's budgets: the city-wide one first, then the districts' by code. */
    public List<Budget> budgets(long cycleId) {
        CycleView cycle = cycles.find(cycleId).orElse(null);
        if (cycle == null) {
            return List.of();
        }
        List<Budget> out = new ArrayList<>();
        out.add(Budget.cityWide(cycle));
        districtRows(cycleId).forEach(b -> out.add(Budget.of(b, cycle)));
        return out;
    }

    /** Whether the cycle has district budgets (pages then show a budget's name beside its results). */
    public boolean hasDistrictBudgets(long cycleId) {
        return !districtRows(cycleId).isEmpty();
    }

    /** A budget by its code; blank or {@value Budget#CITY}: the city-wide budget. Empty when the cycle has none such. */
    public Optional<Budget> find(long cycleId, String code) {
        String c = code == null || code.isBlank() ? Budget.CITY : code.strip();
        return budgets(cycleId).stream().filter(b -> b.code().equals(c)).findFirst();
    }

    /** The budget of a district, if the cycle has one. */
    public Optional<Budget> ofDistrict(long cycleId, String district) {
        return district == null ? Optional.empty()
                : budgets(cycleId).stream().filter(b -> district.equals(b.district())).findFirst();
    }

    /** The budget with this id (null: the city-wide one). */
    public Optional<Budget> byId(long cycleId, Long id) {
        return budgets(cycleId).stream().filter(b -> java.util.Objects.equals(b.id(), id)).findFirst();
    }

    /** The budget of each of the cycle's options, by option id (every option is in one budget). */
    public java.util.Map<Long, Budget> byOption(long cycleId) {
        java.util.Map<Long, Budget> byId = new java.util.HashMap<>();
        List<Budget> all = budgets(cycleId);
        Budget city = all.get(0);
        all.forEach(b -> byId.put(b.id(), b));
        java.util.Map<Long, Budget> out = new java.util.HashMap<>();
        em.createQuery("SELECT o FROM BudgetOption o WHERE o.cycleId = :c", BudgetOption.class)
                .setParameter("c", cycleId).getResultList()
                .forEach(o -> out.put(o.getId(), o.getBudgetId() == null ? city : byId.getOrDefault(o.getBudgetId(),
                        city)));
        return out;
    }

    /**
     * A district budget by its code, for casting (a busy path): one query, no cycle loaded, so its {@code rule} is only
     * its own (null: the mandate's), which casting does not need.
     */
    Optional<Budget> districtForCasting(long cycleId, String code) {
        return em.createQuery("SELECT b FROM DistrictBudget b WHERE b.cycleId = :c AND b.code = :code",
                        DistrictBudget.class).setParameter("c", cycleId).setParameter("code", code).getResultStream()
                .findFirst().map(b -> new Budget(b.getId(), cycleId, b.getCode(), b.getLabel(), b.getDistrict(),
                        b.getAmount(), b.getCountingRule()));
    }

    private List<DistrictBudget> districtRows(long cycleId) {
        return em.createQuery("SELECT b FROM DistrictBudget b WHERE b.cycleId = :c ORDER BY b.code",
                DistrictBudget.class).setParameter("c", cycleId).getResultList();
    }
}
