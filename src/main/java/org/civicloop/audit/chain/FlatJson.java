package org.civicloop.audit.chain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON object whose values are strings, numbers, booleans, null or arrays of them (no nested objects):
 * a line of a saved page of {@code GET /api/v1/audit/entries} ({@link #parse}) or a receipt's inclusion proof
 * ({@link #parseWithArrays}). Plain Java, so the offline tool needs no JSON library. A field given twice is refused.
 */
final class FlatJson {

    /** A JSON number as written. */
    private record Num(String text) {
    }

    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** A flat object (no arrays); numbers and booleans come back as their text. */
    static Map<String, String> parse(String line) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, Object> e : new FlatJson(line).document().entrySet()) {
            Object v = e.getValue();
            if (v instanceof List) {
                throw new IllegalArgumentException("the field " + e.getKey() + " is an array (objects and arrays are"
                        + " not expected here)");
            }
            out.put(e.getKey(), v instanceof Num n ? n.text() : v == null ? null : v.toString());
        }
        return out;
    }

    /** An object whose values may be arrays; integers come back as Long, booleans as Boolean. */
    static Map<String, Object> parseWithArrays(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        new FlatJson(text).document().forEach((k, v) -> out.put(k, typed(v)));
        return out;
    }

    private static Object typed(Object v) {
        if (v instanceof Num n) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an integer: " + n.text());
            }
        }
        if (v instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(x -> out.add(typed(x)));
            return out;
        }
        return v;
    }

    private Map<String, Object> document() {
        Map<String, Object> out = new LinkedHashMap<>();
        ws();
        expect('{');
        ws();
        if (peek() == '}') {
            i++;
            end();
            return out;
        }
        while (true) {
            ws();
            String name = string();
            ws();
            expect(':');
            ws();
            if (out.containsKey(name)) {
                throw new IllegalArgumentException("the field " + name + " appears twice");
            }
            out.put(name, value(true));
            ws();
            char c = next();
            if (c == '}') {
                end();
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at character " + i);
            }
        }
    }

    private void end() {
        ws();
        if (i != s.length()) {
            throw new IllegalArgumentException("text after the object at character " + i);
        }
    }

    private Object value(boolean arrayAllowed) {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[' && arrayAllowed) {
            i++;
            List<Object> list = new ArrayList<>();
            ws();
            if (peek() == ']') {
                i++;
                return list;
            }
            while (true) {
                ws();
                list.add(value(false));
                ws();
                char d = next();
                if (d == ']') {
                    return list;
                }
                if (d != ',') {
                    throw new IllegalArgumentException("expected , or ] at character " + (i - 1));
                }
            }
        }
        for (String word : new String[] {"null", "true", "false"}) {
            if (s.startsWith(word, i)) {
                i += word.length();
                return word.equals("null") ? null : Boolean.valueOf(word);
            }
        }
        int start = i;
        while (i < s.length() && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalArgumentException("expected a value at character " + i + " (objects and nested arrays are"
                    + " not expected here)");
        }
        return new Num(s.substring(start, i));
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw new IllegalArgumentException("a cut \\u escape");
                    }
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("an unknown escape \\" + e);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("the line ends too early");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at character " + (i - 1));
        }
    }
}
