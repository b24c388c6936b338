package org.civicloop.jury.selection;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Quotas;

/**
 * Why no panel meets the quotas, and the smallest relaxation that would make one possible. The reasons are data (a
 * kind, the feature and value concerned, two numbers), so that an application can put them in its readers' language;
 * {@link #message()} is the English explanation of the command line.
 *
 * @param reasons why no panel meets the quotas
 * @param values the feature values whose quotas cause the problem
 * @param relaxation quota changes of smallest total amount (lowered minimums plus raised maximums) that make a
 *        panel possible; empty if no quota change helps (e.g. the pool is smaller than the panel)
 * @param relaxedQuotas the quotas with the relaxation applied, if any
 */
public record Infeasibility(List<Reason> reasons, List<FeatureValue> values, List<QuotaChange> relaxation,
        Optional<Quotas> relaxedQuotas) {

    /** The kinds of reason; what {@link Reason#count()} and {@link Reason#limit()} hold depends on the kind. */
    public enum Kind {
        /** More seats than people: count = the pool size, limit = the panel size. */
        POOL_TOO_SMALL,
        /** More seats than households (one person per household): count = the households, limit = the panel size. */
        TOO_FEW_HOUSEHOLDS,
        /** A value's minimum above the people having it: count = those people, limit = the minimum. */
        TOO_FEW_WITH_VALUE,
        /** As {@link #TOO_FEW_WITH_VALUE}, counting one person per household: count = their households. */
        TOO_FEW_HOUSEHOLDS_WITH_VALUE,
        /** A feature's minimums add up to more than the panel: count = their sum, limit = the panel size. */
        MINIMUMS_ABOVE_PANEL,
        /**
         * A feature's maximums, each capped by the people having the value, add up to less than the panel: count =
         * their sum, limit = the panel size.
         */
        MAXIMUMS_BELOW_PANEL,
        /**
         * No simple count explains it: the quotas of different features cannot be met together; the values that need
         * changes are those of the relaxation. limit = the panel size.
         */
        QUOTAS_CONFLICT,
        /** No panel of that size exists even without quotas (e.g. the households): limit = the panel size. */
        NO_PANEL
    }

    /**
     * One reason.
     *
     * @param kind what the problem is
     * @param feature the feature (category) concerned, or null if the reason concerns no single feature
     * @param value the value concerned, or null if the reason concerns no single value
     * @param count what the pool offers (see {@link Kind})
     * @param limit what is asked for (see {@link Kind})
     */
    public record Reason(Kind kind, String feature, String value, int count, int limit) {

        public Reason {
            Objects.requireNonNull(kind, "kind");
        }

        static Reason of(Kind kind, int count, int limit) {
            return new Reason(kind, null, null, count, limit);
        }

        static Reason of(Kind kind, String feature, int count, int limit) {
            return new Reason(kind, feature, null, count, limit);
        }

        static Reason of(Kind kind, FeatureValue fv, int count, int limit) {
            return new Reason(kind, fv.feature(), fv.value(), count, limit);
        }
    }

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

    /** The reasons in English, one sentence each (as the command line prints them). */
    public List<String> reasonTexts() {
        return reasons.stream().map(this::english).toList();
    }

    private String english(Reason r) {
        String fv = r.feature() + "=" + r.value();
        return switch (r.kind()) {
            case POOL_TOO_SMALL -> "the panel size " + r.limit() + " exceeds the pool size " + r.count();
            case TOO_FEW_HOUSEHOLDS -> "the panel size " + r.limit() + " exceeds the number of households " + r.count()
                    + " (at most one person per household)";
            case TOO_FEW_WITH_VALUE, TOO_FEW_HOUSEHOLDS_WITH_VALUE -> fv + ": minimum " + r.limit() + " but only "
                    + r.count() + (r.count() == 1 ? " person" : " people") + " in the pool"
                    + (r.kind() == Kind.TOO_FEW_HOUSEHOLDS_WITH_VALUE ? " (counting one per household)" : "");
            case MINIMUMS_ABOVE_PANEL -> "the minimums of " + r.feature() + " add up to " + r.count()
                    + ", more than the panel size " + r.limit();
            case MAXIMUMS_BELOW_PANEL -> "the maximums of " + r.feature()
                    + " (capped by the people available) add up to " + r.count() + ", less than the panel size "
                    + r.limit();
            case QUOTAS_CONFLICT -> "the quotas of different features cannot all be met together by the people in the"
                    + " pool (the values named need changes: "
                    + String.join(", ", relaxation.stream().map(c -> c.value().toString()).toList()) + ")";
            case NO_PANEL -> "no panel of size " + r.limit() + " exists even without quotas";
        };
    }

    /** A multi-line explanation for people. */
    public String message() {
        StringBuilder b = new StringBuilder("The quotas cannot be met");
        if (!values.isEmpty()) {
            b.append(" because of ").append(String.join(", ", values.stream().map(FeatureValue::toString).toList()));
        }
        b.append(":\n");
        for (String r : reasonTexts()) {
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
