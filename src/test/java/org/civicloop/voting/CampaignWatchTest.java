package org.civicloop.voting;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aBurstOfIdenticalRankingsIsFlaggedFromTheFifth() {
        CampaignWatch watch = new CampaignWatch();
        for (int i = 0; i < 4; i++) {
            assertFalse(watch.looksLikeACampaign(1, List.of("A", "B"), T0.plusSeconds(i * 30L)), "ballot " + i);
        }
        assertTrue(watch.looksLikeACampaign(1, List.of("A", "B"), T0.plusSeconds(150)));
    }

    @Test
    void differentRankingsCyclesAndSpreadOutArrivalsAreNotACampaign() {
        CampaignWatch watch = new CampaignWatch();
        for (int i = 0; i < 4; i++) {
            watch.looksLikeACampaign(1, List.of("A", "B"), T0.plusSeconds(i));
        }
        assertFalse(watch.looksLikeACampaign(1, List.of("B", "A"), T0.plusSeconds(5)), "another ranking");
        assertFalse(watch.looksLikeACampaign(2, List.of("A", "B"), T0.plusSeconds(5)), "another cycle");
        assertFalse(watch.looksLikeACampaign(1, List.of("A", "B"), T0.plus(CampaignWatch.WINDOW).plusSeconds(60)),
                "the earlier four are out of the window");
    }
}
