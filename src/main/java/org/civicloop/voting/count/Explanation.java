package org.civicloop.voting.count;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sentence of a count's explanation as data: what happened ({@link Reason}) and the figures it speaks of, by
 * name (option ids, amounts, counts, round numbers). The engines return these, never prose; the pages, the report,
 * the API and the tools jar write them in the reader's language from the same data
 * ({@code ExplanationText} in the {@code count.text} package).
 *
 * @param reason what kind of sentence it is
 * @param values its values, in the order and with the names its reason declares
 */
public record Explanation(Reason reason, Map<String, Object> values) {

    /** How a value is written: an option by name, a list of options, money, a whole count, a figure, a quantity. */
    public enum Kind {
        /** an option id, written as the option's name */
        OPTION,
        /** a list of option ids, written as a list of names */
        OPTIONS,
        /** an amount of the budget's currency */
        MONEY,
        /** a whole number (ballots, supporters, seats, rounds); messages may choose plural forms by it */
        COUNT,
        /** an exact figure (votes transferred, quotas, path strengths), up to 5 decimals */
        NUMBER,
        /** a number of votes, written with the noun in the right plural ("1 vote", "2.5 votes") */
        VOTES,
        /** a number of points, written with the noun in the right plural */
        POINTS,
        /** a score: votes with approval ballots, points otherwise (the value {@code unit} says which) */
        SCORE,
        /** the word for a score's unit: "votes" or "points" (not written by itself) */
        UNIT,
        /** a list of head-to-head results against other options: maps of option, for, against */
        DUELS
    }

    /** A named value of a reason. */
    public record Param(String name, Kind kind) {
    }

    /** Every kind of sentence a count can say, with the values it needs (in the order of {@link #of}). */
    public enum Reason {
        // why an option was not elected or funded (CountResult.lost)
        WITHDRAWN(),
        NO_VOTES(),
        NO_SUPPORT(),
        IRV_ELIMINATED("round:COUNT", "votes:VOTES", "tiedWith:COUNT"),
        IRV_STILL_IN("round:COUNT", "votes:VOTES", "winner:OPTION", "winnerVotes:NUMBER", "continuing:NUMBER"),
        BORDA_TIED("score:POINTS", "winner:OPTION"),
        BORDA_FEWER("score:POINTS", "winner:OPTION", "winnerScore:POINTS", "rank:COUNT"),
        CONDORCET_LOST("beatenBy:DUELS", "tiedWith:DUELS"),
        SCHULZE_WEAKER("winner:OPTION", "pathTo:NUMBER", "pathFrom:NUMBER", "prefer:COUNT", "preferWinner:COUNT"),
        SCHULZE_TIED("winner:OPTION", "path:NUMBER"),
        STV_SEATS_FILLED("seats:COUNT", "votes:VOTES", "quota:NUMBER"),
        MEEK_EXCLUDED("round:COUNT", "votes:VOTES", "tiedWith:COUNT", "quota:NUMBER"),
        SCOTTISH_EXCLUDED("stage:COUNT", "votes:VOTES", "tiedWith:COUNT", "quota:NUMBER"),
        GREEDY_NO_SUPPORT(),
        GREEDY_DID_NOT_FIT("rank:COUNT", "score:SCORE", "unit:UNIT", "left:MONEY", "cost:MONEY"),
        MES_FREE_APPROVAL("supporters:COUNT"),
        MES_SHORT_FROM_START("supporters:COUNT", "start:MONEY", "share:MONEY", "cost:MONEY"),
        MES_SHORT_AT_END("supporters:COUNT", "start:MONEY", "share:MONEY", "end:MONEY", "cost:MONEY",
                "sharesShort:COUNT"),
        // the steps of a count (Round.explanation)
        IRV_MAJORITY("round:COUNT", "option:OPTION", "votes:NUMBER", "continuing:NUMBER"),
        IRV_LAST_LEFT("round:COUNT", "option:OPTION"),
        IRV_ELIMINATE("round:COUNT", "option:OPTION", "votes:NUMBER"),
        BORDA_SCORES("winner:OPTION", "score:POINTS"),
        CONDORCET_WINNER("winner:OPTION"),
        CONDORCET_NONE(),
        SCHULZE_PAIRWISE(),
        SCHULZE_PATHS("winner:OPTION"),
        MEEK_ELECT("round:COUNT", "elected:OPTIONS", "count:COUNT", "quota:NUMBER"),
        MEEK_EXCLUDE("round:COUNT", "option:OPTION", "votes:NUMBER", "quota:NUMBER"),
        MEEK_ELECT_REMAINING("round:COUNT", "elected:OPTIONS", "count:COUNT"),
        SCOTTISH_FIRST("quota:NUMBER", "elected:OPTIONS", "count:COUNT"),
        SCOTTISH_SURPLUS("stage:COUNT", "option:OPTION", "surplus:NUMBER", "elected:OPTIONS", "count:COUNT"),
        SCOTTISH_EXCLUDE("stage:COUNT", "option:OPTION", "votes:NUMBER", "elected:OPTIONS", "count:COUNT"),
        SCOTTISH_ELECT_REMAINING("stage:COUNT", "elected:OPTIONS", "count:COUNT"),
        GREEDY_FUND("option:OPTION", "score:SCORE", "unit:UNIT", "cost:MONEY", "left:MONEY"),
        GREEDY_SKIP("option:OPTION", "score:SCORE", "unit:UNIT", "cost:MONEY", "left:MONEY"),
        GREEDY_SKIP_UNSUPPORTED("option:OPTION"),
        MES_PURCHASE_FREE("purchase:COUNT", "option:OPTION", "supporters:COUNT"),
        MES_PURCHASE_EACH("purchase:COUNT", "option:OPTION", "cost:MONEY", "payers:COUNT", "pays:MONEY",
                "payingAll:COUNT"),
        MES_PURCHASE_PER_POINT("purchase:COUNT", "option:OPTION", "cost:MONEY", "payers:COUNT", "perPoint:MONEY",
                "atMost:MONEY", "payingAll:COUNT");

