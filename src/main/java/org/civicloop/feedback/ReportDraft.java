package org.civicloop.feedback;

import java.time.LocalDate;

/**
 * What an officer writes when publishing (or correcting) a report; everything else comes from the cycle.
 *
 * @param summary   what changed because of residents, in plain words
 * @param nextSteps what happens next
 * @param nextDate  when the next step is due (optional)
 */
public record ReportDraft(String summary, String nextSteps, LocalDate nextDate) {
}
