package org.civicloop.jury;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The retention rule for a jury's personal data: it is deleted {@code days} after the cycle closes. Plain Java, so
 * the rule can be checked at any moment one likes.
 */
public record RetentionRule(int days) {

    public RetentionRule {
        if (days < 0) {
            throw new IllegalArgumentException("Retention days must not be negative: " + days);
        }
    }

    /** When the personal data of a cycle closed at {@code closedAt} must be gone. */
    public Instant deadline(Instant closedAt) {
        return closedAt.plus(Duration.ofDays(days));
    }

    /** Whether a cycle closed at {@code closedAt} (empty: not closed) is due for deletion at {@code now}. */
    public boolean isDue(Optional<Instant> closedAt, Instant now) {
        return closedAt.isPresent() && !now.isBefore(deadline(closedAt.get()));
    }
}
