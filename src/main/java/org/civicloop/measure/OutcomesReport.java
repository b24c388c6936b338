package org.civicloop.measure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.cycle.ValueCell;
import org.civicloop.voting.Budget;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.Budgets;
import org.civicloop.voting.VotingService;

/**
 * A cycle's results and accountability report as one read model: per funded option its objective, progress,
 * milestones, indicators with readings, charts and review comments, and providers' value accounts. The public page,
 * the JSON and the CSV all read this. Only objectives whose indicator set is published are public.
 */
@ApplicationScoped
public class OutcomesReport {

    @Inject
    MeasureService measure;
    @Inject
    AccountabilityService accountability;
    @Inject
    ParticipationMeasures participation;
    @Inject
    VotingService voting;
    @Inject
    Budgets budgets;

    public record ReadingView(long id, LocalDate measuredOn, BigDecimal amount, String value, String explanation,
                              Instant recordedAt) {
    }

    public record CommentView(String quarter, String comment, Instant createdAt) {
    }

    public record IndicatorView(long id, String name, IndicatorKind kind, String unit, String source,
                                Frequency frequency, String gamingRisk, String counterIndicator, BigDecimal baseline,
                                BigDecimal target, List<ReadingView> readings, List<CommentView> comments,
                                Chart chart) {
    }

    public record MilestoneView(long id, String title, LocalDate dueOn, LocalDate doneOn) {
    }

    public record PromiseView(long id, ValueDimension dimension, String promise, String delivered,
                              PromiseVerdict verdict, String evidence) {
    }

    public record AccountView(long id, String provider, int year, String summary, List<PromiseView> promises) {
    }

    /** The progress of a funded option; {@code spendPercent} is spend against the option's budget (cost). */
    public record ProgressView(ProgressStatus status, int percentComplete, long spend, long budget,
                               int spendPercent, String note, Instant updatedAt) {
    }

    public record ObjectiveView(long id, String optionCode, String optionTitle, String outcome, ValueCell valueCell,
                                String owner, String partners, String baseline, String target, LocalDate reviewDate,
                                boolean setPublished, ProgressView progress, List<MilestoneView> milestones,
                                List<IndicatorView> indicators, List<AccountView> accounts, String budgetCode,
                                String budgetLabel) {
    }

    /**
     * A cycle's objectives grouped by the budget that funded their option (city-wide first, then each district's,
     * as {@link Budgets#budgets} orders them); only budgets with objectives. {@code label} is null for the city-wide
     * budget.
     */
    public record BudgetGroup(String code, String label, String district, List<ObjectiveView> objectives) {
        public boolean cityWide() {
            return district == null;
        }
    }

    /** The objectives grouped by budget (one group, the city-wide one, for a cycle with one budget). */
    public List<BudgetGroup> byBudget(long cycleId, boolean publishedOnly) {
        return group(cycleId, objectives(cycleId, publishedOnly));
    }

    /** These objectives of the cycle grouped by budget, as {@link #byBudget}. */
    public List<BudgetGroup> group(long cycleId, List<ObjectiveView> all) {
        List<BudgetGroup> out = new java.util.ArrayList<>();
        for (Budget b : budgets.budgets(cycleId)) {
            List<ObjectiveView> of = all.stream().filter(o -> b.code().equals(o.budgetCode())).toList();
            if (!of.isEmpty()) {
                out.add(new BudgetGroup(b.code(), b.label(), b.district(), of));
            }
        }
        return out;
    }

    /** The objectives of a cycle; {@code publishedOnly} leaves out those whose indicator set is not published. */
    public List<ObjectiveView> objectives(long cycleId, boolean publishedOnly) {
        // every budget's options: a district budget's funded options are measured as the city-wide budget's are
        Map<Long, CostedOption> options = voting.allOptions(cycleId).stream()
                .collect(Collectors.toMap(CostedOption::getId, Function.identity()));
        Map<Long, Budget> budgetOf = budgets.byOption(cycleId);
        Map<Long, List<ReviewComment>> comments = participation.comments(cycleId).stream()
                .collect(Collectors.groupingBy(ReviewComment::getIndicatorId));
        List<ValueAccount> accounts = accountability.accounts(cycleId);
        return measure.objectives(cycleId).stream().filter(o -> !publishedOnly || o.isSetPublished()).map(o -> {
            CostedOption option = options.get(o.getOptionId());
            long budget = option == null ? 0 : option.getCost();
            ProgressView progress = new ProgressView(o.getStatus(), o.getPercentComplete(), o.getSpend(), budget,
                    budget == 0 ? 0 : (int) Math.round(100.0 * o.getSpend() / budget), o.getProgressNote(),
                    o.getProgressAt());
            List<MilestoneView> milestones = measure.milestones(o.getId()).stream()
                    .map(m -> new MilestoneView(m.getId(), m.getTitle(), m.getDueOn(), m.getDoneOn())).toList();
            List<IndicatorView> indicators = measure.indicators(o.getId()).stream().map(i -> {
                List<IndicatorReading> readings = measure.readingsOf(i.getId());
                List<ReadingView> rv = readings.stream().map(r -> new ReadingView(r.getId(), r.getMeasuredOn(),
                        r.getAmount(), r.getReadingValue(), r.getExplanation(), r.getRecordedAt())).toList();
                List<CommentView> cv = comments.getOrDefault(i.getId(), List.of()).stream()
                        .map(c -> new CommentView(c.getQuarter(), c.getComment(), c.getCreatedAt())).toList();
                Chart chart = Chart.of(readings.stream().filter(r -> r.getAmount() != null)
                        .map(r -> new Chart.Point(r.getMeasuredOn(), r.getAmount())).toList(), i.getBaseline(),
                        i.getTarget());
                return new IndicatorView(i.getId(), i.getName(), i.getKind(), i.getUnit(), i.getSource(),
                        i.getFrequency(), i.getGamingRisk(), i.getCounterIndicator(), i.getBaseline(), i.getTarget(),
                        rv, cv, chart);
            }).toList();
            List<AccountView> av = accounts.stream().filter(a -> a.getObjectiveId().equals(o.getId()))
                    .map(a -> new AccountView(a.getId(), a.getProvider(), a.getAccountYear(), a.getSummary(),
                            accountability.promises(a.getId()).stream().map(p -> new PromiseView(p.getId(),
                                    p.getDimension(), p.getPromise(), p.getDelivered(), p.getVerdict(),
                                    p.getEvidence())).toList())).toList();
            return new ObjectiveView(o.getId(), option == null ? "" : option.getCode(),
                    option == null ? "" : option.getTitle(), o.getOutcome(), o.getValueCell(), o.getOwner(),
                    o.getPartners(), o.getBaseline(), o.getTarget(), o.getReviewDate(), o.isSetPublished(), progress,
                    milestones, indicators, av, inBudget(budgetOf, o.getOptionId()).code(),
                    inBudget(budgetOf, o.getOptionId()).label());
        }).toList();
    }

    /** The budget of an objective's option (the city-wide one when the option is unknown). */
    private static Budget inBudget(Map<Long, Budget> budgetOf, Long optionId) {
        Budget b = optionId == null ? null : budgetOf.get(optionId);
        return b == null ? new Budget(null, 0, Budget.CITY, null, null, 0, null) : b;
    }

    /** Readings recorded before indicators existed (an upgraded database): name, text value and explanation. */
    public List<IndicatorReading> earlierReadings(long cycleId) {
        return measure.readings(cycleId).stream().filter(r -> r.getIndicatorId() == null).toList();
    }
}
