package org.civicloop.voting.count.text;

import org.civicloop.voting.count.TieBreaking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Explanation.Param;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Round;

/**
 * Writes a count's {@link Explanation}s as sentences in one language: the message of each reason comes from the
 * interface bundle ({@code org/civicloop/i18n/messages*.properties}, keys {@code count.REASON}), options are named,
 * amounts are money in the budget's currency written the reader's way, numbers use the language's separators, and
 * nouns agree with their numbers ({@code count.unit.*}, {@code choice} patterns). Plain Java: the pages, the report,
 * the API and the tools jar all write with it.
 */
public final class ExplanationText {

    /** The bundle the sentences come from (the same the pages use). */
    public static final String BUNDLE = "org.civicloop.i18n.messages";
    private static final int PLACES = 5;
    private static final int STV_PLACES = 9;

    private final Locale locale;
    private final Function<String, String> names;
    private final Currency currency;
    private final ResourceBundle bundle;

    /**
     * @param locale   the reader's language
     * @param names    an option's name from its id (ids without a name are written as they are)
     * @param currency the budget's currency (ISO 4217), or null to write amounts as plain numbers (files without one)
     */
    public ExplanationText(Locale locale, Map<String, String> names, String currency) {
        this.locale = locale == null ? Locale.ENGLISH : locale;
        Map<String, String> copy = names == null ? Map.of() : Map.copyOf(names);
        this.names = id -> copy.getOrDefault(id, id);
        this.currency = currency == null || currency.isBlank() ? null : Currency.getInstance(currency);
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale);
    }

    /** English with option ids and plain amounts: what the tools jar prints. */
    public static ExplanationText english() {
        return new ExplanationText(Locale.ENGLISH, Map.of(), null);
    }

    public Locale locale() {
        return locale;
    }

    /** A tie-break method ({@link TieBreaking#code}) in this language; the engine's text when the code is unknown. */
    public String tieMethod(String method) {
        String key = "count.tie." + TieBreaking.code(method);
        return bundle.containsKey(key) ? bundle.getString(key) : method;
    }

    /** The sentence of one explanation. */
    public String text(Explanation e) {
        return text(e.reason(), e.values());
    }

    /**
     * The sentence of an explanation stored as its code and values (e.g. read back from a published report's JSON,
     * where numbers are decimals and lists are plain lists); null when the code is unknown to this version.
     */
    public String text(String code, Map<String, ?> values) {
        Reason reason;
        try {
            reason = Reason.valueOf(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
        return text(reason, values == null ? Map.of() : values);
    }

    /** Why each option was not elected or funded, by option id (the result's order). */
    public Map<String, String> lost(CountResult result) {
        Map<String, String> m = new LinkedHashMap<>();
        result.lost().forEach((id, why) -> m.put(id, text(why)));
        return m;
    }

    /** The sentence of every step of the count, in order. */
    public List<String> rounds(CountResult result) {
        List<String> out = new ArrayList<>();
        for (Round r : result.rounds()) {
            out.add(text(r.explanation()));
        }
        return out;
    }

    private String text(Reason reason, Map<String, ?> values) {
        List<Param> params = reason.params();
        Object[] args = new Object[params.size()];
        for (int i = 0; i < args.length; i++) {
            Param p = params.get(i);
            args[i] = argument(reason, p, values.get(p.name()), values);
        }
        return format(reason.key(), args).replaceAll("\\s{2,}", " ").strip();
    }

    private Object argument(Reason reason, Param p, Object v, Map<String, ?> values) {
        return switch (p.kind()) {
            case OPTION -> v == null ? "" : names.apply(v.toString());
            case OPTIONS -> v instanceof List<?> l ? String.join(", ", l.stream()
                    .map(o -> names.apply(String.valueOf(o))).toList()) : "";
            case MONEY -> money(v);
            case COUNT -> v instanceof Number n ? (Object) n.longValue() : 0L;
            case NUMBER -> number(v);
            case VOTES -> quantity("count.unit.votes", v);
            case POINTS -> quantity("count.unit.points", v);
            case SCORE -> quantity("votes".equals(String.valueOf(values.get("unit"))) ? "count.unit.votes"
                    : "count.unit.points", v);
            case UNIT -> String.valueOf(v);
            case DUELS -> duels(reason, p, v);
        };
    }

    /** "3 votes" / "1 vote" / "2.5 votes": the number with its noun in the right form. */
    private String quantity(String key, Object v) {
        BigDecimal d = decimal(v);
        return format(key, d.doubleValue(), number(v));
    }

    private String duels(Reason reason, Param p, Object v) {
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> duel) {
                Object option = duel.get("option");
                items.add(format(reason.key() + "." + p.name() + ".item",
                        names.apply(String.valueOf(option)), count(duel.get("for")), count(duel.get("against"))));
            }
        }
        return format(reason.key() + "." + p.name(), String.join(", ", items));
    }

    private static long count(Object v) {
        return v instanceof Number n ? n.longValue() : 0L;
    }

    private String format(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** An amount: money in the budget's currency (cents only when there are any), or a plain number. */
    String money(Object v) {
        if (currency == null) {
            return number(v);
        }
        BigDecimal d = decimal(v);
        NumberFormat f = NumberFormat.getCurrencyInstance(locale);
        f.setCurrency(currency);
        boolean whole = d.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().scale() <= 0;
        f.setMinimumFractionDigits(whole ? 0 : 2);
        f.setMaximumFractionDigits(whole ? 0 : 2);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }

    /** A figure in the reader's way of writing numbers, up to 5 decimals (STV's fixed-point values: up to 9). */
    String number(Object v) {
        BigDecimal d = decimal(v);
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        int places = v instanceof BigDecimal b ? Math.min(STV_PLACES, Math.max(0, b.scale())) : PLACES;
        f.setMaximumFractionDigits(places);
        f.setMinimumFractionDigits(0);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }

    private static BigDecimal decimal(Object v) {
        if (v instanceof Fraction f) {
            return new BigDecimal(f.numerator()).divide(new BigDecimal(f.denominator()), 12, RoundingMode.HALF_UP);
        }
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (v == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(v.toString());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }
}
