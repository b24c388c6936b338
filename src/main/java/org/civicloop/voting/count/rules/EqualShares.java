package org.civicloop.voting.count.rules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.Rule;
import org.civicloop.voting.count.TieBreak;
import org.civicloop.voting.count.TieBreaking;

/**
 * The Method of Equal Shares (Peters &amp; Skowron), in exact rational arithmetic.
 *
 * <p>Every voter starts with an equal share {@code b = budget / voters}. Repeatedly, for each project not yet
 * funded, find the smallest price per unit of utility {@code rho} such that its supporters, each paying
 * {@code min(remaining budget, rho * utility)}, together pay exactly its cost; a project whose supporters have less
 * money left in total than its cost is dropped. Fund the project with the smallest rho (ties: lexicographically
 * smallest id), charge its supporters, and repeat until no project is affordable. No completion.
 *
 * <p>{@code mes-add1}: the same with the per-voter budget raised in steps of 1 currency unit ({@code b + 1},
 * {@code b + 2}, ...), keeping the last outcome whose total cost is within the real budget and stopping as soon as
 * the next step's outcome would overspend; no greedy fill.
 *
 * <p>Speed: voters with the same ballot form one group; groups whose remaining budget was produced by the same
 * payments share one "budget class", so the price of a project is computed over a handful of (class, utility)
 * pairs; a project's rho never decreases, so projects are examined in order of their last known rho and the search
 * stops early.
 */
public final class EqualShares implements Rule {

    private final boolean add1;

    private EqualShares(boolean add1) {
        this.add1 = add1;
    }

    public static EqualShares mes() {
        return new EqualShares(false);
    }

    public static EqualShares add1() {
        return new EqualShares(true);
    }

    @Override
    public String name() {
        return add1 ? "mes-add1" : "mes";
    }

    /** One purchase of a run. */
    record Purchase(int project, Fraction rho, Fraction maxPayment, long payers, long exhaustedPayers,
            Fraction moneyOfSupporters, List<Integer> tiedWith) {
    }

    /** The result of one run with a fixed per-voter budget. */
    record Run(Fraction perVoter, List<Purchase> purchases, Fraction totalCost, Fraction[] supportersMoneyAtEnd) {
    }

