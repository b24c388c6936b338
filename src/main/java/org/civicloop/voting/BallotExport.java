package org.civicloop.voting;

import java.util.List;
import org.civicloop.cycle.Cycle;

/**
 * Writes a channel's anonymised ballots in the pabulib .pb format (META, PROJECTS, VOTES), the open format the
 * offline tool and other researchers' tools count. The voter id is the ballot's receipt code, so each voter can find
 * their own ballot and nobody else can tell whose it is.
 */
public final class BallotExport {

    private BallotExport() {
    }

    public static String pabulib(Cycle cycle, List<BudgetOption> options, List<Ballot> ballots, Ballot.Channel channel) {
        StringBuilder pb = new StringBuilder();
        pb.append("META\nkey;value\n");
        meta(pb, "description", cycle.getTitle() + " (" + channel.name().toLowerCase() + " ballots)");
        meta(pb, "unit", cycle.getCouncil());
        meta(pb, "instance", "cycle-" + cycle.getId());
        meta(pb, "num_projects", Integer.toString(options.size()));
        meta(pb, "num_votes", Integer.toString(ballots.size()));
        meta(pb, "budget", Long.toString(cycle.getBudgetAmount() == null ? 0 : cycle.getBudgetAmount()));
        meta(pb, "vote_type", "ordinal");
        meta(pb, "rule", cycle.getCountingRule() == null ? "greedy" : cycle.getCountingRule().cliName());
        meta(pb, "currency", cycle.getCurrency());
        meta(pb, "min_length", "1");
        meta(pb, "max_length", Integer.toString(Math.max(1, options.size())));
        pb.append("PROJECTS\nproject_id;cost;name\n");
        for (BudgetOption o : options) {
            pb.append(o.getCode()).append(';').append(o.getCost()).append(';').append(clean(o.getTitle())).append('\n');
        }
        pb.append("VOTES\nvoter_id;vote\n");
        for (Ballot b : ballots) {
            pb.append(b.getReceipt()).append(';').append(b.getRanking()).append('\n');
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
