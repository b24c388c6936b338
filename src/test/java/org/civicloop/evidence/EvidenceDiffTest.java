package org.civicloop.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.evidence.EvidenceDiff.Op;
import org.civicloop.evidence.EvidenceDiff.Segment;
import org.junit.jupiter.api.Test;

class EvidenceDiffTest {

    @Test
    void wordDiffShowsWhatWasRemovedAndAdded() {
        List<Segment> s = EvidenceDiff.words("Each tree costs about £1,200 to plant.",
                "Each tree costs about £1,250 to plant and water.");
        assertEquals(List.of(new Segment(Op.SAME, "Each tree costs about "), new Segment(Op.REMOVED, "£1,200 "),
                new Segment(Op.ADDED, "£1,250 "), new Segment(Op.SAME, "to "), new Segment(Op.REMOVED, "plant."),
                new Segment(Op.ADDED, "plant and water.")), s);
    }

    @Test
    void onlyChangedFieldsAreListed() {
        EvidenceContent v1 = new EvidenceContent(EvidenceItem.Kind.BRIEFING, EvidenceItem.Perspective.NEUTRAL,
                "Trees", "Old text", "Source", "Author", LocalDate.of(2026, 1, 1), List.of("A"), Set.of(), null, null);
        EvidenceContent v2 = new EvidenceContent(EvidenceItem.Kind.BRIEFING, EvidenceItem.Perspective.AGAINST,
                "Trees", "New text", "Source", "Author", LocalDate.of(2026, 1, 1), List.of("A", "B"), Set.of(),
                new SocialValue(1, "why", null, null, null, null), null);
        List<EvidenceDiff.Change> changes = EvidenceDiff.between(v1, v2);
        assertEquals(List.of("summary", "perspective", "options", "economic", "economicWhy"),
                changes.stream().map(EvidenceDiff.Change::field).toList());
        assertEquals("A, B", changes.get(2).after());
        assertEquals(List.of(), EvidenceDiff.between(v1, v1));
    }

    @Test
    void unchangedTextGivesOneSameSegment() {
        assertEquals(List.of(new Segment(Op.SAME, "a b c")), EvidenceDiff.words("a b c", "a b c"));
        assertEquals(List.of(new Segment(Op.ADDED, "new")), EvidenceDiff.words(null, "new"));
    }
}
