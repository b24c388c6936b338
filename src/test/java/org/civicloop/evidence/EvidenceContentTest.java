package org.civicloop.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.civicloop.cycle.ValueCell;
import org.junit.jupiter.api.Test;

class EvidenceContentTest {

    private static EvidenceContent content(String summary, List<String> options) {
        return new EvidenceContent(EvidenceItem.Kind.BRIEFING, EvidenceItem.Perspective.NEUTRAL, "Trees", summary,
                "Tree officer", "Priya", LocalDate.of(2026, 3, 1), options,
                Set.of(ValueCell.OUR_WELLBEING, ValueCell.MY_WELLBEING), null, null);
    }

    @Test
    void theCanonicalTextIsFixedSoAnyoneCanRecomputeTheHash() {
        EvidenceContent c = content("Costs £1,200.", List.of("B", "A"));
        assertEquals("kind=8:BRIEFING\nperspective=7:NEUTRAL\ntitle=5:Trees\nsummary=13:Costs £1,200.\n"
                + "source=12:Tree officer\nauthor=5:Priya\ndate=10:2026-03-01\noptions=3:A,B\n"
                + "valueCells=26:MY_WELLBEING,OUR_WELLBEING\neconomic=\u2205\neconomicWhy=\u2205\nsocial=\u2205\n"
                + "socialWhy=\u2205\nenvironmental=\u2205\nenvironmentalWhy=\u2205\nattachment=\u2205\n", c.canonical());
        assertEquals(org.civicloop.audit.chain.AuditChain.sha256Hex(c.canonical()), c.hash());
        assertEquals(64, c.hash().length());
    }

    @Test
    void theHashDependsOnContentNotOnOrderOfOptions() {
        assertEquals(content("x", List.of("A", "B")).hash(), content("x", List.of("B", "A")).hash());
        assertNotEquals(content("x", List.of("A")).hash(), content("y", List.of("A")).hash());
        // Length prefixes: moving text between fields changes the hash.
        EvidenceContent a = new EvidenceContent(EvidenceItem.Kind.BRIEFING, EvidenceItem.Perspective.NEUTRAL, "ab",
                "c", "s", "a", LocalDate.of(2026, 1, 1), List.of(), Set.of(), null, null);
        EvidenceContent b = new EvidenceContent(EvidenceItem.Kind.BRIEFING, EvidenceItem.Perspective.NEUTRAL, "a",
                "bc", "s", "a", LocalDate.of(2026, 1, 1), List.of(), Set.of(), null, null);
        assertNotEquals(a.hash(), b.hash());
    }

    @Test
    void searchTextAndTermsFoldCaseAccentsAndPunctuation() {
        assertEquals(" arboles en la calle mayor ", EvidenceContent.normalise("Árboles, en la CALLE-Mayor!"));
        assertEquals(List.of("arboles", "calle"), EvidenceContent.terms("  Árboles   a calle árboles "));
        assertEquals(List.of(), EvidenceContent.terms("  ,, "));
    }
}