    @Override
    public CountResult count(Election e, Profile p, CountOptions options) {
        BudgetInput in = new BudgetInput(name(), e, p);
        if (in.voters == 0) {
            return new CountResult(name(), List.of(), List.of(), List.of(), allLost(in, Explanation.of(Reason.NO_VOTES)),
                    Map.of());
        }
        Fraction base = in.budget.divide(in.voters);
        Run run = new Engine(in).run(base, !add1);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("budget", in.budget);
        summary.put("voters", in.voters);
        summary.put("perVoterShare", base);
        if (add1) {
            long steps = 0;
            Fraction totalOfAll = Fraction.ZERO;
            for (Fraction c : in.cost) {
                totalOfAll = totalOfAll.add(c);
            }
            Run next = null;
            Engine engine = new Engine(in);
            while (true) {
                if (run.purchases.size() == countSupported(in)) {
                    break; // everything supported is funded: larger budgets cannot change the outcome
                }
                if (run.perVoter.compareTo(totalOfAll) > 0) {
                    break; // no voter's budget can bind any more: the outcome no longer changes
                }
                Run candidate = engine.run(base.add(Fraction.of(steps + 1)), false);
                if (candidate.totalCost.compareTo(in.budget) > 0) {
                    next = candidate;
                    break;
                }
                steps++;
                run = candidate;
            }
            if (steps > 0 || run.supportersMoneyAtEnd == null) {
                run = engine.run(run.perVoter, true); // again, with the explanation data
            }
            summary.put("increments", steps);
            summary.put("perVoterBudget", run.perVoter);
            if (next != null) {
                summary.put("nextStepPerVoterBudget", next.perVoter);
                summary.put("nextStepTotalCost", next.totalCost);
            }
        }
        summary.put("totalCost", run.totalCost);
        summary.put("budgetLeft", in.budget.subtract(run.totalCost));
        List<String> winners = new ArrayList<>();
        List<Round> rounds = new ArrayList<>();
        List<TieBreak> ties = new ArrayList<>();
        Fraction spent = Fraction.ZERO;
        int r = 0;
        for (Purchase pu : run.purchases) {
            r++;
            int o = pu.project;
            String id = e.id(o);
            winners.add(id);
            spent = spent.add(in.cost[o]);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("project", id);
            data.put("cost", in.cost[o]);
            data.put("pricePerUtility", pu.rho);
            if (in.type == BallotType.APPROVAL) {
                data.put("pricePerVoter", pu.maxPayment);
            } else {
                data.put("pricePerPoint", pu.rho);
                data.put("maxPaymentPerVoter", pu.maxPayment);
            }
            data.put("supporters", in.supporters[o]);
            data.put("payingSupporters", pu.payers);
            data.put("supportersPayingAllTheyHad", pu.exhaustedPayers);
            data.put("supportersMoneyBefore", pu.moneyOfSupporters);
            data.put("totalSpent", spent);
            Explanation step = in.cost[o].signum() == 0
                    ? Explanation.of(Reason.MES_PURCHASE_FREE, r, id, in.supporters[o])
                    : in.type == BallotType.APPROVAL
                    ? Explanation.of(Reason.MES_PURCHASE_EACH, r, id, in.cost[o], pu.payers, pu.maxPayment,
                            pu.exhaustedPayers)
                    : Explanation.of(Reason.MES_PURCHASE_PER_POINT, r, id, in.cost[o], pu.payers, pu.rho,
                            pu.maxPayment, pu.exhaustedPayers);
            rounds.add(new Round(r, "purchase", step, data));
            if (!pu.tiedWith.isEmpty()) {
                List<Integer> all = new ArrayList<>(pu.tiedWith);
                all.add(o);
                ties.add(new TieBreak(r, "fund", e.sortedIds(all), id, TieBreaking.METHOD));
            }
        }
        Map<String, Explanation> lost = new LinkedHashMap<>();
        boolean[] funded = new boolean[in.m];
        for (Purchase pu : run.purchases) {
            funded[pu.project] = true;
        }
        for (int o = 0; o < in.m; o++) {
            if (funded[o]) {
                continue;
            }
            if (in.supporters[o] == 0) {
                lost.put(e.id(o), Explanation.of(Reason.NO_SUPPORT));
                continue;
            }
            if (zeroCostApproval(in, o)) {
                lost.put(e.id(o), Explanation.of(Reason.MES_FREE_APPROVAL, in.supporters[o]));
                continue;
            }
            Fraction start = run.perVoter.multiply(in.supporters[o]);
            Fraction end = run.supportersMoneyAtEnd[o];
            if (end.equals(start)) {
                lost.put(e.id(o), Explanation.of(Reason.MES_SHORT_FROM_START, in.supporters[o], start, run.perVoter,
                        in.cost[o]));
            } else {
                lost.put(e.id(o), Explanation.of(Reason.MES_SHORT_AT_END, in.supporters[o], start, run.perVoter, end,
                        in.cost[o], start.compareTo(in.cost[o]) < 0 ? 1 : 0));
            }
        }
        return new CountResult(name(), winners, rounds, ties, lost, summary);
    }

    /** Projects that some run could fund: supported ones, except approval projects of cost 0 (never funded). */
    private static int countSupported(BudgetInput in) {
        int n = 0;
        for (int o = 0; o < in.m; o++) {
            if (in.supporters[o] > 0 && !(zeroCostApproval(in, o))) {
                n++;
            }
        }
        return n;
    }

    private static boolean zeroCostApproval(BudgetInput in, int o) {
        return in.type == BallotType.APPROVAL && in.cost[o].signum() == 0;
    }

    private static Map<String, Explanation> allLost(BudgetInput in, Explanation why) {
        Map<String, Explanation> m = new LinkedHashMap<>();
        for (int o = 0; o < in.m; o++) {
            m.put(in.election.id(o), why);
        }
        return m;
    }

