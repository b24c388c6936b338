package org.civicloop.cycle;

import java.time.Instant;
import java.time.LocalDate;
import org.civicloop.kernel.Money;

/**
 * What other capabilities may know of a cycle: a read-only copy of the facts they act on (never the entity, which the
 * cycle capability alone changes). Read through {@link Cycles}.
 */
public record CycleView(long id, String council, String title, Phase phase, boolean published, boolean demo,
                        Long budgetAmount, String currency, CountingRule countingRule, boolean residentBallot,
                        boolean ballotChangeable, String decisionMaker, LocalDate feedbackPromiseDate,
                        String question, String feedbackPromiseHow, String feedbackChannel, Instant mandatePublishedAt,
                        Instant reportPublishedAt, String reportSummary, Instant createdAt, Long previousCycleId) {

    /** The view of a cycle its own capability holds (other capabilities get views through {@link Cycles}). */
    public static CycleView of(Cycle c) {
        return new CycleView(c.getId(), c.getCouncil(), c.getTitle(), c.getPhase(), c.isPublished(), c.isDemo(),
                c.getBudgetAmount(), c.getCurrency(), c.getCountingRule(), c.isResidentBallot(), c.isBallotChangeable(),
                c.getDecisionMaker(), c.getFeedbackPromiseDate(), c.getQuestion(), c.getFeedbackPromiseHow(),
                c.getFeedbackChannel(), c.getMandatePublishedAt(), c.getReportPublishedAt(), c.getReportSummary(),
                c.getCreatedAt(), c.getPreviousCycleId());
    }

    /** The mandate's budget (zero when none is set). */
    public Money budget() {
        return new Money(budgetAmount == null ? 0 : budgetAmount, currency);
    }

    public boolean mandatePublished() {
        return mandatePublishedAt != null;
    }

    public boolean reportPublished() {
        return reportPublishedAt != null;
    }
}
