package org.civicloop.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.civicloop.cycle.Phase;
import org.junit.jupiter.api.Test;

class ElectorateRulesTest {

    @Test
    void districtsAreTrimmedAndKeptInOrderWithoutRepeats() {
        assertEquals(Optional.of(List.of("Old Town", "Mill Quarter")),
                EligibilityService.districts(" Old Town \n\nMill Quarter, Old Town,"));
    }

    @Test
    void noDistrictsTooManyOrTooLongAreRefused() {
        assertTrue(EligibilityService.districts(" , \n").isEmpty());
        assertTrue(EligibilityService.districts(null).isEmpty());
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 21; i++) {
            many.append("District ").append(i).append('\n');
        }
        assertTrue(EligibilityService.districts(many.toString()).isEmpty());
        assertTrue(EligibilityService.districts("x".repeat(101)).isEmpty());
        StringBuilder long20 = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            long20.append(String.valueOf((char) ('a' + i)).repeat(100)).append('\n');
        }
        assertTrue(EligibilityService.districts(long20.toString()).isEmpty(), "more than the column holds");
    }

    @Test
    void theElectorateIsFrozenOnceTheVoteOpensAndVerificationEndsWithIt() {
        assertTrue(EligibilityService.changeableIn(Phase.RECRUIT));
        assertTrue(EligibilityService.changeableIn(Phase.DELIBERATE));
        assertFalse(EligibilityService.changeableIn(Phase.VOTE));
        assertFalse(EligibilityService.changeableIn(Phase.CLOSED));
        assertTrue(EligibilityService.verifiableIn(Phase.VOTE));
        assertFalse(EligibilityService.verifiableIn(Phase.DECIDE));
    }
}