    /**
     * The MES computation for a fixed per-voter budget. Reusable across runs (not thread-safe).
     *
     * <p>Exact integer arithmetic: every remaining budget is held as an integer numerator over one common
     * denominator {@code den}; when a purchase introduces a new denominator, {@code den} is multiplied by it and all
     * live numerators are rescaled, so no gcd is needed while searching for prices.
     */
    static final class Engine {
        private static final int ZERO_CLASS = 1;

        private final BudgetInput in;
        private final int[] classOf;
        /** numerator of each budget class over den (null once no group uses the class). */
        private final List<BigInteger> classNum = new ArrayList<>();
        private final List<Integer> classSize = new ArrayList<>();
        private BigInteger den;
        private final BigInteger[] costNum;
        private int[] slotOfClass = new int[16];

        Engine(BudgetInput in) {
            this.in = in;
            this.classOf = new int[in.groupCount.length];
            this.costNum = new BigInteger[in.m];
        }

        Run run(Fraction perVoter, boolean explain) {
            int m = in.m;
            Arrays.fill(classOf, 0);
            classNum.clear();
            classSize.clear();
            // common denominator: lcm of the per-voter budget's and the costs' denominators
            BigInteger d = perVoter.denominator();
            for (Fraction c : in.cost) {
                BigInteger cd = c.denominator();
                d = d.divide(d.gcd(cd)).multiply(cd);
            }
            den = d;
            classNum.add(perVoter.numerator().multiply(den.divide(perVoter.denominator())));
            classSize.add(in.groupCount.length);
            classNum.add(BigInteger.ZERO);
            classSize.add(0);
            for (int o = 0; o < m; o++) {
                costNum[o] = in.cost[o].numerator().multiply(den.divide(in.cost[o].denominator()));
            }
            boolean[] available = new boolean[m];
            Fraction[] lower = new Fraction[m];
            for (int o = 0; o < m; o++) {
                available[o] = in.supGroup[o].length > 0;
                lower[o] = Fraction.ZERO;
            }
            List<Purchase> purchases = new ArrayList<>();
            Fraction total = Fraction.ZERO;
            // Projects of cost 0 are never bought with a price (that would divide by zero). As pabutools counts
            // them: with points (cumulative, ordinal) a supported project of cost 0 is funded before anything
            // else, free of charge; with cost utilities (approval) it gives no one any utility, so it is never
            // funded.
            List<Integer> free = new ArrayList<>();
            for (int o = 0; o < m; o++) {
                if (in.cost[o].signum() == 0) {
                    if (available[o] && in.type != BallotType.APPROVAL) {
                        free.add(o);
                    }
                    available[o] = false;
                }
            }
            free.sort(in.election::compareIds);
            for (int o : free) {
                purchases.add(new Purchase(o, Fraction.ZERO, Fraction.ZERO, in.supporters[o], 0,
                        perVoter.multiply(in.supporters[o]), List.of()));
            }
            Integer[] order = new Integer[m];
            for (int o = 0; o < m; o++) {
                order[o] = o;
            }
            while (true) {
                Arrays.sort(order, (a, b) -> {
                    int c = lower[a].compareTo(lower[b]);
                    return c != 0 ? c : in.election.compareIds(a, b);
                });
                int best = -1;
                Eval bestEval = null;
                List<Integer> tied = new ArrayList<>();
                for (int idx = 0; idx < m; idx++) {
                    int o = order[idx];
                    if (!available[o]) {
                        continue;
                    }
                    if (bestEval != null && lower[o].compareTo(bestEval.rho) > 0) {
                        break; // rho never decreases: nothing further can be cheaper
                    }
                    Eval ev = evaluate(o);
                    if (ev == null) {
                        available[o] = false;
                        continue;
                    }
                    lower[o] = ev.rho;
                    if (bestEval == null) {
                        best = o;
                        bestEval = ev;
                    } else {
                        int c = ev.rho.compareTo(bestEval.rho);
                        if (c < 0) {
                            best = o;
                            bestEval = ev;
                            tied.clear();
                        } else if (c == 0) {
                            if (in.election.compareIds(o, best) < 0) {
                                tied.add(best);
                                best = o;
                                bestEval = ev;
                            } else {
                                tied.add(o);
                            }
                        }
                    }
                }
                if (best < 0) {
                    break;
                }
                purchases.add(buy(best, bestEval, tied));
                available[best] = false;
                total = total.add(in.cost[best]);
            }
            Fraction[] moneyAtEnd = null;
            if (explain) {
                moneyAtEnd = new Fraction[m];
                for (int o = 0; o < m; o++) {
                    Eval ev = aggregate(o);
                    BigInteger sum = BigInteger.ZERO;
                    for (int k = 0; k < ev.size; k++) {
                        sum = sum.add(classNum.get(ev.cls[k]).multiply(BigInteger.valueOf(ev.count[k])));
                    }
                    moneyAtEnd[o] = Fraction.of(sum, den);
                }
            }
            return new Run(perVoter, purchases, total, moneyAtEnd);
        }

