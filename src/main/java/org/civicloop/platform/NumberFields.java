package org.civicloop.platform;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.io.ByteArrayInputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.civicloop.kernel.StrictNumbers;
import org.civicloop.kernel.StrictNumbers.Range;

/**
 * Checks every value a JSON body gives to a numeric field of the record it is bound to (nested records and lists
 * of them included) before the binding sees it. The allowed range of a field is its Java type's range narrowed by
 * its constraints, on the field or on the type of a list element or map value ({@code @Min}, {@code @Max}, {@code @Positive}, {@code @PositiveOrZero}, {@code @DecimalMin},
 * {@code @DecimalMax}, {@code @Digits}); integer types take whole numbers only. A value outside it, a fraction for
 * a whole number, a string, a boolean, an object, or null for a primitive field, is refused with a message naming
 * the field and the range ({@link StrictNumbers}). Fields that are absent are left to the binding and validation.
 */
public final class NumberFields {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    /** A BigDecimal field without limits of its own: what a DECIMAL(19, 4) column holds. */
    static final Range DECIMAL_DEFAULT = Range.decimal("-999999999999999.9999", "999999999999999.9999", 4);
    private static final Map<Field, Range> RANGES = new ConcurrentHashMap<>();

    private NumberFields() {
    }

    /**
     * A whole number given in a query parameter, or its {@code fallback} when the parameter is absent; anything
     * else than a whole number in {@code range} is refused with 400 problem details stating the range.
     */
    public static long query(String name, String text, long fallback, Range range,
            jakarta.ws.rs.core.HttpHeaders headers) {
        if (text == null) {
            return fallback;
        }
        BigDecimal v = StrictNumbers.read(text, range);
        if (v == null || !range.isWhole()) {
            throw new jakarta.ws.rs.WebApplicationException(
                    Problem.response(400, "Invalid number", range.refusal(ApiLanguage.of(headers, null), name, text)));
        }
        return v.longValueExact();
    }

    /** Null when every number for a numeric field of {@code target} is acceptable, else the refusal. */
    static String problem(byte[] body, Type target, Locale locale) {
        if (body.length == 0 || !worthLooking(target)) {
            return null;
        }
        JsonValue root;
        try (var reader = READERS.createReader(new ByteArrayInputStream(body))) {
            root = reader.readValue();
        } catch (RuntimeException e) {
            return null; // the well-formedness check has already passed; let the binding report anything else
        }
        return check(root, target, "", locale);
    }

