package org.civicloop.deliberation;

import java.util.List;
import java.util.Map;

/**
 * How views changed in a cycle: for each opinion statement and each budget option, the distribution of answers
 * before and after deliberation, the mean shift and how many people changed, overall and by jury category. The
 * feedback report, the measure metrics, the projector's end-of-day screen and {@code GET /api/v1/cycles/{id}/shift}
 * all read this one shape.
 *
 * @param statements one entry per opinion statement (scale answers, e.g. 1 = strongly disagree .. 5 = strongly agree)
 * @param options    one entry per budget option (its rank position; 1 = first choice)
 */
public record PreferenceShift(long cycleId, List<ItemShift> statements, List<ItemShift> options) {

    /** True when nobody answered both before and after (the items may still be listed, with no answers). */
    @jakarta.json.bind.annotation.JsonbTransient
    public boolean isEmpty() {
        return java.util.stream.Stream.concat(statements.stream(), options.stream()).allMatch(i -> i.respondents() == 0);
    }

    /**
     * @param key        a stable key (statement id or option code)
     * @param label      what people were asked about (statement text or option title)
     * @param before     answer value (as text) to how many gave it, before
     * @param after      the same, after
     * @param respondents people who answered both before and after
     * @param changed    of those, how many gave a different answer after
     */
    public record ItemShift(String key, String label, Map<String, Integer> before, Map<String, Integer> after,
                            double meanBefore, double meanAfter, double meanShift, int respondents, int changed,
                            List<GroupShift> byCategory) {
    }

    /** The same figures for the jurors in one category value (e.g. feature "Age", value "16-24"). */
    public record GroupShift(String feature, String value, double meanBefore, double meanAfter, double meanShift,
                             int respondents, int changed) {
    }
}
