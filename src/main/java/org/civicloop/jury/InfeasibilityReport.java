package org.civicloop.jury;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicloop.jury.selection.Infeasibility;
import org.civicloop.jury.selection.QuotaChange;
import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.kernel.Messages;

/**
 * Quotas that no panel meets, as a refused draw or test panel carries them ({@code refused.jury.infeasible}): the
 * engine's reasons, the values that cause them and the smallest relaxation, as data. Written in the reader's language
 * through the bundle ({@code jury.infeasible.*}); kept in a draw's shared status as one text ({@link #encoded()}) and
 * read back from it ({@link #decode}).
 *
 * @param reasons why no panel meets the quotas
 * @param values the feature values whose quotas cause the problem
 * @param relaxation the smallest relaxation that makes a panel possible; empty if no change of quotas helps
 */
public record InfeasibilityReport(List<Infeasibility.Reason> reasons, List<FeatureValue> values,
                                  List<QuotaChange> relaxation) implements Messages.Localized {

    /** The refusal that carries a report as its one argument. */
    public static final String REFUSAL = "refused.jury.infeasible";

    private static final String VERSION = "infeasibility-1";

    public InfeasibilityReport {
        reasons = List.copyOf(reasons);
        values = List.copyOf(values);
        relaxation = List.copyOf(relaxation);
    }

    public static InfeasibilityReport of(Infeasibility infeasibility) {
        return new InfeasibilityReport(infeasibility.reasons(), infeasibility.values(), infeasibility.relaxation());
    }

    public boolean relaxable() {
        return !relaxation.isEmpty();
    }

    public int totalRelaxation() {
        return relaxation.stream().mapToInt(QuotaChange::amount).sum();
    }

    /** The explanation in parts, for a page: a heading, the reasons, the relaxation's heading and its changes. */
    public record Text(String heading, List<String> reasons, String relaxation, List<String> changes) {
    }

    public Text localized(Locale locale) {
        String heading = values.isEmpty() ? Messages.format(locale, "jury.infeasible.none")
                : Messages.format(locale, "jury.infeasible.because", names(values));
        String named = names(relaxation.stream().map(QuotaChange::value).toList());
        List<String> why = reasons.stream().map(r -> Messages.format(locale, "jury.infeasible." + r.kind().name(),
                r.feature() == null ? "" : r.feature(), r.value() == null ? "" : r.value(),
                r.value() == null ? "" : r.feature() + "=" + r.value(), r.count(), r.limit(), named)).toList();
        if (!relaxable()) {
            return new Text(heading, why, Messages.format(locale, "jury.infeasible.noRelaxation"), List.of());
        }
        List<String> changes = relaxation.stream().map(c -> Messages.format(locale, "jury.infeasible.change",
                c.value().toString(), c.oldMin(), c.oldMax(), c.newMin(), c.newMax())).toList();
        return new Text(heading, why, Messages.format(locale, "jury.infeasible.relaxation", totalRelaxation()),
                changes);
    }

    /** The whole explanation on one line (an API's problem detail, a message at the top of a page). */
    @Override
    public String text(Locale locale) {
        Text t = localized(locale);
        StringBuilder b = new StringBuilder(t.heading()).append(' ').append(String.join("; ", t.reasons()))
                .append(". ").append(t.relaxation());
        if (!t.changes().isEmpty()) {
            b.append(' ').append(String.join("; ", t.changes())).append('.');
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return text(Locale.ENGLISH);
    }

    private static String names(List<FeatureValue> list) {
        return String.join(", ", list.stream().map(FeatureValue::toString).toList());
    }

    /** The report as one text, for the draw's status in the database. */
    public String encoded() {
        List<String> cells = new ArrayList<>();
        cells.add(VERSION);
        cells.add(Integer.toString(reasons.size()));
        for (Infeasibility.Reason r : reasons) {
            cells.addAll(List.of(r.kind().name(), r.feature() == null ? "" : r.feature(),
                    r.value() == null ? "" : r.value(), Integer.toString(r.count()), Integer.toString(r.limit())));
        }
        cells.add(Integer.toString(values.size()));
        for (FeatureValue v : values) {
            cells.addAll(List.of(v.feature(), v.value()));
        }
        cells.add(Integer.toString(relaxation.size()));
        for (QuotaChange c : relaxation) {
            cells.addAll(List.of(c.value().feature(), c.value().value(), Integer.toString(c.oldMin()),
                    Integer.toString(c.oldMax()), Integer.toString(c.newMin()), Integer.toString(c.newMax())));
        }
        return CsvLine.of(cells);
    }

    /** The report {@link #encoded()} wrote; empty if {@code text} is no such report (e.g. an older English text). */
    public static Optional<InfeasibilityReport> decode(String text) {
        try {
            Iterator<String> c = CsvLine.cells(text).iterator();
            if (!c.hasNext() || !VERSION.equals(c.next())) {
                return Optional.empty();
            }
            List<Infeasibility.Reason> reasons = new ArrayList<>();
            for (int i = Integer.parseInt(c.next()); i > 0; i--) {
                Infeasibility.Kind kind = Infeasibility.Kind.valueOf(c.next());
                String feature = c.next();
                String value = c.next();
                reasons.add(new Infeasibility.Reason(kind, feature.isEmpty() ? null : feature,
                        value.isEmpty() ? null : value, Integer.parseInt(c.next()), Integer.parseInt(c.next())));
            }
            List<FeatureValue> values = new ArrayList<>();
            for (int i = Integer.parseInt(c.next()); i > 0; i--) {
                values.add(FeatureValue.of(c.next(), c.next()));
            }
            List<QuotaChange> relaxation = new ArrayList<>();
            for (int i = Integer.parseInt(c.next()); i > 0; i--) {
                relaxation.add(new QuotaChange(FeatureValue.of(c.next(), c.next()), Integer.parseInt(c.next()),
                        Integer.parseInt(c.next()), Integer.parseInt(c.next()), Integer.parseInt(c.next())));
            }
            return c.hasNext() ? Optional.empty() : Optional.of(new InfeasibilityReport(reasons, values, relaxation));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
