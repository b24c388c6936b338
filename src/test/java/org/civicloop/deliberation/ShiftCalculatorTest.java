package org.civicloop.deliberation;

import static org.civicloop.deliberation.ShiftCalculator.Stage.AFTER;
import static org.civicloop.deliberation.ShiftCalculator.Stage.BEFORE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.civicloop.deliberation.ShiftCalculator.Answer;
import org.civicloop.deliberation.ShiftCalculator.Item;
import org.junit.jupiter.api.Test;

class ShiftCalculatorTest {

    private static final Item TREES = new Item("S1", "Trees matter more than parking", 5);

    @Test
    void distributionsMeansAndChangesOverPeopleWhoAnsweredBoth() {
        List<Answer> answers = List.of(
                new Answer("p1", "S1", BEFORE, 2), new Answer("p1", "S1", AFTER, 4),
                new Answer("p2", "S1", BEFORE, 3), new Answer("p2", "S1", AFTER, 3),
                new Answer("p3", "S1", BEFORE, 1), new Answer("p3", "S1", AFTER, 2),
                // p4 answered only before: not counted, so the shift is not an artefact of who answered.
                new Answer("p4", "S1", BEFORE, 5));
        PreferenceShift.ItemShift s = ShiftCalculator.shifts(List.of(TREES), answers, Map.of()).get(0);
        assertEquals(Map.of("1", 1, "2", 1, "3", 1, "4", 0, "5", 0), s.before());
        assertEquals(Map.of("1", 0, "2", 1, "3", 1, "4", 1, "5", 0), s.after());
        assertEquals(List.of("1", "2", "3", "4", "5"), List.copyOf(s.before().keySet()), "scale order");
        assertEquals(2.0, s.meanBefore());
        assertEquals(3.0, s.meanAfter());
        assertEquals(1.0, s.meanShift());
        assertEquals(3, s.respondents());
        assertEquals(2, s.changed());
    }

    @Test
    void byCategoryGivesEachValueItsOwnFigures() {
        List<Answer> answers = List.of(
                new Answer("young1", "S1", BEFORE, 4), new Answer("young1", "S1", AFTER, 5),
                new Answer("young2", "S1", BEFORE, 4), new Answer("young2", "S1", AFTER, 4),
                new Answer("old1", "S1", BEFORE, 2), new Answer("old1", "S1", AFTER, 4));
        Map<String, Map<String, String>> cats = Map.of(
                "young1", Map.of("age", "16-39", "area", "North"),
                "young2", Map.of("age", "16-39", "area", "South"),
                "old1", Map.of("age", "40+", "area", "North"));
        List<PreferenceShift.GroupShift> groups = ShiftCalculator.shifts(List.of(TREES), answers, cats).get(0)
                .byCategory();
        assertEquals(List.of(
                new PreferenceShift.GroupShift("age", "16-39", 4.0, 4.5, 0.5, 2, 1),
                new PreferenceShift.GroupShift("age", "40+", 2.0, 4.0, 2.0, 1, 1),
                new PreferenceShift.GroupShift("area", "North", 3.0, 4.5, 1.5, 2, 2),
                new PreferenceShift.GroupShift("area", "South", 4.0, 4.0, 0.0, 1, 0)), groups);
    }

    @Test
    void anOptionThatRoseHasANegativeMeanRankShift() {
        Item a = new Item("A", "School crossings", 3);
        Item b = new Item("B", "Street trees", 3);
        List<Answer> answers = List.of(
                new Answer("p1", "A", BEFORE, 2), new Answer("p1", "B", BEFORE, 1),
                new Answer("p1", "A", AFTER, 1), new Answer("p1", "B", AFTER, 2),
                new Answer("p2", "A", BEFORE, 3), new Answer("p2", "B", BEFORE, 1),
                new Answer("p2", "A", AFTER, 1), new Answer("p2", "B", AFTER, 3));
        List<PreferenceShift.ItemShift> s = ShiftCalculator.shifts(List.of(a, b), answers, Map.of());
        assertEquals(-1.5, s.get(0).meanShift());
        assertEquals(1.5, s.get(1).meanShift());
        assertEquals(2, s.get(0).changed());
        assertEquals(Map.of("1", 2, "2", 0, "3", 0), s.get(0).after());
    }

    @Test
    void noAnswersGiveZeroRespondentsNotAnError() {
        PreferenceShift.ItemShift s = ShiftCalculator.shifts(List.of(TREES), List.of(
                new Answer("p1", "S1", AFTER, 9), new Answer("p1", "other", BEFORE, 1)), Map.of()).get(0);
        assertEquals(0, s.respondents());
        assertEquals(0.0, s.meanShift());
        assertEquals(List.of(), s.byCategory());
    }

    @Test
    void meansAreRoundedToThreeDecimals() {
        List<Answer> answers = List.of(
                new Answer("p1", "S1", BEFORE, 1), new Answer("p1", "S1", AFTER, 2),
                new Answer("p2", "S1", BEFORE, 1), new Answer("p2", "S1", AFTER, 1),
                new Answer("p3", "S1", BEFORE, 1), new Answer("p3", "S1", AFTER, 1));
        assertEquals(0.333, ShiftCalculator.shifts(List.of(TREES), answers, Map.of()).get(0).meanShift());
    }
}
