package org.civicloop.measure;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.civicloop.deliberation.PreferenceShift;

/**
 * How well the engagement itself worked, computed from a cycle's real data (plain Java, no container). Every figure
 * is {@code null} when the data it needs was not recorded, so pages can say "not recorded" rather than show zero.
 * The formulas are in docs/measure.md.
 */
public final class EngagementMetrics {

    private EngagementMetrics() {
    }

    /** One quota line of the jury draw: the band [min, max] for a category value and how many jurors have it. */
    public record QuotaLine(String feature, String value, int min, int max, long jury) {
    }

    /**
     * Representativeness gap in percentage points: the mean, over the quota lines, of |jury share − target share|,
     * where a line's jury share is jury / panel and its target share is the midpoint of its band ((min + max) / 2)
     * over the panel size. Null without quotas or without a jury.
     */
    public static Double representativenessGap(List<QuotaLine> lines, int panelSize) {
        if (lines.isEmpty() || panelSize <= 0) {
            return null;
        }
        double sum = 0;
        for (QuotaLine l : lines) {
            double target = (l.min() + l.max()) / 2.0 / panelSize;
            sum += Math.abs((double) l.jury() / panelSize - target);
        }
        return round(100 * sum / lines.size(), 1);
    }

    /** How many quota lines the jury falls outside of (0 when every band is met). */
    public static int quotaBreaches(List<QuotaLine> lines) {
        return (int) lines.stream().filter(l -> l.jury() < l.min() || l.jury() > l.max()).count();
    }

    /**
     * Repeat-participant share in percent: of the accounts that took part in this cycle, the share that also took
     * part in at least one other cycle. Null when nobody took part.
     */
    public static Double repeatShare(Set<Long> participants, Set<Long> inOtherCycles) {
        if (participants.isEmpty()) {
            return null;
        }
        long repeat = participants.stream().filter(inOtherCycles::contains).count();
        return round(100.0 * repeat / participants.size(), 1);
    }

    /** The headline figures of a cycle's preference shift. */
    public record ShiftSummary(double meanAbsoluteShift, double changedShare, int answers) {
    }

    /**
     * Preference shift over every statement and option: the mean absolute shift of the mean answer, weighted by the
     * people who answered both before and after (Σ|shift|·n / Σn), and the share of those answers that changed
     * (Σchanged / Σn, percent). Null when no before/after answers were recorded.
     */
    public static ShiftSummary preferenceShift(PreferenceShift shift) {
        if (shift == null || shift.isEmpty()) {
            return null;
        }
        double weighted = 0;
        int answers = 0;
        int changed = 0;
        for (List<PreferenceShift.ItemShift> items : List.of(shift.statements(), shift.options())) {
            for (PreferenceShift.ItemShift i : items) {
                weighted += Math.abs(i.meanShift()) * i.respondents();
                answers += i.respondents();
                changed += i.changed();
            }
        }
        if (answers == 0) {
            return null;
        }
        return new ShiftSummary(round(weighted / answers, 2), round(100.0 * changed / answers, 1), answers);
    }

    /** Recommendations and the council's responses. */
    public record Adoption(int recommendations, int adopted, int modified, int answered, Double adoptedOrModifiedShare) {
    }

    /**
     * Share of recommendations adopted or modified, in percent of all the cycle's recommendations (unanswered ones
     * count against it). The responses are the enum names (ADOPTED, MODIFIED, REJECTED, DEFERRED) or null.
     */
    public static Adoption adoption(Collection<String> responses) {
        int adopted = (int) responses.stream().filter("ADOPTED"::equals).count();
        int modified = (int) responses.stream().filter("MODIFIED"::equals).count();
        int answered = (int) responses.stream().filter(java.util.Objects::nonNull).count();
        Double share = responses.isEmpty() ? null : round(100.0 * (adopted + modified) / responses.size(), 1);
        return new Adoption(responses.size(), adopted, modified, answered, share);
    }

    /** Days from the decision to the published report, against the days the mandate promised. */
    public record FeedbackTiming(long daysTaken, long daysPromised, long daysLate) {
    }

    /**
     * Days to feedback vs promise, counted from the day the cycle reached its decision (entered DECIDE): days taken
     * to publish the report, days the promise allowed, and days late (negative when early). Null until the report is
     * published, or when the cycle has no promise date or never reached its decision.
     */
    public static FeedbackTiming feedbackTiming(LocalDate decided, LocalDate promised, LocalDate published) {
        if (decided == null || promised == null || published == null) {
            return null;
        }
        long taken = ChronoUnit.DAYS.between(decided, published);
        long allowed = ChronoUnit.DAYS.between(decided, promised);
        return new FeedbackTiming(taken, allowed, ChronoUnit.DAYS.between(promised, published));
    }

    /** Engagement costs in the ledger divided by participants (whole currency units, 2 decimals); null if nobody. */
    public static Double costPerParticipant(long costs, int participants) {
        return participants <= 0 ? null : round((double) costs / participants, 2);
    }

    /** The trust survey's totals. */
    public record TrustSummary(int answers, Double meanTrust, Double meanHeard, Double againShare,
                               Double trustingShare) {
    }

    /** One answer: trust in the process (1-5), felt heard (1-5), would take part again. */
    public record TrustPoint(int trust, int heard, boolean again) {
    }

    /**
     * Trust survey: mean trust and mean "felt heard" (1-5), share who would take part again and share trusting the
     * process (answering 4 or 5), in percent. Means and shares are null without answers.
     */
    public static TrustSummary trust(List<TrustPoint> answers) {
        if (answers.isEmpty()) {
            return new TrustSummary(0, null, null, null, null);
        }
        int n = answers.size();
        double trust = answers.stream().mapToInt(TrustPoint::trust).sum();
        double heard = answers.stream().mapToInt(TrustPoint::heard).sum();
        long again = answers.stream().filter(TrustPoint::again).count();
        long trusting = answers.stream().filter(a -> a.trust() >= 4).count();
        return new TrustSummary(n, round(trust / n, 2), round(heard / n, 2), round(100.0 * again / n, 1),
                round(100.0 * trusting / n, 1));
    }

    static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
