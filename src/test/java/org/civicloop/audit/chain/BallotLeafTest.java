package org.civicloop.audit.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BallotLeafTest {

    @Test
    void theLeafIsPrefixReceiptChannelAndRanking() {
        assertEquals("civicloop-ballot-v1;R-ABC234;RESIDENTS;PARK,LIB",
                new String(BallotLeaf.encode("R-ABC234", "RESIDENTS", "PARK,LIB"), StandardCharsets.UTF_8));
    }

    @Test
    void fieldsThatWouldMakeTheEncodingAmbiguousAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BallotLeaf.encode("R-A;B", "JURY", "A"));
        assertThrows(IllegalArgumentException.class, () -> BallotLeaf.encode("R-AB", "jury;", "A"));
        assertThrows(IllegalArgumentException.class, () -> BallotLeaf.encode("R-AB", "JURY", "A,,B"));
        assertThrows(IllegalArgumentException.class, () -> BallotLeaf.encode("R-AB", "JURY", ""));
        assertThrows(IllegalArgumentException.class, () -> BallotLeaf.encode("R-AB", "JURY", "A;B"));
    }

    @Test
    void theTreeDoesNotDependOnTheOrderBallotsAreReadIn() {
        BallotLeaf.Entry a = new BallotLeaf.Entry("R-B", "JURY", "X,Y");
        BallotLeaf.Entry b = new BallotLeaf.Entry("R-A", "JURY", "Y");
        BallotLeaf.Entry c = new BallotLeaf.Entry("R-9", "JURY", "X");
        assertEquals(BallotLeaf.tree(List.of(a, b, c)).rootHex(), BallotLeaf.tree(List.of(c, a, b)).rootHex());
        assertEquals(List.of(c, b, a), BallotLeaf.canonical(List.of(a, b, c)));
    }

    @Test
    void aChangedRankingChangesTheRoot() {
        String one = BallotLeaf.tree(List.of(new BallotLeaf.Entry("R-A", "JURY", "X,Y"))).rootHex();
        String two = BallotLeaf.tree(List.of(new BallotLeaf.Entry("R-A", "JURY", "Y,X"))).rootHex();
        assertEquals(false, one.equals(two));
    }
}