    private static boolean worthLooking(Type t) {
        Class<?> raw = raw(t);
        return raw != null && (raw.isRecord() || Collection.class.isAssignableFrom(raw));
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static String check(JsonValue v, Type t, String path, Locale locale) {
        return check(v, t, null, path, locale);
    }

    /** {@code at}: the annotated type when known (its type-use constraints narrow the range of numbers in it). */
    private static String check(JsonValue v, Type t, AnnotatedType at, String path, Locale locale) {
        Class<?> raw = raw(t);
        if (raw == null || v == null) {
            return null;
        }
        if (raw.isRecord() && v.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject o = v.asJsonObject();
            for (RecordComponent c : raw.getRecordComponents()) {
                if (!o.containsKey(c.getName())) {
                    continue;
                }
                JsonValue cv = o.get(c.getName());
                String name = path.isEmpty() ? c.getName() : path + "." + c.getName();
                Range range = rangeOf(raw, c);
                String p = range != null ? value(cv, range, c.getType().isPrimitive(), name, locale)
                        : check(cv, c.getGenericType(), c.getAnnotatedType(), name, locale);
                if (p != null) {
                    return p;
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && v.getValueType() == JsonValue.ValueType.ARRAY) {
            Type element = argument(t, 0);
            AnnotatedType annotated = annotatedArgument(at, 0);
            Range range = element == null ? null : narrowed(typeRange(raw(element)), annotated);
            JsonArray a = v.asJsonArray();
            for (int i = 0; i < a.size() && element != null; i++) {
                String name = path + "[" + i + "]";
                String problem = range != null ? value(a.get(i), range, false, name, locale)
                        : check(a.get(i), element, annotated, name, locale);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (Map.class.isAssignableFrom(raw) && v.getValueType() == JsonValue.ValueType.OBJECT) {
            Type element = argument(t, 1);
            AnnotatedType annotated = annotatedArgument(at, 1);
            Range range = element == null ? null : narrowed(typeRange(raw(element)), annotated);
            for (Map.Entry<String, JsonValue> e : v.asJsonObject().entrySet()) {
                if (element == null) {
                    break;
                }
                String name = path + "." + e.getKey();
                String problem = range != null ? value(e.getValue(), range, false, name, locale)
                        : check(e.getValue(), element, annotated, name, locale);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static Type argument(Type t, int i) {
        return t instanceof ParameterizedType p && p.getActualTypeArguments().length > i
                ? p.getActualTypeArguments()[i] : null;
    }

    private static AnnotatedType annotatedArgument(AnnotatedType at, int i) {
        return at instanceof AnnotatedParameterizedType p && p.getAnnotatedActualTypeArguments().length > i
                ? p.getAnnotatedActualTypeArguments()[i] : null;
    }

    private static String value(JsonValue v, Range range, boolean primitive, String name, Locale locale) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return primitive ? range.refusal(locale, name, "null") : null;
        }
        if (v instanceof JsonNumber n) {
            String text = n.toString();
            BigDecimal exact = StrictNumbers.parse(text);
            return exact != null && range.allows(exact) ? null : range.refusal(locale, name, text);
        }
        return range.refusal(locale, name, v instanceof JsonString s ? "\"" + s.getString() + "\"" : v.toString());
    }

    /** The range of a numeric record component (null when it is not numeric). */
    static Range rangeOf(Class<?> record, RecordComponent c) {
        Range base = typeRange(c.getType());
        if (base == null) {
            return null;
        }
        Field f;
        try {
            f = record.getDeclaredField(c.getName());
        } catch (NoSuchFieldException e) {
            return base;
        }
        return RANGES.computeIfAbsent(f, x -> narrowed(narrowed(base, x), c.getAnnotatedType()));
    }

    private static Range narrowed(Range r, AnnotatedElement e) {
        if (r == null || e == null) {
            return r;
        }
        BigDecimal min = r.min();
        BigDecimal max = r.max();
        int decimals = r.decimals();
        if (e.getAnnotation(Min.class) != null) {
            min = min.max(BigDecimal.valueOf(e.getAnnotation(Min.class).value()));
        }
        if (e.getAnnotation(Max.class) != null) {
            max = max.min(BigDecimal.valueOf(e.getAnnotation(Max.class).value()));
        }
        if (e.getAnnotation(DecimalMin.class) != null) {
            min = min.max(new BigDecimal(e.getAnnotation(DecimalMin.class).value()));
        }
        if (e.getAnnotation(DecimalMax.class) != null) {
            max = max.min(new BigDecimal(e.getAnnotation(DecimalMax.class).value()));
        }
        if (e.getAnnotation(PositiveOrZero.class) != null) {
            min = min.max(BigDecimal.ZERO);
        }
        if (e.getAnnotation(Positive.class) != null) {
            min = min.max(r.isWhole() ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(decimals));
        }
        if (e.getAnnotation(NegativeOrZero.class) != null) {
            max = max.min(BigDecimal.ZERO);
        }
        if (e.getAnnotation(Negative.class) != null) {
            max = max.min(BigDecimal.ONE.negate());
        }
        if (e.getAnnotation(Digits.class) != null) {
            decimals = Math.min(decimals, e.getAnnotation(Digits.class).fraction());
        }
        return new Range(min, max, decimals);
    }

    /** The values a Java type can hold exactly (null for a type that is not a number). */
    static Range typeRange(Class<?> t) {
        if (t == null) {
            return null;
        }
        if (t == int.class || t == Integer.class) {
            return Range.whole(Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (t == long.class || t == Long.class) {
            return Range.whole(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (t == short.class || t == Short.class) {
            return Range.whole(Short.MIN_VALUE, Short.MAX_VALUE);
        }
        if (t == byte.class || t == Byte.class) {
            return Range.whole(Byte.MIN_VALUE, Byte.MAX_VALUE);
        }
        if (t == BigInteger.class) {
            return Range.whole(Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (t == BigDecimal.class || t == double.class || t == Double.class || t == float.class
                || t == Float.class) {
            return DECIMAL_DEFAULT;
        }
        return null;
    }
}
