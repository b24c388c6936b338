package org.civicloop.cycle;

import java.time.LocalDate;

/** What an officer fills in for a cycle's mandate (the authorise issue grows it). */
public record MandateDraft(String title, String question, String purpose, String accountableOfficer,
                           Long budgetAmount, String currency, LocalDate feedbackPromiseDate,
                           String feedbackPromiseHow) {
}
