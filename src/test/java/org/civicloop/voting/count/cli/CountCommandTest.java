package org.civicloop.voting.count.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicloop.voting.count.TestFiles;
import org.civicloop.voting.count.text.CountJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountCommandTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CountCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void equalSharesOnARealFileProducesParsableJson() {
        Path file = TestFiles.resource("Netherlands_Assen_2024.pb");
        Run r = run("--rule", "mes-add1", file.toString());
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = MiniJson.object(r.out());
        assertEquals("mes-add1", json.get("rule"));
        assertEquals(List.of("3", "9", "6", "2", "12", "5", "13", "11", "14").stream().sorted().toList(),
                ((List<?>) json.get("winners")).stream().map(Object::toString).sorted().toList());
        List<?> rounds = (List<?>) json.get("rounds");
        assertEquals(9, rounds.size());
        Map<?, ?> first = (Map<?, ?>) rounds.get(0);
        assertEquals("purchase", first.get("action"));
        assertTrue(first.containsKey("pricePerVoter"));
        Map<?, ?> lost = (Map<?, ?>) json.get("lost");
        assertEquals(5, lost.size());
        for (Object why : lost.values()) {
            assertTrue(why.toString().contains("supporters") || why.toString().contains("No voter"), why.toString());
        }
    }

    @Test
    void rankedAndStvRules() {
        Run irv = run("--rule", "irv", TestFiles.resource("tennessee.soc").toString());
        assertEquals(0, irv.code(), irv.err());
        Map<String, Object> json = MiniJson.object(irv.out());
        assertEquals(List.of("4"), json.get("winners"));
        assertEquals(3, ((List<?>) json.get("rounds")).size());
        Run stv = run("--rule", "stv-scottish", TestFiles.resource("M135.blt").toString());
        assertEquals(0, stv.code(), stv.err());
        assertEquals(7, ((List<?>) MiniJson.object(stv.out()).get("winners")).size());
        Run noSeats = run("--rule", "stv-meek", TestFiles.resource("tennessee.soc").toString());
        assertEquals(1, noSeats.code());
        assertTrue(noSeats.err().contains("--seats"), noSeats.err());
        Run seats = run("--rule", "stv-meek", "--seats", "2", TestFiles.resource("tennessee.soc").toString());
        assertEquals(0, seats.code(), seats.err());
        assertEquals(2, ((List<?>) MiniJson.object(seats.out()).get("winners")).size());
    }

    @Test
    void usageAndInputErrors(@TempDir Path dir) throws IOException {
        assertEquals(2, run().code());
        assertEquals(2, run("--rule", "nope", "x.pb").code());
        assertEquals(2, run("--rule", "irv").code());
        assertEquals(2, run("--rule", "irv", "--seats", "zero", "x.soc").code());
        assertEquals(1, run("--rule", "irv", dir.resolve("missing.soc").toString()).code());
        Path bad = dir.resolve("bad.soi");
        Files.writeString(bad, "# NUMBER ALTERNATIVES: 2\n1: 1,2\n1: 1,3\n");
        Run r = run("--rule", "irv", bad.toString());
        assertEquals(2, r.code(), "a malformed file: " + r.err());
        assertTrue(r.err().contains("line 3"), r.err());
        Run approval = run("--rule", "irv", TestFiles.resource("poland_gdynia_2020_babie-doly-small.pb").toString());
        assertEquals(1, approval.code());
        assertTrue(approval.err().contains("approval"), approval.err());
        Run budgetOnRanked = run("--rule", "greedy", TestFiles.resource("tennessee.soc").toString());
        assertEquals(1, budgetOnRanked.code());
        assertTrue(budgetOnRanked.err().contains("budget"), budgetOnRanked.err());
    }

    @Test
    void jsonEscaping() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "quote \" backslash \\ newline \n tab \t ctrl \u0001 ünïcödé");
        String json = CountJson.write(m);
        assertTrue(json.contains("\\\"") && json.contains("\\\\") && json.contains("\\n") && json.contains("\\t")
                && json.contains("\\u0001"), json);
        assertEquals(m.get("s"), MiniJson.object(json).get("s"));
    }

    /** A minimal JSON reader for the tests (objects, arrays, strings, numbers, booleans, null). */
    static final class MiniJson {
        private final String s;
        private int i;

        private MiniJson(String s) {
            this.s = s;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            MiniJson p = new MiniJson(text);
            Object v = p.value();
            p.ws();
            assertEquals(text.length(), p.i, "trailing text");
            return (Map<String, Object>) v;
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                Map<String, Object> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return m;
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return m;
                    }
                }
            }
            if (c == '[') {
                i++;
                List<Object> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return l;
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return l;
                    }
                }
            }
            if (c == '"') {
                return string();
            }
            int start = i;
            while (i < s.length() && ",}] \n\r\t".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String tok = s.substring(start, i);
            return switch (tok) {
                case "true" -> true;
                case "false" -> false;
                case "null" -> null;
                default -> new java.math.BigDecimal(tok);
            };
        }

        private void expect(char c) {
            assertEquals(c, s.charAt(i), "at " + i);
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    assertTrue(c >= 0x20, "raw control character in a string");
                    b.append(c);
                }
            }
            i++;
            return b.toString();
        }
    }
}