        private final List<Param> params;

        Reason(String... spec) {
            List<Param> ps = new ArrayList<>();
            for (String s : spec) {
                int colon = s.indexOf(':');
                ps.add(new Param(s.substring(0, colon), Kind.valueOf(s.substring(colon + 1))));
            }
            this.params = List.copyOf(ps);
        }

        /** The values this reason needs, in order (message placeholders {0}, {1}, ... follow this order). */
        public List<Param> params() {
            return params;
        }

        /** The message key of its sentence in the interface bundle. */
        public String key() {
            return "count." + name();
        }
    }

    public Explanation {
        if (reason == null || values == null) {
            throw new IllegalArgumentException("an explanation needs a reason and its values");
        }
        if (!values.keySet().equals(reason.params().stream().map(Param::name)
                .collect(java.util.stream.Collectors.toSet()))) {
            throw new IllegalArgumentException(reason + " needs " + reason.params() + ", not " + values.keySet());
        }
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Param p : reason.params()) {
            ordered.put(p.name(), values.get(p.name()));
        }
        values = Collections.unmodifiableMap(ordered);
    }

    /** An explanation with its values given in the order of {@link Reason#params()}. */
    public static Explanation of(Reason reason, Object... values) {
        List<Param> params = reason.params();
        if (values.length != params.size()) {
            throw new IllegalArgumentException(reason + " needs " + params + ", got " + values.length + " values");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(params.get(i).name(), values[i]);
        }
        return new Explanation(reason, m);
    }

    /** The reason's name, as the JSON and the report store it ("IRV_ELIMINATED"). */
    public String code() {
        return reason.name();
    }

    /**
     * The values with every exact fraction written as a decimal (exact when it terminates, else 12 places), for
     * JSON stores that know no fractions.
     */
    public Map<String, Object> plainValues() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }

    private static Object plain(Object v) {
        if (v instanceof Fraction f) {
            return f.isInteger() ? new BigDecimal(f.numerator())
                    : new BigDecimal(f.numerator()).divide(new BigDecimal(f.denominator()), 12, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Explanation::plain).toList();
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(String.valueOf(k), plain(x)));
            return m;
        }
        return v;
    }

    /** A head-to-head result against another option, for {@link Kind#DUELS}: votes for it and against it. */
    public static Map<String, Object> duel(String option, long forIt, long against) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("option", option);
        m.put("for", forIt);
        m.put("against", against);
        return m;
    }
}
