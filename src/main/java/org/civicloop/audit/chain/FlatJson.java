package org.civicloop.audit.chain;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads one flat JSON object (string, number, boolean and null values; no nesting), as one line of a saved page of
 * {@code GET /api/v1/audit/entries}. Plain Java, so the offline tool needs no JSON library. Numbers and booleans
 * come back as their text.
 */
final class FlatJson {

    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    static Map<String, String> parse(String line) {
        FlatJson p = new FlatJson(line);
        Map<String, String> out = new HashMap<>();
        p.ws();
        p.expect('{');
        p.ws();
        if (p.peek() == '}') {
            p.i++;
            p.end();
            return out;
        }
        while (true) {
            p.ws();
            String name = p.string();
            p.ws();
            p.expect(':');
            p.ws();
            String value = p.value();
            if (out.containsKey(name)) {
                throw new IllegalArgumentException("the field " + name + " appears twice");
            }
            out.put(name, value);
            p.ws();
            char c = p.next();
            if (c == '}') {
                p.end();
                return out;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at character " + p.i);
            }
        }
    }

    private void end() {
        ws();
        if (i != s.length()) {
            throw new IllegalArgumentException("text after the object at character " + i);
        }
    }

    private String value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        int start = i;
        while (i < s.length() && "-+.eE0123456789truefals".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalArgumentException("expected a value at character " + i + " (objects and arrays are not"
                    + " expected here)");
        }
        return s.substring(start, i);
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
