package org.civicloop.voting.count.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.CountOptions;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.CountingRule;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.Round;
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
public final class EqualShares implements CountingRule {

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
            return new CountResult(name(), List.of(), List.of(), List.of(), allLost(in, "No votes were cast."),
                    Map.of());
        }
        Fraction base = in.budget.divide(in.voters);
        Run run = new Engine(in).run(base);
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
                Run candidate = engine.run(base.add(Fraction.of(steps + 1)));
                if (candidate.totalCost.compareTo(in.budget) > 0) {
                    next = candidate;
                    break;
                }
                steps++;
                run = candidate;
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
            data.put("supporters", pu.payers);
            data.put("supportersPayingAllTheyHad", pu.exhaustedPayers);
            data.put("supportersMoneyBefore", pu.moneyOfSupporters);
            data.put("totalSpent", spent);
            String price = in.type == BallotType.APPROVAL
                    ? "each of its " + pu.payers + " supporters pays " + Irv.fmt(pu.maxPayment)
                    : "its " + pu.payers + " supporters pay " + Irv.fmt(pu.rho) + " per point (at most "
                            + Irv.fmt(pu.maxPayment) + " each)";
            rounds.add(new Round(r, "purchase", "Purchase " + r + ": " + id + " (cost " + Irv.fmt(in.cost[o])
                    + "): " + price + (pu.exhaustedPayers > 0 ? " (" + pu.exhaustedPayers
                            + " of them pay all they have left)" : "") + ".", data));
            if (!pu.tiedWith.isEmpty()) {
                List<Integer> all = new ArrayList<>(pu.tiedWith);
                all.add(o);
                ties.add(new TieBreak(r, "fund", Irv.ids(e, all), id, TieBreaking.METHOD));
            }
        }
        Map<String, String> lost = new LinkedHashMap<>();
        boolean[] funded = new boolean[in.m];
        for (Purchase pu : run.purchases) {
            funded[pu.project] = true;
        }
        for (int o = 0; o < in.m; o++) {
            if (funded[o]) {
                continue;
            }
            if (in.supporters[o] == 0) {
                lost.put(e.id(o), "No voter supported it.");
                continue;
            }
            Fraction start = run.perVoter.multiply(in.supporters[o]);
            Fraction end = run.supportersMoneyAtEnd[o];
            lost.put(e.id(o), "Its " + in.supporters[o] + " supporters started with " + Irv.fmt(start)
                    + " in total (" + Irv.fmt(run.perVoter) + " each) but, after paying for the projects they"
                    + " also supported, had only " + Irv.fmt(end) + " left, less than its cost "
                    + Irv.fmt(in.cost[o]) + (start.compareTo(in.cost[o]) < 0 ? " (even their full shares did not"
                            + " cover it)" : "") + ".");
        }
        return new CountResult(name(), winners, rounds, ties, lost, summary);
    }

    private static int countSupported(BudgetInput in) {
        int n = 0;
        for (long s : in.supporters) {
            if (s > 0) {
                n++;
            }
        }
        return n;
    }

    private static Map<String, String> allLost(BudgetInput in, String why) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int o = 0; o < in.m; o++) {
            m.put(in.election.id(o), why);
        }
        return m;
    }

    /** The MES computation for a fixed per-voter budget. Reusable across runs (not thread-safe). */
    static final class Engine {
        private final BudgetInput in;
        private final int ng;
        private final int[] classOf;
        private final List<Fraction> classBudget = new ArrayList<>();
        // scratch for aggregation: per class, the slot in the entry list (or -1)
        private int[] slotOfClass = new int[16];

        Engine(BudgetInput in) {
            this.in = in;
            this.ng = in.groupCount.length;
            this.classOf = new int[ng];
        }

        Run run(Fraction perVoter) {
            Arrays.fill(classOf, 0);
            classBudget.clear();
            classBudget.add(perVoter);
            int m = in.m;
            boolean[] available = new boolean[m];
            Fraction[] lower = new Fraction[m];
            for (int o = 0; o < m; o++) {
                available[o] = in.supGroup[o].length > 0;
                lower[o] = Fraction.ZERO;
            }
            List<Purchase> purchases = new ArrayList<>();
            Fraction total = Fraction.ZERO;
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
                Fraction bestRho = null;
                Eval bestEval = null;
                List<Integer> tied = new ArrayList<>();
                for (int idx = 0; idx < m; idx++) {
                    int o = order[idx];
                    if (!available[o]) {
                        continue;
                    }
                    if (bestRho != null) {
                        int c = lower[o].compareTo(bestRho);
                        if (c > 0) {
                            break;
                        }
                        // with lower == bestRho this project can at best tie, and it comes later in id order...
                        // but we still evaluate to report ties.
                    }
                    Eval ev = evaluate(o);
                    if (ev == null) {
                        available[o] = false;
                        continue;
                    }
                    lower[o] = ev.rho;
                    if (bestRho == null) {
                        best = o;
                        bestRho = ev.rho;
                        bestEval = ev;
                    } else {
                        int c = ev.rho.compareTo(bestRho);
                        if (c < 0) {
                            best = o;
                            bestRho = ev.rho;
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
                Purchase pu = buy(best, bestEval, tied);
                purchases.add(pu);
                available[best] = false;
                total = total.add(in.cost[best]);
            }
            Fraction[] moneyAtEnd = new Fraction[m];
            for (int o = 0; o < m; o++) {
                moneyAtEnd[o] = supportersMoney(o);
            }
            return new Run(perVoter, purchases, total, moneyAtEnd);
        }

        /** Aggregated supporters of a project: per distinct (class, utility). */
        private static final class Eval {
            Fraction rho;          // actual price per unit of utility
            Fraction rhoInt;       // price per integer utility unit
            int[] cls;
            long[] util;
            long[] count;
            int size;
            Fraction money;
        }

        private Fraction supportersMoney(int o) {
            Fraction money = Fraction.ZERO;
            Eval ev = aggregate(o);
            for (int k = 0; k < ev.size; k++) {
                money = money.add(classBudget.get(ev.cls[k]).multiply(ev.count[k]));
            }
            return money;
        }

        private static long key(int cls, long util) {
            return ((long) cls << 32) | util;
        }

        private Eval aggregate(int o) {
            int[] groups = in.supGroup[o];
            long[] utils = in.supUtil[o];
            int nc = classBudget.size();
            if (slotOfClass.length < nc) {
                slotOfClass = new int[Math.max(nc, slotOfClass.length * 2)];
            }
            // entries keyed by (class, utility); for approval the utility is always 1
            Map<Long, Integer> slots = null;
            boolean simple = in.type == BallotType.APPROVAL;
            Eval ev = new Eval();
            int cap = 8;
            ev.cls = new int[cap];
            ev.util = new long[cap];
            ev.count = new long[cap];
            if (simple) {
                Arrays.fill(slotOfClass, 0, nc, -1);
            } else {
                slots = new HashMap<>();
            }
            for (int k = 0; k < groups.length; k++) {
                int g = groups[k];
                int c = classOf[g];
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
            Fraction cost = in.cost[o];
            Fraction money = Fraction.ZERO;
            long totalUtil = 0;
            for (int k = 0; k < ev.size; k++) {
                money = money.add(classBudget.get(ev.cls[k]).multiply(ev.count[k]));
                totalUtil = Math.addExact(totalUtil, Math.multiplyExact(ev.util[k], ev.count[k]));
            }
            ev.money = money;
            if (money.compareTo(cost) < 0) {
                return null;
            }
            // sort entries by budget / utility ascending
            Integer[] idx = new Integer[ev.size];
            Fraction[] ratio = new Fraction[ev.size];
            for (int k = 0; k < ev.size; k++) {
                idx[k] = k;
                ratio[k] = classBudget.get(ev.cls[k]).divide(ev.util[k]);
            }
            Arrays.sort(idx, (a, b) -> ratio[a].compareTo(ratio[b]));
            Fraction remainingCost = cost;
            long remainingUtil = totalUtil;
            Fraction rhoInt = null;
            for (int j = 0; j < ev.size; j++) {
                int k = idx[j];
                // if everyone left can pay rho * u with rho = remainingCost / remainingUtil, done
                Fraction candidate = remainingCost.divide(remainingUtil);
                if (candidate.compareTo(ratio[k]) <= 0) {
                    rhoInt = candidate;
                    break;
                }
                remainingCost = remainingCost.subtract(classBudget.get(ev.cls[k]).multiply(ev.count[k]));
                remainingUtil -= ev.util[k] * ev.count[k];
                if (remainingUtil == 0) {
                    // everyone pays everything: only possible when money == cost exactly
                    rhoInt = ratio[k];
                    break;
                }
            }
            ev.rhoInt = rhoInt;
            ev.rho = rhoInt.divide(in.unit[o]);
            return ev;
        }

        private Purchase buy(int o, Eval ev, List<Integer> tied) {
            Map<Long, Integer> newClass = new HashMap<>();
            Fraction maxPay = Fraction.ZERO;
            long payers = 0;
            long exhausted = 0;
            // decide new classes per (class, utility)
            int[] target = new int[ev.size];
            for (int k = 0; k < ev.size; k++) {
                Fraction b = classBudget.get(ev.cls[k]);
                Fraction want = ev.rhoInt.multiply(ev.util[k]);
                Fraction pay = want.min(b);
                if (want.compareTo(b) >= 0) {
                    exhausted += ev.count[k];
                }
                payers += ev.count[k];
                Fraction payActual = pay;
                if (payActual.compareTo(maxPay) > 0) {
                    maxPay = payActual;
                }
                if (pay.isZero()) {
                    target[k] = ev.cls[k];
                } else {
                    target[k] = classBudget.size();
                    classBudget.add(b.subtract(pay));
                }
                newClass.put(key(ev.cls[k], ev.util[k]), target[k]);
            }
            int[] groups = in.supGroup[o];
            long[] utils = in.supUtil[o];
            for (int k = 0; k < groups.length; k++) {
                int g = groups[k];
                classOf[g] = newClass.get(key(classOf[g], utils[k]));
            }
            return new Purchase(o, ev.rho, maxPay, payers, exhausted, ev.money, List.copyOf(tied));
        }
    }
}
