package org.civicloop.voting.count.text;

import java.util.Collection;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.TieBreak;
import org.civicloop.voting.count.TieBreaking;

/**
 * A tiny JSON writer. Fractions are written as numbers (exact when they are decimal with at most 12 places,
 * otherwise rounded to 12 places for display); the exact values are available from the API.
 */
public final class CountJson {

    private CountJson() {
    }

    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, true);
        return sb.toString();
    }

    /**
     * The count result as a JSON object: rule, winners, rounds, ties (each with its method written by {@code text}
     * and as a code, {@code methodCode}), lost (sentences), lostReasons (the same as data), summary; the sentences
     * written by {@code text}.
     */
    public static String write(CountResult r, ExplanationText text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rule", r.rule());
        m.put("winners", r.winners());
        m.put("rounds", rounds(r, text));
        m.put("ties", r.ties().stream().map(t -> {
            Map<String, Object> tie = new LinkedHashMap<>();
            tie.put("round", t.round());
            tie.put("purpose", t.purpose());
            tie.put("tied", t.tied());
            tie.put("chosen", t.chosen());
            tie.put("method", text.tieMethod(t.method()));
            tie.put("methodCode", TieBreaking.code(t.method()));
            return tie;
        }).toList());
        m.put("lost", text.lost(r));
        m.put("lostReasons", lostReasons(r));
        m.put("summary", r.summary());
        return write(m);
    }

    /**
     * Every step as a JSON object: round, action, description (the sentence), code and values (the same sentence
     * as data: {@link Explanation}), then the step's details.
     */
    public static List<Map<String, Object>> rounds(CountResult r, ExplanationText text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Round round : r.rounds()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("round", round.number());
            m.put("action", round.action());
            m.put("description", text.text(round.explanation()));
            m.put("code", round.explanation().code());
            m.put("values", round.explanation().values());
            m.putAll(round.data());
            out.add(m);
        }
        return out;
    }

    /** Why each option lost, as data: option id to {code, values}. */
    public static Map<String, Object> lostReasons(CountResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        r.lost().forEach((id, why) -> {
            Map<String, Object> reason = new LinkedHashMap<>();
            reason.put("code", why.code());
            reason.put("values", why.values());
            m.put(id, reason);
        });
        return m;
    }

    private static void indent(StringBuilder sb, int level, boolean pretty) {
        if (pretty) {
            sb.append('\n');
            for (int i = 0; i < level; i++) {
                sb.append("  ");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void write(StringBuilder sb, Object v, int level, boolean pretty) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Fraction f) {
            sb.append(f.isInteger() ? f.toString() : f.toDecimalString(12));
        } else if (v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger
                || v instanceof Short) {
            sb.append(v);
        } else if (v instanceof Number n) {
            sb.append(new java.math.BigDecimal(n.toString()).toPlainString());
        } else if (v instanceof TieBreak t) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("round", t.round());
            m.put("purpose", t.purpose());
            m.put("tied", t.tied());
            m.put("chosen", t.chosen());
            m.put("method", t.method());
            write(sb, m, level, pretty);
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            boolean flat = isFlat(map.values());
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(flat ? ", " : ",");
                }
                first = false;
                if (!flat) {
                    indent(sb, level + 1, pretty);
                }
                string(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                write(sb, e.getValue(), level + 1, pretty);
            }
            if (!flat) {
                indent(sb, level, pretty);
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean flat = isFlat(c);
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    sb.append(flat ? ", " : ",");
                }
                first = false;
                if (!flat) {
                    indent(sb, level + 1, pretty);
                }
                write(sb, o, level + 1, pretty);
            }
            if (!flat) {
                indent(sb, level, pretty);
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static boolean isFlat(Collection<?> values) {
        for (Object o : values) {
            if (o instanceof Map || o instanceof Collection || o instanceof TieBreak
                    || o instanceof String s && s.length() > 40) {
                return false;
            }
        }
        return true;
    }

    /** Writes a JSON string literal with escaping. */
    static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
