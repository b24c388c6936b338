package org.civicloop.measure;

import java.time.LocalDate;
import org.civicloop.cycle.ValueCell;

/** What an officer writes for a funded option's outcome objective. */
public record ObjectiveDraft(String outcome, ValueCell valueCell, String owner, String partners, String baseline,
                             String target, LocalDate reviewDate) {
}
