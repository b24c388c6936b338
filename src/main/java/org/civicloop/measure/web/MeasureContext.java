package org.civicloop.measure.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.feedback.CouncilDecisions;
import org.civicloop.measure.OutcomesReport;
import org.civicloop.measure.ProgressStatus;

/**
 * Closing the loop: what a closed cycle measured and which of its recommendations are still open, shown as context
 * when the next cycle's mandate is written (and wherever else a page includes measure-context.xhtml).
 */
@Named
@RequestScoped
public class MeasureContext {

    @Inject
    OutcomesReport report;
    @Inject
    CouncilDecisions decisions;

    /** One indicator's latest reading (null when none yet) with its target. */
    public record Latest(String option, String indicator, OutcomesReport.ReadingView reading, String target,
                        ProgressStatus status, int percentComplete) {
    }

    /** A recommendation not yet delivered: unanswered, deferred, or funded but not completed. */
    public record Open(String title, String response, String rationale, ProgressStatus status) {
    }

    public record Context(List<Latest> results, List<Open> open) {
    }

    private final Map<Long, Context> cache = new java.util.HashMap<>();

    public Context of(Long cycleId) {
        if (cycleId == null) {
            return new Context(List.of(), List.of());
        }
        return cache.computeIfAbsent(cycleId, this::build);
    }

    private Context build(Long cycleId) {
        List<OutcomesReport.ObjectiveView> objectives = report.objectives(cycleId, true);
        List<Latest> results = objectives.stream().flatMap(o -> o.indicators().stream().map(i -> new Latest(
                o.optionCode() + " · " + o.optionTitle(), i.name(),
                i.readings().isEmpty() ? null : i.readings().get(i.readings().size() - 1), o.target(),
                o.progress().status(), o.progress().percentComplete()))).toList();
        Map<String, OutcomesReport.ObjectiveView> byTitle = objectives.stream()
                .collect(Collectors.toMap(OutcomesReport.ObjectiveView::optionTitle, Function.identity(), (a, b) -> a));
        List<Open> open = decisions.decisions(cycleId).stream().map(r -> {
            OutcomesReport.ObjectiveView o = byTitle.get(r.title());
            return new Open(r.title(), r.response(), r.rationale(), o == null ? null : o.progress().status());
        }).filter(x -> x.response() == null || x.response().equals("DEFERRED")
                || ((x.response().equals("ADOPTED") || x.response().equals("MODIFIED"))
                && x.status() != ProgressStatus.COMPLETED)).toList();
        return new Context(results, open);
    }
}
