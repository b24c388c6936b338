package org.civicloop.jury.selection;

import java.util.List;
import java.util.Optional;

import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Quotas;

/**
 * Why no panel meets the quotas, and the smallest relaxation that would make one possible.
 *
 * @param reasons human-readable reasons
 * @param values the feature values whose quotas cause the problem
 * @param relaxation quota changes of smallest total amount (lowered minimums plus raised maximums) that make a
 *        panel possible; empty if no quota change helps (e.g. the pool is smaller than the panel)
 * @param relaxedQuotas the quotas with the relaxation applied, if any
 */
public record Infeasibility(List<String> reasons, List<FeatureValue> values, List<QuotaChange> relaxation,
        Optional<Quotas> relaxedQuotas) {

    public Infeasibility {
        reasons = List.copyOf(reasons);
        values = List.copyOf(values);
        relaxation = List.copyOf(relaxation);
    }

    public boolean relaxable() {
        return relaxedQuotas.isPresent();
    }

    public int totalRelaxation() {
        return relaxation.stream().mapToInt(QuotaChange::amount).sum();
    }

    /** A multi-line explanation for people. */
    public String message() {
        StringBuilder b = new StringBuilder("The quotas cannot be met");
        if (!values.isEmpty()) {
            b.append(" because of ").append(String.join(", ", values.stream().map(FeatureValue::toString).toList()));
        }
        b.append(":\n");
        for (String r : reasons) {
            b.append("  - ").append(r).append('\n');
        }
        if (relaxable()) {
            b.append("Smallest relaxation that makes a panel possible (total ").append(totalRelaxation())
                    .append("):\n");
            for (QuotaChange c : relaxation) {
                b.append("  ").append(c).append('\n');
            }
        } else {
            b.append("No change of quotas helps: the panel size cannot be reached.\n");
        }
        return b.toString();
    }
}
