package org.civicloop.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.civicloop.audit.AuditLog;
import org.civicloop.audit.chain.MerkleTree;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.Cycles;
import org.civicloop.kernel.Actor;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.TieBreaking;
import org.civicloop.voting.count.text.CountJson;

/**
 * The owner of a closed vote's count: when the cycle leaves VOTE each budget's channel is counted once and stored
 * ({@link StoredCount}), in the transaction of the phase change, audited as {@code voting.countStored} with the box's
 * root and the stored result's digest. Pages, the report, the API and the recommendations then read the stored count;
 * a recount counts the box afresh and says whether it matches, changing nothing.
 */
@ApplicationScoped
public class StoredCounts {

    @PersistenceContext(unitName = "civicloop")
    EntityManager em;
    @Inject
    BallotCounting counting;
    @Inject
    BallotBoxes boxes;
    @Inject
    VoteOptions voteOptions;
    @Inject
    Budgets budgets;
    @Inject
    Cycles cycleViews;
    @Inject
    AuditLog audit;
    @Inject
    Clock clock;

    /** Stored results rebuilt once per server (a stored count never changes), by the row's id. */
    private final Map<Long, CountResult> rebuilt = new ConcurrentHashMap<>();

    /** The channels a budget's count covers: the city-wide budget both, a district budget residents only. */
    public static List<Ballot.Channel> channels(Budget budget) {
        return budget.cityWide() ? List.of(Ballot.Channel.values()) : List.of(Ballot.Channel.RESIDENTS);
    }

    /** The stored count of a budget's channel, if its vote has closed. */
    public Optional<StoredCount> find(Budget budget, Ballot.Channel channel) {
        return em.createQuery("SELECT s FROM StoredCount s WHERE s.cycleId = :c AND s.budgetCode = :b"
                        + " AND s.channel = :ch", StoredCount.class).setParameter("c", budget.cycleId())
                .setParameter("b", budget.code()).setParameter("ch", channel).getResultStream().findFirst();
    }

    /** Whether any budget's channel of the cycle lacks its stored count. */
    public boolean missing(long cycleId) {
        return budgets.budgets(cycleId).stream()
                .anyMatch(b -> channels(b).stream().anyMatch(ch -> find(b, ch).isEmpty()));
    }

    /** The stored count as the pages read it: the stored result with the budget's options and currency. */
    public Optional<VotingService.Count> read(Budget budget, Ballot.Channel channel) {
        return find(budget, channel).map(s -> {
            Map<Ballot.Source, Long> sources = new EnumMap<>(Ballot.Source.class);
            if (s.getOnlineBallots() > 0) {
                sources.put(Ballot.Source.ONLINE, (long) s.getOnlineBallots());
            }
            if (s.getPaperBallots() > 0) {
                sources.put(Ballot.Source.PAPER, (long) s.getPaperBallots());
            }
            Map<String, CostedOption> options = new java.util.LinkedHashMap<>();
            voteOptions.options(budget.cycleId(), budget.id()).forEach(o -> options.put(o.getCode(),
                    CostedOption.of(o)));
            return new VotingService.Count(channel, s.getBallots(), CountingRule.valueOf(s.getRule()),
                    rebuilt.computeIfAbsent(s.getId(), id -> StoredCountCodec.read(s.getResultData())), options,
                    sources, cycleViews.find(budget.cycleId()).orElseThrow().currency());
        });
    }

    /**
     * Counts and stores every budget's channel of the cycle that has no stored count yet, audited (the cycle's row
     * locked first, so two servers never store one twice). Called when the vote closes, and for a cycle already past
     * VOTE without its count (stored before counts were kept: once, on the first start after the upgrade).
     *
     * @param occasion why it is stored now, for the audit entry (null: the vote closed)
     * @return how many counts were stored
     */
    @Transactional
    public int storeMissing(long cycleId, Actor actor, String occasion) {
        cycleViews.findLocked(cycleId);
        int stored = 0;
        for (Budget budget : budgets.budgets(cycleId)) {
            for (Ballot.Channel channel : channels(budget)) {
                if (find(budget, channel).isEmpty()) {
                    store(budget, channel, actor, occasion);
                    stored++;
                }
            }
        }
        return stored;
    }

    private void store(Budget budget, Ballot.Channel channel, Actor actor, String occasion) {
        VotingService.Count count = counting.fresh(budget, channel);
        String data = StoredCountCodec.write(count.result());
        String json = count.json(Locale.ENGLISH);
        if (!CountJson.write(StoredCountCodec.read(data), count.text(Locale.ENGLISH)).equals(json)) {
            throw new IllegalStateException("The stored form of the count of cycle " + budget.cycleId()
                    + " does not rebuild it; nothing is stored");
        }
        MerkleTree tree = boxes.tree(budget, channel);
        Integer seats = budget.rule().isBudgetRule() ? null
                : BallotCounting.seats(budget.rule(), count.options().size());
        String digest = sha256(data);
        StoredCount row = new StoredCount(budget, channel, seats, TieBreaking.code(TieBreaking.METHOD),
                count.ballots(), (int) count.bySource(Ballot.Source.ONLINE), (int) count.bySource(Ballot.Source.PAPER),
                tree.size() - count.ballots(), tree.rootHex(), count.result().winners(), json, data, digest,
                clock.instant());
        em.persist(row);
        em.flush();
        audit.record(actor, "voting.countStored", "stored_count", row.getId(), null, "cycle=" + budget.cycleId()
                + "; channel=" + channel + VotingService.boxDetail(budget) + "; rule=" + budget.rule().cliName()
                + "; ballots=" + count.ballots() + "; root=" + tree.rootHex() + "; result=sha256:" + digest
                + (occasion == null ? "" : "; " + occasion));
    }

    /**
     * A recount of one budget's channel compared with its stored count: the box counted afresh (its root, ballots,
     * winners and result digest) beside what was stored, and which of them differ. Reads only.
     */
    public record Recount(Ballot.Channel channel, String budgetCode, Instant storedAt, String storedRoot,
                          String freshRoot, int storedBallots, int freshBallots, List<String> storedWinners,
                          List<String> freshWinners, String storedDigest, String freshDigest, List<String> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    /** Recounts each channel of a budget whose count is stored (empty while the vote is open). */
    public List<Recount> recount(Budget budget) {
        List<Recount> out = new ArrayList<>();
        for (Ballot.Channel channel : channels(budget)) {
            StoredCount s = find(budget, channel).orElse(null);
            if (s == null) {
                continue;
            }
            VotingService.Count fresh = counting.fresh(budget, channel);
            String root = boxes.tree(budget, channel).rootHex();
            String digest = sha256(StoredCountCodec.write(fresh.result()));
            List<String> differences = new ArrayList<>();
            if (!root.equals(s.getRoot())) {
                differences.add("root");
            }
            if (fresh.ballots() != s.getBallots()) {
                differences.add("ballots");
            }
            if (!fresh.result().winners().equals(s.getWinners())) {
                differences.add("winners");
            }
            if (!digest.equals(s.getResultDigest())) {
                differences.add("result");
            }
            if (!Objects.equals(fresh.rule().name(), s.getRule())) {
                differences.add("rule");
            }
            out.add(new Recount(channel, budget.code(), s.getStoredAt(), s.getRoot(), root, s.getBallots(),
                    fresh.ballots(), s.getWinners(), fresh.result().winners(), s.getResultDigest(), digest,
                    differences));
        }
        return out;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
