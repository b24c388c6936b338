package org.civicloop.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PanelLotteryTest {

    private static final List<Long> POOL = LongStream.rangeClosed(1, 10).boxed().toList();

    @Test
    void theSameSeedAndPoolGiveTheSamePanelWhateverTheOrder() {
        List<Long> a = PanelLottery.draw(POOL, 3, "review-2026");
        List<Long> b = PanelLottery.draw(LongStream.rangeClosed(1, 10).map(i -> 11 - i).boxed().toList(), 3, "review-2026");
        assertEquals(a, b);
        assertEquals(3, a.stream().distinct().count());
        assertTrue(POOL.containsAll(a));
        assertNotEquals(a, PanelLottery.draw(POOL, 3, "another seed"));
    }

    @Test
    void everyoneHasAboutTheSameChance() {
        Map<Long, Integer> times = new HashMap<>();
        int draws = 20_000;
        for (int i = 0; i < draws; i++) {
            PanelLottery.draw(POOL, 3, "seed-" + i).forEach(id -> times.merge(id, 1, Integer::sum));
        }
        // Expected 3/10 of draws each (6,000); allow 5% either way.
        for (long id : POOL) {
            int n = times.getOrDefault(id, 0);
            assertTrue(n > 5_700 && n < 6_300, id + " drawn " + n + " times");
        }
    }

    @Test
    void aPanelNeverExceedsThePool() {
        assertEquals(2, PanelLottery.draw(List.of(5L, 9L), 4, "s").size());
    }
}
