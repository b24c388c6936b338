package org.civicloop.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.civicloop.proposal.SupportTally.Support;
import org.junit.jupiter.api.Test;

class SupportTallyTest {

    @Test
    void aMergedDuplicatesSupportersCountForTheProposalItWentIntoEachOnce() {
        // 1 is the kept proposal, 2 and 3 were merged into it; ana supports both 1 and 2, bo supports 2 and 3
        Map<Long, Integer> counts = SupportTally.count(List.of(
                new Support(1, null, "ana"), new Support(1, null, "cy"),
                new Support(2, 1L, "ana"), new Support(2, 1L, "bo"),
                new Support(3, 1L, "bo"), new Support(3, 1L, "di"),
                new Support(4, null, "ana")));
        assertEquals(4, counts.get(1L), "ana, cy, bo, di: nobody twice");
        assertEquals(2, counts.get(2L), "a merged proposal still shows its own supporters");
        assertEquals(2, counts.get(3L));
        assertEquals(1, counts.get(4L), "other proposals are untouched");
    }

    @Test
    void noSupportsNoCounts() {
        assertEquals(Map.of(), SupportTally.count(List.of()));
    }
}
