package org.civicloop.deliberation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreferenceShiftTest {

    private static PreferenceShift.ItemShift item(String key, int respondents) {
        return new PreferenceShift.ItemShift(key, key, Map.of(), Map.of(), 0, 0, 0, respondents, 0, List.of());
    }

    @Test
    void listedItemsWithoutAnyBeforeAndAfterAnswersAreStillAnEmptyShift() {
        assertTrue(new PreferenceShift(1, List.of(), List.of()).isEmpty());
        assertTrue(new PreferenceShift(1, List.of(item("s1", 0)), List.of(item("A", 0), item("B", 0))).isEmpty(),
                "a cycle with statements and options but no answers has no shift to show");
        assertFalse(new PreferenceShift(1, List.of(item("s1", 0)), List.of(item("A", 3))).isEmpty());
    }
}
