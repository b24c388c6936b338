package org.civicloop.voting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ArrivalCountsTest {

    @Test
    void countsOneRankingInOneCycleWithinTheWindowOnly() {
        ArrivalCounts counts = new ArrivalCounts(10);
        assertEquals(1, counts.arrive(1, "abc", 100));
        assertEquals(2, counts.arrive(1, "abc", 105));
        assertEquals(1, counts.arrive(1, "other", 105), "another ranking is counted apart");
        assertEquals(1, counts.arrive(2, "abc", 105), "another cycle is counted apart");
        assertEquals(3, counts.arrive(1, "abc", 109), "minutes 100..109 are the window ending at 109");
        assertEquals(3, counts.arrive(1, "abc", 110), "minute 100 has left the window ending at 110");
        assertEquals(2, counts.seen(1, "abc", 115), "only minutes 106..115 count at 115");
    }

    @Test
    void everyArrivalIsWrittenOnceAndAFailedWriteIsGivenBack() {
        ArrivalCounts counts = new ArrivalCounts(10);
        for (int i = 0; i < 5; i++) {
            counts.arrive(1, "r" + i, 100);
        }
        List<ArrivalCounts.Arrival> first = counts.takeUnwritten(3);
        assertEquals(List.of("r0", "r1", "r2"), first.stream().map(ArrivalCounts.Arrival::digest).toList());
        assertEquals(2, counts.unwrittenCount());
        counts.giveBack(first, 100);
        assertEquals(5, counts.unwrittenCount());
        List<ArrivalCounts.Arrival> all = counts.takeUnwritten(100);
        assertEquals(5, all.size());
        assertEquals(0, counts.unwrittenCount());
        assertTrue(counts.takeUnwritten(100).isEmpty());
        counts.giveBack(all, 2);
        assertEquals(2, counts.unwrittenCount(), "a long outage keeps at most the limit, not the whole backlog");
    }

    @Test
    void pruningAndForgettingDropOnlyWhatTheySay() {
        ArrivalCounts counts = new ArrivalCounts(10);
        counts.arrive(1, "abc", 100);
        counts.arrive(1, "abc", 108);
        counts.arrive(2, "abc", 108);
        counts.prune(110);
        assertEquals(1, counts.seen(1, "abc", 109), "the arrival of minute 100 left the window ending at 110");
        counts.forget(1);
        assertEquals(0, counts.seen(1, "abc", 109));
        assertEquals(1, counts.seen(2, "abc", 109));
        List<ArrivalCounts.Arrival> left = counts.takeUnwritten(100);
        assertEquals(1, left.size());
        assertEquals(2, left.get(0).cycleId(), "a forgotten cycle's arrivals are not written either");
    }

    @Test
    void concurrentArrivalsAreAllCountedAndQueued() throws Exception {
        ArrivalCounts counts = new ArrivalCounts(10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    counts.arrive(7, "same", 500);
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertEquals(8000, counts.seen(7, "same", 500));
        assertEquals(8000, counts.unwrittenCount());
        assertEquals(8000, counts.takeUnwritten(Integer.MAX_VALUE).size());
    }

    @Test
    void aWindowOfNoMinutesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ArrivalCounts(0));
    }
}
