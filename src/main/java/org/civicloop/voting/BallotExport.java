package org.civicloop.voting;

import java.util.List;
import java.util.Map;
import org.civicloop.audit.chain.BallotLeaf;
import org.civicloop.cycle.CountingRule;
import org.civicloop.cycle.CycleView;
import org.civicloop.voting.count.TieBreaking;

/**
 * Writes a channel's anonymised ballots in the pabulib .pb format (META, PROJECTS, VOTES), the open format the
 * offline tool and other researchers' tools count. The voter id is the ballot's receipt code, so each voter can find
 * their own ballot and nobody else can tell whose it is.
 */
public final class BallotExport {

    private BallotExport() {
    }

    /**
     * One budget's box ({@link Budget}: its envelope and rule; a district budget adds META {@code district}, as
     * pabulib's district files do, and its code to the description and instance).
     */
    public static String pabulib(CycleView cycle, Budget budget, List<CostedOption> options,
                                 List<Ballot> ballots, Ballot.Channel channel) {
        return pabulib(new Header(cycle.id(), budget.cityWide() ? cycle.title() : cycle.title() + " - "
                        + budget.label(), cycle.council(), budget.amount(), budget.rule(), cycle.currency(),
                        budget.district(), budget.fileSuffix()), options, ballots, channel, excluded(ballots));
    }

    /** The ballots an officer excluded from the count, receipt to public reason, as {@link VotingService} marked them. */
    private static Map<String, String> excluded(List<Ballot> ballots) {
        Map<String, String> out = new java.util.TreeMap<>();
        ballots.stream().filter(b -> b.getExcludedReason() != null)
                .forEach(b -> out.put(b.getReceipt(), b.getExcludedReason()));
        return out;
    }

    /** What the export says of the cycle. */
    record Header(long cycleId, String title, String council, long budget, CountingRule rule, String currency,
                  String district, String suffix) {
        Header(long cycleId, String title, String council, long budget, CountingRule rule, String currency) {
            this(cycleId, title, council, budget, rule, currency, null, "");
        }
    }

    /**
     * The export. Besides pabulib's keys, META states every parameter of the count ({@code rule}, {@code seats} for
     * STV, {@code tie_break}), so that {@code count --rule RULE FILE} gives the published result with nothing
     * unpublished, and the box's {@code channel} and Merkle root ({@code ballot_box_root}, see
     * {@link BallotLeaf}) for {@code verify-ballots}. No day or time of casting.
     *
     * <p>Ballots an officer excluded from the count (a possible campaign, {@code excluded}: receipt to public reason)
     * stay in VOTES, so the box and its root are whole; META {@code num_excluded} says how many, and VOTES then has a
     * third column {@code excluded} holding the reason (empty for every counted ballot), which {@code count} reads to
     * leave them out. Without exclusions the file is as before: two VOTES columns, no {@code num_excluded}.
     */
    static String pabulib(Header cycle, List<CostedOption> options, List<Ballot> ballots, Ballot.Channel channel,
                          Map<String, String> excluded) {
        Map<String, String> out = new java.util.TreeMap<>();
        ballots.forEach(b -> {
            if (excluded.containsKey(b.getReceipt())) {
                out.put(b.getReceipt(), clean(excluded.get(b.getReceipt())).replace('"', '\'').strip());
            }
        });
        StringBuilder pb = new StringBuilder();
        pb.append("META\nkey;value\n");
        meta(pb, "description", cycle.title() + " (" + channel.name().toLowerCase() + " ballots)");
        meta(pb, "unit", cycle.council());
        meta(pb, "instance", "cycle-" + cycle.cycleId() + cycle.suffix());
        if (cycle.district() != null) {
            meta(pb, "district", cycle.district());
        }
        meta(pb, "num_projects", Integer.toString(options.size()));
        meta(pb, "num_votes", Integer.toString(ballots.size()));
        meta(pb, "budget", Long.toString(cycle.budget()));
        meta(pb, "vote_type", "ordinal");
        meta(pb, "rule", cycle.rule().cliName());
        if (!cycle.rule().isBudgetRule()) {
            meta(pb, "seats", Integer.toString(BallotCounting.seats(cycle.rule(), options.size())));
        }
        meta(pb, "tie_break", TieBreaking.METHOD);
        meta(pb, "currency", cycle.currency());
        meta(pb, "channel", channel.name().toLowerCase(java.util.Locale.ROOT));
        meta(pb, "ballot_box_root", BallotLeaf.tree(ballots.stream().map(b -> new BallotLeaf.Entry(b.getReceipt(),
                b.getChannel().name(), b.getRanking())).toList()).rootHex());
        if (!out.isEmpty()) {
            meta(pb, "num_excluded", Integer.toString(out.size()));
        }
        meta(pb, "min_length", "1");
        meta(pb, "max_length", Integer.toString(Math.max(1, options.size())));
        pb.append("PROJECTS\nproject_id;cost;name\n");
        for (CostedOption o : options) {
            pb.append(o.getCode()).append(';').append(o.getCost()).append(';').append(clean(o.getTitle())).append('\n');
        }
        pb.append(out.isEmpty() ? "VOTES\nvoter_id;vote\n" : "VOTES\nvoter_id;vote;excluded\n");
        for (Ballot b : ballots) {
            pb.append(b.getReceipt()).append(';').append(b.getRanking());
            if (!out.isEmpty()) {
                pb.append(';').append(out.getOrDefault(b.getReceipt(), ""));
            }
            pb.append('\n');
        }
        return pb.toString();
    }

    private static void meta(StringBuilder pb, String key, String value) {
        pb.append(key).append(';').append(clean(value)).append('\n');
    }

    /** Field separators and line breaks cannot appear inside a .pb field. */
    static String clean(String s) {
        return s == null ? "" : s.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
    }
}
