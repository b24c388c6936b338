package org.civicloop.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.civicloop.cycle.Phase;
import org.junit.jupiter.api.Test;

class ProposalRulesTest {

    private static final List<String> DISTRICTS = List.of("Old Town", "Mill Quarter");

    private static Optional<String> check(String title, String description, String district, long cost, Double lat,
                                          Double lon, String credit) {
        return ProposalRules.check(ProposalRules.normalised(new ProposalDraft(title, description, district, cost, lat,
                lon, credit)), DISTRICTS);
    }

    @Test
    void aCompleteProposalPassesAndEachMissingPartIsNamed() {
        assertEquals(Optional.empty(), check("Benches", "By the river", " Old Town ", 5000, null, null, null));
        assertEquals(Optional.empty(), check("Benches", "By the river", "Old Town", 5000, 51.5, -0.1, "Ana"));
        assertEquals(Optional.of("refused.proposal.title"), check("  ", "x", "Old Town", 1, null, null, null));
        assertEquals(Optional.of("refused.proposal.title"), check("t".repeat(201), "x", "Old Town", 1, null, null,
                null));
        assertEquals(Optional.of("refused.proposal.description"), check("t", null, "Old Town", 1, null, null, null));
        assertEquals(Optional.of("refused.proposal.district"), check("t", "d", "Elsewhere", 1, null, null, null));
        assertEquals(Optional.of("refused.proposal.cost"), check("t", "d", "Old Town", 0, null, null, null));
        assertEquals(Optional.of("refused.proposal.cost"), check("t", "d", "Old Town", -5, null, null, null));
        assertEquals(Optional.of("refused.proposal.point"), check("t", "d", "Old Town", 1, 51.5, null, null));
        assertEquals(Optional.of("refused.proposal.point"), check("t", "d", "Old Town", 1, 91.0, 0.0, null));
        assertEquals(Optional.of("refused.proposal.point"), check("t", "d", "Old Town", 1, Double.NaN, 0.0, null));
        assertEquals(Optional.of("refused.proposal.credit"), check("t", "d", "Old Town", 1, null, null,
                "n".repeat(101)));
    }

    @Test
    void districtsAreReadFromLinesOrCommasWithoutBlanksOrRepeats() {
        assertEquals(Optional.of(List.of("North", "South")), ProposalRules.districts("North\n South ,\n\nNorth"));
        assertEquals(Optional.empty(), ProposalRules.districts(" , \n"));
        assertEquals(Optional.empty(), ProposalRules.districts(null));
        assertEquals(Optional.empty(), ProposalRules.districts("x".repeat(101)));
    }

    @Test
    void aFeasibleAssessmentNeedsEstimateAndServiceAnUnfeasibleOneItsReason() {
        assertEquals(Optional.empty(), ProposalRules.checkAssessment(true, null, 12_000L, "Parks"));
        assertEquals(Optional.of("refused.assessment.estimate"),
                ProposalRules.checkAssessment(true, null, null, "Parks"));
        assertEquals(Optional.of("refused.assessment.estimate"),
                ProposalRules.checkAssessment(true, null, 0L, "Parks"));
        assertEquals(Optional.of("refused.assessment.service"),
                ProposalRules.checkAssessment(true, null, 10L, null));
        assertEquals(Optional.of("refused.assessment.reason"),
                ProposalRules.checkAssessment(false, null, null, null));
        assertEquals(Optional.empty(), ProposalRules.checkAssessment(false, "Private land", null, null));
    }

    @Test
    void proposalsAreTakenBeforeLearningAndAssessedBeforeTheVote() {
        assertTrue(ProposalRules.acceptingIn(Phase.AUTHORISE));
        assertTrue(ProposalRules.acceptingIn(Phase.RECRUIT));
        assertFalse(ProposalRules.acceptingIn(Phase.LEARN));
        assertTrue(ProposalRules.assessableIn(Phase.DELIBERATE));
        assertFalse(ProposalRules.assessableIn(Phase.VOTE));
    }

    @Test
    void aReportNeedsAReasonIsMadeOnceAndNotOfSomethingHidden() {
        int[] asked = {0};
        java.util.function.BooleanSupplier never = () -> { asked[0]++; return false; };
        assertEquals("Advert", ProposalRules.reportReason("  Advert ", false, "refused.flag", never).value());
        assertEquals(1, asked[0]);
        assertEquals("refused.flag.reason", refusal(ProposalRules.reportReason(" ", false, "refused.flag", never)));
        assertEquals("refused.commentFlag.reason", refusal(ProposalRules.reportReason("x".repeat(501), false,
                "refused.commentFlag", never)));
        assertEquals("refused.flag.hidden", refusal(ProposalRules.reportReason("Advert", true, "refused.flag",
                never)));
        assertEquals(1, asked[0], "the database is asked only when everything else is right");
        assertEquals("refused.commentFlag.already", refusal(ProposalRules.reportReason("Advert", false,
                "refused.commentFlag", () -> true)));
    }

    private static String refusal(org.civicloop.kernel.Result<?> r) {
        return ((org.civicloop.kernel.Result.Refused<?>) r).key();
    }
}
