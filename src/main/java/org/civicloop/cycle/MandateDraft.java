package org.civicloop.cycle;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scalar part of a cycle's mandate, as an officer fills it in: the three questions (purpose, to whom we are
 * accountable, how we will know we succeeded — the last as {@link SuccessCriterion}s), the remit question, the
 * budget, the ladder level, the public value cells, the strategic triangle's operational capacity, the counting
 * rule and the feedback promise. Decision items, criteria and stakeholders are kept as their own rows.
 */
public record MandateDraft(String title, String question, String purpose, String accountableOfficer,
                           String decisionMaker, String partnerAgencies, Long budgetAmount, String currency,
                           LadderLevel ladderLevel, Set<ValueCell> valueCells, CountingRule countingRule,
                           boolean residentBallot, boolean ballotChangeable, Integer staffHours, String skills, Long engagementCost,
                           LocalDate feedbackPromiseDate, String feedbackPromiseHow, String feedbackChannel) {

    public MandateDraft {
        valueCells = valueCells == null || valueCells.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(valueCells));
    }

    /** A draft with only the essentials (the rest can be filled in later). */
    public static MandateDraft basic(String title, String question, Long budgetAmount, String currency) {
        return new MandateDraft(title, question, null, null, null, null, budgetAmount, currency, null, Set.of(), null,
                true, false, null, null, null, null, null, null);
    }

    /** Every field as text, in a fixed order: what amendments compare and record. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("question", question);
        m.put("purpose", purpose);
        m.put("accountableOfficer", accountableOfficer);
        m.put("decisionMaker", decisionMaker);
        m.put("partnerAgencies", partnerAgencies);
        m.put("budgetAmount", budgetAmount == null ? null : budgetAmount.toString());
        m.put("currency", currency);
        m.put("ladderLevel", ladderLevel == null ? null : ladderLevel.name());
        m.put("valueCells", valueCells.isEmpty() ? null
                : valueCells.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        m.put("countingRule", countingRule == null ? null : countingRule.name());
        m.put("residentBallot", Boolean.toString(residentBallot));
        m.put("ballotChangeable", Boolean.toString(ballotChangeable));
        m.put("staffHours", staffHours == null ? null : staffHours.toString());
        m.put("skills", skills);
        m.put("engagementCost", engagementCost == null ? null : engagementCost.toString());
        m.put("feedbackPromiseDate", feedbackPromiseDate == null ? null : feedbackPromiseDate.toString());
        m.put("feedbackPromiseHow", feedbackPromiseHow);
        m.put("feedbackChannel", feedbackChannel);
        return m;
    }
}
