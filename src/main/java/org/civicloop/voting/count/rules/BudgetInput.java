package org.civicloop.voting.count.rules;

import java.util.List;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountException;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Profile;

/**
 * Ballots of a participatory budget turned into per-project supporter lists with integer utilities.
 *
 * <p>Utilities: approval — each approved project gives utility {@code cost} (stored as integer 1 with
 * {@code unit[p] = cost}); cumulative — the points given; ordinal — {@code maxLength - position} (position from 0).
 * The "score" used by greedy is the sum of the integer utilities times multiplicities (approval: number of
 * approvals; points otherwise).
 */
final class BudgetInput {

    final Election election;
    final int m;
    final Fraction budget;
    final Fraction[] cost;
    final long[] groupCount;
    final long voters;
    /** supporters of project p: ballot-group indexes and integer utilities (&gt; 0). */
    final int[][] supGroup;
    final long[][] supUtil;
    /** actual utility = unit[p] * integer utility. */
    final Fraction[] unit;
    final long[] score;
    final long[] supporters;
    final BallotType type;

    BudgetInput(String rule, Election e, Profile p) {
        if (e.budget() == null) {
            throw new CountException("the " + rule + " rule needs a budget; this file has none (it is a ranked "
                    + "election, or a .pb file without a 'budget' in META)");
        }
        for (int i = 0; i < e.size(); i++) {
            if (e.option(i).cost() == null) {
                throw new CountException("the " + rule + " rule needs project costs; option " + e.id(i)
                        + " has none");
            }
        }
        this.election = e;
        this.type = p.type();
        this.m = e.size();
        this.budget = e.budget();
        this.cost = new Fraction[m];
        this.unit = new Fraction[m];
        for (int i = 0; i < m; i++) {
            cost[i] = e.option(i).cost();
            unit[i] = type == BallotType.APPROVAL ? cost[i] : Fraction.ONE;
        }
        List<BallotGroup> ballots = p.ballots();
        int ng = ballots.size();
        groupCount = new long[ng];
        int[] deg = new int[m];
        for (int g = 0; g < ng; g++) {
            BallotGroup b = ballots.get(g);
            groupCount[g] = b.count();
            for (int o : b.options()) {
                deg[o]++;
            }
        }
        supGroup = new int[m][];
        supUtil = new long[m][];
        for (int i = 0; i < m; i++) {
            supGroup[i] = new int[deg[i]];
            supUtil[i] = new long[deg[i]];
        }
        int[] fill = new int[m];
        int maxLength = p.maxLength();
        score = new long[m];
        supporters = new long[m];
        for (int g = 0; g < ng; g++) {
            BallotGroup b = ballots.get(g);
            int[] opts = b.options();
            long[] pts = b.points();
            for (int k = 0; k < opts.length; k++) {
                int o = opts[k];
                long u = switch (type) {
                    case APPROVAL -> 1;
                    case CUMULATIVE -> pts[k];
                    case ORDINAL -> maxLength - k;
                };
                if (type == BallotType.ORDINAL && b.ranks().length != opts.length) {
                    throw new CountException("ordinal utilities need rankings without ties");
                }
                if (u <= 0) {
                    continue;
                }
                if (u > Integer.MAX_VALUE) {
                    throw new CountException("points above " + Integer.MAX_VALUE + " are not supported");
                }
                supGroup[o][fill[o]] = g;
                supUtil[o][fill[o]] = u;
                fill[o]++;
                score[o] += u * b.count();
                supporters[o] += b.count();
            }
        }
        for (int i = 0; i < m; i++) {
            if (fill[i] != deg[i]) {
                supGroup[i] = java.util.Arrays.copyOf(supGroup[i], fill[i]);
                supUtil[i] = java.util.Arrays.copyOf(supUtil[i], fill[i]);
            }
        }
        long v = 0;
        for (long c : groupCount) {
            v += c;
        }
        voters = v;
    }

    String scoreWord() {
        return type == BallotType.APPROVAL ? "votes" : "points";
    }
}
