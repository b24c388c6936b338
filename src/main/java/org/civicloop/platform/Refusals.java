package org.civicloop.platform;

import jakarta.ws.rs.core.Response;
import org.civicloop.kernel.Result;

/** How a refused use case answers over REST: 403, 404, 409 (not now) or 400 (bad input), as problem details. */
public final class Refusals {

    /** Refusals that mean "not now" rather than "bad input". */
    private static final java.util.Set<String> CONFLICTS = java.util.Set.of("refused.amend.countingRule",
            "refused.ballot.residentsClosed",
            "refused.amend.notPublished", "refused.next.notClosed", "refused.plan.past",
            // jury
            "refused.jury.drawing", "refused.jury.notCommitted", "refused.jury.poolChanged", "refused.pool.header",
            "refused.pool.duplicate", "refused.household.fixed", "refused.retention.notClosed",
            "refused.retention.done", "refused.pool.nothingImported",
            "refused.letters.committed", "refused.letters.notCommitted", "refused.letters.noList",
            "refused.letters.notDrawn", "refused.letters.erased", "refused.volunteer.codeUsed",
            "refused.volunteering.fixed",
            // paper ballots
            "refused.paper.scanned", "refused.paper.twoKeyers", "refused.paper.notDisputed",
            "refused.paper.discrepancies", "refused.paper.notKeyedTwice", "refused.paper.openBatches",
            "refused.paper.labelTaken", "refused.paper.accepted", "refused.paper.alreadyVoted",
            "refused.paper.notVerified", "refused.paper.notVerifiedIn",
            // measure
            "refused.reading.setNotPublished", "refused.objective.notFunded",
            // evidence packs
            "refused.evidence.inReview", "refused.evidence.notInReview", "refused.evidence.nothingNew",
            "refused.evidence.unchanged", "refused.evidence.withdrawn", "refused.question.notOpen",
            "refused.question.tooMany",
            // deliberation
            "refused.round.state", "refused.round.move", "refused.round.noOptions", "refused.session.notLive",
            "refused.poll.closed", "refused.session.ended",
            "refused.signoff.unanswered", "refused.signoff.notPolitical", "refused.signoff.sameOfficer",
            "refused.report.unanswered", "refused.report.signoffMissing", "refused.correction.nothingPublished",
            // residents' proposals
            "refused.support.merged", "refused.support.hidden", "refused.support.none", "refused.flag.hidden",
            "refused.merge.targetMerged", "refused.merge.targetHidden", "refused.merge.selected",
            "refused.assessment.merged", "refused.assessment.selected", "refused.selection.notFeasible",
            "refused.selection.hidden", "refused.moderation.selected", "refused.comment.proposalHidden",
            "refused.commentFlag.hidden",
            // eligibility
            "refused.electorate.undefined", "refused.verify.censusOff", "refused.verify.codeOff",
            "refused.verify.inPersonOff", "refused.verify.bound", "refused.verify.codeUsed");

    /** Refusals that mean "not you": the account is not eligible here. */
    private static final java.util.Set<String> FORBIDDEN = java.util.Set.of("refused.eligibility.notVerified",
            "refused.eligibility.wrongDistrict", "refused.eligibility.proposeDistrict", "refused.verify.age",
            "refused.budget.notVerified", "refused.budget.wrongDistrict");

    private Refusals() {
    }

    public static Response toResponse(Result.Refused<?> refused) {
        String key = refused.key();
        int status;
        String title;
        if (key.equals("refused.notAllowed") || key.endsWith(".notAllowed") || key.endsWith(".residentsOnly")
                || key.endsWith(".notJuror") || FORBIDDEN.contains(key)) {
            status = 403;
            title = "Forbidden";
        } else if (key.endsWith(".unknown")) {
            status = 404;
            title = "Not Found";
        } else if (key.startsWith("refused.gate.") || key.startsWith("refused.launch.") || key.contains(".phase")
                || key.endsWith(".already") || key.endsWith(".closed") || key.endsWith(".published")
                || key.endsWith(".drawn") || key.endsWith(".taken") || key.endsWith(".stale")
                || CONFLICTS.contains(key)) {
            status = 409;
            title = "Conflict";
        } else {
            status = 400;
            title = "Invalid input";
        }
        return Problem.refusal(status, title, refused.message(ApiLanguage.current()), key);
    }

    /** The value of a done result, or a WebApplicationException carrying the refusal's problem details. */
    public static <T> T orThrow(Result<T> result) {
        if (result instanceof Result.Refused<T> r) {
            throw new jakarta.ws.rs.WebApplicationException(toResponse(r));
        }
        return result.value();
    }
}
