package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.civicloop.audit.EntityChange;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.audit.chain.MerkleTree;

/**
 * Use cases of the published ballot box: its sealed Merkle roots, and a receipt's inclusion proof (RFC 9162 §2.1.3)
 * that the ballot, with its ranking, is among those counted.
 */
@ApplicationScoped
public class BallotProofs {

    @Inject
    VotingService voting;
    @Inject
    BallotBoxes boxes;
    @Inject
    AuditLog audit;
    @Inject
    Budgets budgets;

    /**
     * A channel's box as published: the root and size sealed into the audit chain when the vote closed
     * ({@code sealedIn} = that entry), or, for a box sealed before roots were, the root of its ballots as stored now
     * ({@code sealedIn} null).
     */
    public record PublishedBox(Ballot.Channel channel, String budget, String root, long size, Long sealedIn) {
    }

    /** A receipt's proof; {@code verifies}: the path leads from this leaf to the published root of the same size. */
    public record Proof(long cycleId, Ballot.Channel channel, String receipt, List<String> ranking, long leafIndex,
                        long treeSize, String leaf, String leafHash, List<String> path, String root,
                        PublishedBox published, boolean verifies) {
    }

    /**
     * The published root and size of each box of a cycle (call once its vote has closed): each channel of the
     * city-wide budget, then the residents' box of each district budget ({@code budget}: its code).
     */
    public List<PublishedBox> publishedBoxes(long cycleId) {
        Map<String, PublishedBox> sealed = new java.util.HashMap<>();
        for (EntityChange e : audit.forEntity("cycle", cycleId)) {
            if (e.action().equals("voting.ballotBoxSealed")) {
                Map<String, String> f = fields(e.detail());
                if (f.containsKey("root")) {
                    Ballot.Channel channel = Ballot.Channel.valueOf(f.get("channel"));
                    sealed.put(channel + "#" + f.get("budget"), new PublishedBox(channel, f.get("budget"),
                            f.get("root"), Long.parseLong(f.get("ballots")), e.seq()));
                }
            }
        }
        List<PublishedBox> out = new ArrayList<>();
        for (Budget budget : budgets.budgets(cycleId)) {
            String code = budget.cityWide() ? null : budget.code();
            for (Ballot.Channel channel : Ballot.Channel.values()) {
                if (budget.cityWide() || channel == Ballot.Channel.RESIDENTS) {
                    PublishedBox box = sealed.get(channel + "#" + code);
                    if (box == null) {
                        MerkleTree tree = boxes.tree(budget, channel);
                        box = new PublishedBox(channel, code, tree.rootHex(), tree.size(), null);
                    }
                    out.add(box);
                }
            }
        }
        return out;
    }

    /** The inclusion proof of the counted ballot with this receipt in this cycle; empty when there is none. */
    public Optional<Proof> proof(long cycleId, String receipt) {
        if (receipt == null || receipt.isBlank() || receipt.length() > 32) {
            return Optional.empty();
        }
        Optional<Ballot> found = boxes.findByReceipt(receipt.strip().toUpperCase(java.util.Locale.ROOT))
                .filter(b -> b.getCycleId() == cycleId && !b.isSuperseded());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Ballot ballot = found.get();
        Budget budget = budgets.byId(cycleId, ballot.getBudgetId()).orElseThrow();
        List<BallotLeaf.Entry> box = BallotLeaf.canonical(voting.ballots(budget, ballot.getChannel()).stream()
                .map(b -> new BallotLeaf.Entry(b.getReceipt(), b.getChannel().name(), b.getRanking())).toList());
        int index = -1;
        for (int i = 0; i < box.size(); i++) {
            if (box.get(i).receipt().equals(ballot.getReceipt())) {
                index = i;
            }
        }
        MerkleTree tree = BallotLeaf.tree(box);
        MerkleTree.Proof proof = tree.proof(index);
        byte[] leaf = BallotLeaf.encode(ballot.getReceipt(), ballot.getChannel().name(), ballot.getRanking());
        String code = budget.cityWide() ? null : budget.code();
        PublishedBox published = publishedBoxes(cycleId).stream().filter(p -> p.channel() == ballot.getChannel()
                && java.util.Objects.equals(p.budget(), code)).findFirst().orElseThrow();
        byte[] publishedRoot = MerkleTree.parseHash(published.root());
        boolean verifies = published.size() == proof.treeSize() && MerkleTree.verifyInclusion(proof.leafIndex(),
                proof.treeSize(), MerkleTree.leafHash(leaf), proof.path(), publishedRoot);
        return Optional.of(new Proof(cycleId, ballot.getChannel(), ballot.getReceipt(), ballot.ranking(),
                proof.leafIndex(), proof.treeSize(), HexFormat.of().formatHex(leaf),
                MerkleTree.hex(MerkleTree.leafHash(leaf)), proof.path().stream().map(MerkleTree::hex).toList(),
                tree.rootHex(), published, verifies));
    }

    private static Map<String, String> fields(String detail) {
        Map<String, String> out = new java.util.HashMap<>();
        if (detail != null) {
            for (String part : detail.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }
}
