package org.civicloop.voting;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.CountResult;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Round;
import org.civicloop.voting.count.TieBreak;

/**
 * The engine's result of a count as stored JSON that rebuilds it exactly: every value keeps its type (exact fractions
 * as "7/3", longs, big integers, explanations with their reason), maps keep their order. The published JSON
 * ({@code CountJson}) rounds fractions for display, so it cannot be read back; this form can.
 */
final class StoredCountCodec {

    private static final String FRACTION = "$fraction";
    private static final String LONG = "$long";
    private static final String BIG = "$bigint";
    private static final String DECIMAL = "$decimal";
    private static final String WHY = "$why";
    private static final String TIE = "$tie";
    /** Looked up once: {@code Json.create...} looks the provider up on every call, which is slow in the server. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private StoredCountCodec() {
    }

    static String write(CountResult r) {
        JsonArrayBuilder rounds = JSON.createArrayBuilder();
        for (Round round : r.rounds()) {
            rounds.add(JSON.createObjectBuilder().add("number", round.number()).add("action", round.action())
                    .add("explanation", value(round.explanation())).add("data", value(round.data())));
        }
        return JSON.createObjectBuilder().add("rule", r.rule()).add("winners", value(r.winners()))
                .add("rounds", rounds).add("ties", value(r.ties())).add("lost", value(r.lost()))
                .add("summary", value(r.summary())).build().toString();
    }

    @SuppressWarnings("unchecked")
    static CountResult read(String stored) {
        JsonObject o = JSON.createReader(new StringReader(stored)).readObject();
        List<Round> rounds = new ArrayList<>();
        for (JsonObject round : o.getJsonArray("rounds").getValuesAs(JsonObject.class)) {
            rounds.add(new Round(round.getInt("number"), round.getString("action"),
                    (Explanation) object(round.get("explanation")), (Map<String, Object>) object(round.get("data"))));
        }
        return new CountResult(o.getString("rule"), (List<String>) object(o.get("winners")), rounds,
                (List<TieBreak>) object(o.get("ties")), (Map<String, Explanation>) object(o.get("lost")),
                (Map<String, Object>) object(o.get("summary")));
    }

    private static JsonObject tagged(String tag, JsonValue value) {
        return JSON.createObjectBuilder().add(tag, value).build();
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        } else if (v instanceof String s) {
            return JSON.createValue(s);
        } else if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (v instanceof Integer i) {
            return JSON.createValue(i);
        } else if (v instanceof Long l) {
            return tagged(LONG, JSON.createValue(Long.toString(l)));
        } else if (v instanceof BigInteger b) {
            return tagged(BIG, JSON.createValue(b.toString()));
        } else if (v instanceof Fraction f) {
            return tagged(FRACTION, JSON.createValue(f.toString()));
        } else if (v instanceof Short || v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
            return tagged(DECIMAL, JSON.createValue(new BigDecimal(v.toString()).toString()));
        } else if (v instanceof Explanation e) {
            return tagged(WHY, JSON.createObjectBuilder().add("reason", e.reason().name())
                    .add("values", value(e.values())).build());
        } else if (v instanceof TieBreak t) {
            return tagged(TIE, JSON.createObjectBuilder().add("round", t.round()).add("purpose", value(t.purpose()))
                    .add("tied", value(t.tied())).add("chosen", value(t.chosen())).add("method", value(t.method()))
                    .build());
        } else if (v instanceof Map<?, ?> map) {
            JsonObjectBuilder b = JSON.createObjectBuilder();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key) || key.startsWith("$")) {
                    throw new IllegalArgumentException("A count's map key cannot be stored: " + e.getKey());
                }
                b.add(key, value(e.getValue()));
            }
            return b.build();
        } else if (v instanceof Collection<?> c) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            c.forEach(x -> b.add(value(x)));
            return b.build();
        }
        throw new IllegalArgumentException("A count's value of this type cannot be stored: " + v.getClass());
    }

    @SuppressWarnings("unchecked")
    private static Object object(JsonValue v) {
        switch (v.getValueType()) {
            case NULL:
                return null;
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER:
                return ((JsonNumber) v).intValueExact();
            case ARRAY:
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(x -> list.add(object(x)));
                return list;
            default:
                JsonObject o = (JsonObject) v;
                if (o.size() == 1) {
                    String tag = o.keySet().iterator().next();
                    JsonValue inner = o.get(tag);
                    switch (tag) {
                        case LONG:
                            return Long.parseLong(((JsonString) inner).getString());
                        case BIG:
                            return new BigInteger(((JsonString) inner).getString());
                        case FRACTION:
                            return Fraction.parse(((JsonString) inner).getString());
                        case DECIMAL:
                            return new BigDecimal(((JsonString) inner).getString());
                        case WHY:
                            JsonObject why = (JsonObject) inner;
                            return new Explanation(Explanation.Reason.valueOf(why.getString("reason")),
                                    (Map<String, Object>) object(why.get("values")));
                        case TIE:
                            JsonObject t = (JsonObject) inner;
                            return new TieBreak(t.getInt("round"), (String) object(t.get("purpose")),
                                    (List<String>) object(t.get("tied")), (String) object(t.get("chosen")),
                                    (String) object(t.get("method")));
                        default:
                            break;
                    }
                }
                Map<String, Object> map = new LinkedHashMap<>();
                o.forEach((k, x) -> map.put(k, object(x)));
                return map;
        }
    }
}