        /** Supporters of a project aggregated per distinct (budget class, utility), with the price found. */
        private static final class Eval {
            int[] cls;
            long[] util;
            long[] count;
            int size;
            /** price per integer utility unit, times den: rhoP / rhoR. */
            BigInteger rhoP;
            long rhoR;
            /** actual price per unit of utility. */
            Fraction rho;
        }

        private static long key(int cls, long util) {
            return ((long) cls << 32) | util;
        }

        private Eval aggregate(int o) {
            int[] groups = in.supGroup[o];
            long[] utils = in.supUtil[o];
            int nc = classNum.size();
            if (slotOfClass.length < nc) {
                slotOfClass = new int[Math.max(nc, slotOfClass.length * 2)];
            }
            boolean simple = in.type == BallotType.APPROVAL;
            Map<Long, Integer> slots = simple ? null : new HashMap<>();
            if (simple) {
                Arrays.fill(slotOfClass, 0, nc, -1);
            }
            Eval ev = new Eval();
            int cap = 8;
            ev.cls = new int[cap];
            ev.util = new long[cap];
            ev.count = new long[cap];
            for (int k = 0; k < groups.length; k++) {
                int g = groups[k];
                int c = classOf[g];
                if (c == ZERO_CLASS) {
                    continue; // voters with nothing left neither pay nor change the price
                }
                int slot;
                if (simple) {
                    slot = slotOfClass[c];
                } else {
                    Integer s = slots.get(key(c, utils[k]));
                    slot = s == null ? -1 : s;
                }
                if (slot < 0) {
                    if (ev.size == cap) {
                        cap *= 2;
                        ev.cls = Arrays.copyOf(ev.cls, cap);
                        ev.util = Arrays.copyOf(ev.util, cap);
                        ev.count = Arrays.copyOf(ev.count, cap);
                    }
                    slot = ev.size++;
                    ev.cls[slot] = c;
                    ev.util[slot] = utils[k];
                    if (simple) {
                        slotOfClass[c] = slot;
                    } else {
                        slots.put(key(c, utils[k]), slot);
                    }
                }
                ev.count[slot] += in.groupCount[g];
            }
            return ev;
        }

