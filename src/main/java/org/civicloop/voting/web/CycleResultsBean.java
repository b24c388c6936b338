package org.civicloop.voting.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.civicloop.platform.web.PerRequest;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.VotingService;

/**
 * The public cycle page's options and results (through {@code #{cycleResults.juryCount(c.id)}} and the like), so
 * that the cycle capability, whose page it is, needs no dependency on voting. Each figure is read once per request.
 */
@Named("cycleResults")
@RequestScoped
public class CycleResultsBean {

    @Inject
    VotingService voting;

    private final PerRequest read = new PerRequest();

    /** The cycle's city-wide budget options, as the ballot offers them. */
    public List<CostedOption> options(long cycleId) {
        return read.once("options", cycleId, () -> voting.options(cycleId));
    }

    /** The count of the jurors' ballots (called once the vote has closed). */
    public VotingService.Count juryCount(long cycleId) {
        return read.once("jury", cycleId, () -> voting.count(cycleId, Ballot.Channel.JURY));
    }

    /** The count of the residents' city-wide ballots (called once the vote has closed). */
    public VotingService.Count residentCount(long cycleId) {
        return read.once("residents", cycleId, () -> voting.count(cycleId, Ballot.Channel.RESIDENTS));
    }

    /** How many residents' ballots were flagged as a possible campaign (a public figure: no ballot is named). */
    public long flaggedBallots(long cycleId) {
        return read.once("flagged", cycleId, () -> voting.flaggedBallots(cycleId));
    }

    /** How the flagged ballots were treated: counted or excluded, each decision with its public reason. */
    public VotingService.CampaignTreatment campaign(long cycleId) {
        return read.once("campaign", cycleId, () -> voting.campaign(cycleId));
    }
}
