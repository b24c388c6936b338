package org.civicloop.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.kernel.Actor;
import org.civicloop.kernel.Result;
import org.civicloop.kernel.Role;

/** Promise keeping across cycles, for officers: overdue reports, and how much of what residents said was taken up. */
@ApplicationScoped
public class FeedbackDashboard {

    @Inject
    Cycles cycles;
    @Inject
    FeedbackService feedback;
    @Inject
    Clock clock;

    /**
     * One cycle's line: its recommendations and how many were adopted or modified, the day of the vote (entering
     * DECIDE), the day of the first report, the days between, against the days the promise allowed.
     */
    public record Line(long cycleId, String title, Phase phase, int recommendations, int answered,
                       int adoptedOrModified, LocalDate votedOn, LocalDate reportedOn, Long daysToFeedback,
                       LocalDate promiseDate, Long daysPromised, boolean overdue, Boolean kept) {
    }

    /** All cycles' lines and the totals: share adopted or modified, average days to feedback, promises kept. */
    public record Summary(List<Line> cycles, int recommendations, int answered, int adoptedOrModified,
                          Integer adoptedOrModifiedPercent, Double averageDaysToFeedback, int promisesKept,
                          int promisesBroken, int overdue) {
    }

    public Result<Summary> summary(Actor actor) {
        if (!actor.hasAny(Role.OFFICER, Role.ADMIN)) {
            return Result.refused("refused.notAllowed");
        }
        List<Line> lines = new ArrayList<>();
        for (CycleView c : cycles.all()) {
            List<Recommendation> recs = feedback.recommendations(c.id());
            boolean overdue = feedback.isOverdue(c);
            if (recs.isEmpty() && !overdue) {
                continue;
            }
            Optional<LocalDate> voted = cycles.firstEnteredAt(c.id(), Phase.DECIDE)
                    .map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC));
            Optional<LocalDate> reported = feedback.versions(c.id()).stream().findFirst()
                    .map(v -> LocalDate.ofInstant(v.getPublishedAt(), ZoneOffset.UTC));
            Long days = voted.isPresent() && reported.isPresent()
                    ? ChronoUnit.DAYS.between(voted.get(), reported.get()) : null;
            LocalDate promise = c.feedbackPromiseDate();
            Long promised = voted.isPresent() && promise != null ? ChronoUnit.DAYS.between(voted.get(), promise) : null;
            Boolean kept = reported.isPresent() && promise != null ? !reported.get().isAfter(promise) : null;
            int answered = (int) recs.stream().filter(Recommendation::isAnswered).count();
            int taken = (int) recs.stream().filter(r -> r.isAnswered() && r.getResponse().taken()).count();
            lines.add(new Line(c.id(), c.title(), c.phase(), recs.size(), answered, taken,
                    voted.orElse(null), reported.orElse(null), days, promise, promised, overdue, kept));
        }
        int recs = lines.stream().mapToInt(Line::recommendations).sum();
        int answered = lines.stream().mapToInt(Line::answered).sum();
        int taken = lines.stream().mapToInt(Line::adoptedOrModified).sum();
        Double avg = lines.stream().filter(l -> l.daysToFeedback() != null).mapToLong(Line::daysToFeedback).average()
                .stream().boxed().findFirst().orElse(null);
        return Result.done(new Summary(lines, recs, answered, taken,
                answered == 0 ? null : Math.round(100f * taken / answered), avg,
                (int) lines.stream().filter(l -> Boolean.TRUE.equals(l.kept())).count(),
                (int) lines.stream().filter(l -> Boolean.FALSE.equals(l.kept())).count(),
                (int) lines.stream().filter(Line::overdue).count()));
    }

    /** Cycles whose feedback promise date has passed without a published report (the officers' alert). */
    public List<CycleView> overdue() {
        return cycles.all().stream().filter(feedback::isOverdue).toList();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }
}