        /** Computes rho of project o, or null when its supporters cannot afford it. */
        private Eval evaluate(int o) {
            Eval ev = aggregate(o);
            long totalUtil = 0;
            for (int k = 0; k < ev.size; k++) {
                totalUtil = Math.addExact(totalUtil, Math.multiplyExact(ev.util[k], ev.count[k]));
            }
            if (totalUtil == 0) {
                return null;
            }
            BigInteger[] num = new BigInteger[ev.size];
            Integer[] idx = new Integer[ev.size];
            for (int k = 0; k < ev.size; k++) {
                idx[k] = k;
                num[k] = classNum.get(ev.cls[k]);
            }
            // ascending budget / utility
            if (ev.size > 1) {
                if (in.type == BallotType.APPROVAL) {
                    Arrays.sort(idx, (a, b) -> num[a].compareTo(num[b]));
                } else {
                    Arrays.sort(idx, (a, b) -> num[a].multiply(BigInteger.valueOf(ev.util[b]))
                            .compareTo(num[b].multiply(BigInteger.valueOf(ev.util[a]))));
                }
            }
            // voters whose budget/utility is below rho pay all they have; the others pay rho * utility
            BigInteger remaining = costNum[o];
            long remainingUtil = totalUtil;
            for (int j = 0; j < ev.size; j++) {
                int k = idx[j];
                BigInteger u = BigInteger.valueOf(ev.util[k]);
                // rho = remaining / remainingUtil is affordable for this entry iff remaining * u <= num * R
                if (remaining.multiply(u).compareTo(num[k].multiply(BigInteger.valueOf(remainingUtil))) <= 0) {
                    ev.rhoP = remaining;
                    ev.rhoR = remainingUtil;
                    break;
                }
                remaining = remaining.subtract(num[k].multiply(BigInteger.valueOf(ev.count[k])));
                remainingUtil -= ev.util[k] * ev.count[k];
                if (remainingUtil == 0) {
                    if (remaining.signum() <= 0) {
                        ev.rhoP = num[k]; // everyone pays all they have: exactly the cost
                        ev.rhoR = ev.util[k];
                    }
                    break;
                }
            }
            if (ev.rhoP == null) {
                return null; // the supporters' money together is less than the cost
            }
            ev.rho = Fraction.of(ev.rhoP, den.multiply(BigInteger.valueOf(ev.rhoR))).divide(in.unit[o]);
            return ev;
        }

        private Purchase buy(int o, Eval ev, List<Integer> tied) {
            // rescale so that every payment rhoP * u / rhoR is integral over the new denominator
            BigInteger r = BigInteger.valueOf(ev.rhoR);
            BigInteger g = ev.rhoP.gcd(r);
            BigInteger f = r.divide(g);
            BigInteger p = ev.rhoP.divide(g);
            if (!f.equals(BigInteger.ONE)) {
                den = den.multiply(f);
                for (int c = 0; c < classNum.size(); c++) {
                    BigInteger v = classNum.get(c);
                    if (v != null && v.signum() != 0) {
                        classNum.set(c, v.multiply(f));
                    }
                }
                for (int q = 0; q < in.m; q++) {
                    costNum[q] = costNum[q].multiply(f);
                }
            }
            BigInteger money = BigInteger.ZERO;
            BigInteger maxPay = BigInteger.ZERO;
            long payers = 0;
            long exhausted = 0;
            Map<Long, Integer> newClass = new HashMap<>();
            for (int k = 0; k < ev.size; k++) {
                BigInteger have = classNum.get(ev.cls[k]);
                money = money.add(have.multiply(BigInteger.valueOf(ev.count[k])));
                BigInteger want = p.multiply(BigInteger.valueOf(ev.util[k]));
                BigInteger pay = want.min(have);
                if (want.compareTo(have) >= 0) {
                    exhausted += ev.count[k];
                }
                payers += ev.count[k];
                if (pay.compareTo(maxPay) > 0) {
                    maxPay = pay;
                }
                int target;
                if (pay.signum() == 0) {
                    target = ev.cls[k];
                } else if (pay.equals(have)) {
                    target = ZERO_CLASS;
                } else {
                    target = classNum.size();
                    classNum.add(have.subtract(pay));
                    classSize.add(0);
                }
                newClass.put(key(ev.cls[k], ev.util[k]), target);
            }
            int[] groups = in.supGroup[o];
            long[] utils = in.supUtil[o];
            for (int k = 0; k < groups.length; k++) {
                int gr = groups[k];
                int from = classOf[gr];
                if (from != ZERO_CLASS) {
                    int to = newClass.get(key(from, utils[k]));
                    if (to != from) {
                        classOf[gr] = to;
                        classSize.set(from, classSize.get(from) - 1);
                        classSize.set(to, classSize.get(to) + 1);
                    }
                }
            }
            for (int c = 2; c < classNum.size(); c++) {
                if (classSize.get(c) == 0 && classNum.get(c) != null) {
                    classNum.set(c, null); // no longer used: skip it when rescaling
                }
            }
            return new Purchase(o, ev.rho, Fraction.of(maxPay, den), payers, exhausted, Fraction.of(money, den),
                    List.copyOf(tied));
        }
    }
}
