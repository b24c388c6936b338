package org.civicloop.voting.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.civicloop.cycle.CycleView;
import org.civicloop.cycle.Cycles;
import org.civicloop.cycle.Phase;
import org.civicloop.voting.Ballot;
import org.civicloop.voting.CampaignDecision;
import org.civicloop.voting.BallotProofs;
import org.civicloop.voting.CostedOption;
import org.civicloop.voting.BallotBoxes;
import org.civicloop.voting.FlaggedBallots;
import org.civicloop.voting.VotingService;

/** A voter checks, with their receipt code, that their ballot is in the published list exactly as cast. */
@Named
@RequestScoped
public class ReceiptBean {

    @Inject
    VotingService voting;
    @Inject
    BallotBoxes boxes;
    @Inject
    FlaggedBallots flaggedBallots;
    @Inject
    Cycles cycles;
    @Inject
    BallotProofs proofs;

    private String code;
    private boolean checked;
    private Ballot ballot;
    private CycleView cycle;
    private BallotProofs.Proof proof;
    private boolean proofRead;

    public String check() {
        checked = true;
        ballot = null;
        cycle = null;
        if (code == null || code.isBlank() || code.length() > 20) {
            return null;
        }
        Optional<Ballot> found = boxes.findByReceipt(code.strip().toUpperCase(Locale.ROOT));
        if (found.isPresent()) {
            ballot = found.get();
            cycle = cycles.find(ballot.getCycleId()).orElse(null);
        }
        return null;
    }

    /** Ballots are shown only once the vote has closed and they are published anyway. */
    public boolean isPublished() {
        return cycle != null && cycle.phase().isAfter(Phase.VOTE);
    }

    /**
     * The public reason an officer gave for leaving this ballot out of the count (a possible campaign), once the vote
     * has closed; null when it is counted.
     */
    public String getExclusionReason() {
        if (ballot == null || !isPublished() || ballot.isSuperseded()) {
            return null;
        }
        return flaggedBallots.decision(ballot.getReceipt()).filter(CampaignDecision::isExcluded)
                .map(CampaignDecision::getReason).orElse(null);
    }

    public List<CostedOption> getRanking() {
        Map<String, CostedOption> byCode = voting.options(ballot.getCycleId()).stream()
                .collect(Collectors.toMap(CostedOption::getCode, Function.identity()));
        return ballot.ranking().stream().map(byCode::get).toList();
    }

    /**
     * The proof that this ballot, with this ranking, is in the counted box whose root was sealed and published; null
     * while the vote is open, for a replaced ballot, or without a ballot.
     */
    public BallotProofs.Proof getProof() {
        if (!proofRead) {
            proofRead = true;
            if (ballot != null && isPublished() && !ballot.isSuperseded()) {
                proof = proofs.proof(ballot.getCycleId(), ballot.getReceipt()).orElse(null);
            }
        }
        return proof;
    }

    public boolean isProofVerifies() { return getProof() != null && proof.verifies(); }
    public long getProofPosition() { return getProof() == null ? 0 : proof.leafIndex() + 1; }
    public long getProofTreeSize() { return getProof() == null ? 0 : proof.treeSize(); }
    public List<String> getProofPath() { return getProof() == null ? List.of() : proof.path(); }
    public String getPublishedRoot() { return getProof() == null ? "" : proof.published().root(); }

    /** The proof's leaf as text (civicloop-ballot-v1;RECEIPT;CHANNEL;RANKING). */
    public String getLeafText() {
        return proof == null ? "" : new String(java.util.HexFormat.of().parseHex(proof.leaf()),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public boolean isChecked() { return checked; }
    public Ballot getBallot() { return ballot; }
    public CycleView getCycle() { return cycle; }
}
