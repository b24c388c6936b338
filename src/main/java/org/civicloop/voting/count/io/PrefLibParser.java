package org.civicloop.voting.count.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.civicloop.voting.count.BallotGroup;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;

/**
 * Parser of PrefLib files (2022 format): {@code # KEY: value} header lines (NUMBER ALTERNATIVES, ALTERNATIVE NAME i,
 * NUMBER VOTERS, NUMBER UNIQUE ORDERS, TITLE ...), then data lines {@code count: a,b,{c,d},e} where braces group
 * tied alternatives. Alternatives are numbered from 1; their ids are those numbers as written.
 *
 * <p>{@code soc}: complete strict orders; {@code soi}: incomplete strict orders; {@code toc}: complete orders with
 * ties; {@code toi}: incomplete orders with ties. Data that does not fit the declared type, or counts that disagree
 * with NUMBER VOTERS / NUMBER UNIQUE ORDERS, is refused.
 */
public final class PrefLibParser {

    private PrefLibParser() {
    }

    public static ElectionFile parse(BufferedReader in, String source, String format) throws IOException {
        boolean complete = format.equals("soc") || format.equals("toc");
        boolean tiesAllowed = format.equals("toc") || format.equals("toi");
        Map<String, String> meta = new LinkedHashMap<>();
        Map<Integer, String> names = new TreeMap<>();
        int numAlternatives = -1;
        int numAltLine = 0;
        long declaredVoters = -1;
        int votersLine = 0;
        long declaredUnique = -1;
        int uniqueLine = 0;
        Profile.Builder builder = Profile.builder(BallotType.ORDINAL);
        long voters = 0;
        long dataLines = 0;
        int lineNo = 0;
        boolean inData = false;
        int[] buf = new int[16];
        int[] groupStart = new int[17];
        boolean[] seen = null;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.startsWith("#")) {
                if (inData) {
                    throw new InputFormatException(source, lineNo, "header line after the data lines");
                }
                String h = line.substring(1).trim();
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = h.substring(0, colon).trim().toUpperCase(Locale.ROOT);
                String value = h.substring(colon + 1).trim();
                if (key.startsWith("ALTERNATIVE NAME")) {
                    String num = key.substring("ALTERNATIVE NAME".length()).trim();
                    int a = intValue(num, source, lineNo, "alternative number");
                    if (a < 1) {
                        throw new InputFormatException(source, lineNo, "alternative numbers start at 1");
                    }
                    if (names.put(a, value) != null) {
                        throw new InputFormatException(source, lineNo, "alternative " + a + " named twice");
                    }
                } else {
                    meta.put(key, value);
                    switch (key) {
                        case "NUMBER ALTERNATIVES" -> {
                            numAlternatives = intValue(value, source, lineNo, "NUMBER ALTERNATIVES");
                            numAltLine = lineNo;
                        }
                        case "NUMBER VOTERS" -> {
                            declaredVoters = longValue(value, source, lineNo, "NUMBER VOTERS");
                            votersLine = lineNo;
                        }
                        case "NUMBER UNIQUE ORDERS" -> {
                            declaredUnique = longValue(value, source, lineNo, "NUMBER UNIQUE ORDERS");
                            uniqueLine = lineNo;
                        }
                        default -> {
                        }
                    }
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (!inData) {
                inData = true;
                if (numAlternatives < 0) {
                    if (names.isEmpty()) {
                        throw new InputFormatException(source, lineNo,
                                "no '# NUMBER ALTERNATIVES' header before the data lines");
                    }
                    numAlternatives = names.size();
                }
                for (int a : names.keySet()) {
                    if (a > numAlternatives) {
                        throw new InputFormatException(source, numAltLine, "alternative " + a
                                + " is named but NUMBER ALTERNATIVES is " + numAlternatives);
                    }
                }
                seen = new boolean[numAlternatives + 1];
            }
            // count: ranking
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new InputFormatException(source, lineNo, "expected 'count: ranking'");
            }
            long count = 0;
            boolean digits = false;
            for (int i = 0; i < colon; i++) {
                char c = line.charAt(i);
                if (c >= '0' && c <= '9' && count < Long.MAX_VALUE / 10 - 10) {
                    count = count * 10 + (c - '0');
                    digits = true;
                } else if (c != ' ' && c != '\t') {
                    digits = false;
                    break;
                }
            }
            if (!digits) {
                count = longValue(line.substring(0, colon).trim(), source, lineNo, "count");
            }
            if (count <= 0) {
                throw new InputFormatException(source, lineNo, "count must be positive");
            }
            int n = 0;
            int groups = 0;
            boolean inBrace = false;
            int i = colon + 1;
            int len = line.length();
            Arrays.fill(seen, false);
            boolean expectItem = true;
            while (i < len) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == '{') {
                    if (inBrace || !expectItem) {
                        throw new InputFormatException(source, lineNo, "misplaced '{'");
                    }
                    if (!tiesAllowed) {
                        throw new InputFormatException(source, lineNo,
                                "ties ('{...}') are not allowed in a ." + format + " file");
                    }
                    inBrace = true;
                    if (groups + 1 >= groupStart.length) {
                        groupStart = Arrays.copyOf(groupStart, groupStart.length * 2);
                    }
                    groupStart[groups++] = n;
                    i++;
                } else if (c == '}') {
                    if (!inBrace || expectItem) {
                        throw new InputFormatException(source, lineNo, "misplaced '}'");
                    }
                    inBrace = false;
                    i++;
                } else if (c == ',') {
                    if (expectItem) {
                        throw new InputFormatException(source, lineNo, "empty item in the ranking");
                    }
                    expectItem = true;
                    i++;
                } else if (c >= '0' && c <= '9') {
                    if (!expectItem) {
                        throw new InputFormatException(source, lineNo, "missing ',' in the ranking");
                    }
                    int v = 0;
                    while (i < len && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                        v = v * 10 + (line.charAt(i) - '0');
                        if (v > numAlternatives) {
                            break;
                        }
                        i++;
                    }
                    if (v < 1 || v > numAlternatives) {
                        throw new InputFormatException(source, lineNo, "alternative out of range 1.."
                                + numAlternatives);
                    }
                    if (seen[v]) {
                        throw new InputFormatException(source, lineNo, "alternative " + v + " ranked twice");
                    }
                    seen[v] = true;
                    if (n == buf.length) {
                        buf = Arrays.copyOf(buf, n * 2);
                    }
                    if (!inBrace) {
                        if (groups + 1 >= groupStart.length) {
                            groupStart = Arrays.copyOf(groupStart, groupStart.length * 2);
                        }
                        groupStart[groups++] = n;
                    }
                    buf[n++] = v - 1;
                    expectItem = false;
                } else {
                    throw new InputFormatException(source, lineNo, "unexpected character '" + c + "'");
                }
            }
            if (inBrace) {
                throw new InputFormatException(source, lineNo, "missing '}'");
            }
            if (expectItem && n > 0) {
                throw new InputFormatException(source, lineNo, "ranking ends with ','");
            }
            if (complete && n != numAlternatives) {
                throw new InputFormatException(source, lineNo, "a ." + format + " ranking must list all "
                        + numAlternatives + " alternatives, found " + n);
            }
            groupStart[groups] = n;
            int[][] ranks = new int[groups][];
            for (int g = 0; g < groups; g++) {
                int from = groupStart[g];
                int to = groupStart[g + 1];
                if (from == to) {
                    throw new InputFormatException(source, lineNo, "empty '{}' group");
                }
                if (to - from == 1) {
                    ranks[g] = BallotGroup.single(buf[from]);
                } else {
                    int[] grp = Arrays.copyOfRange(buf, from, to);
                    Arrays.sort(grp);
                    ranks[g] = grp;
                }
            }
            builder.addRanking(ranks, count);
            voters += count;
            dataLines++;
        }
        if (numAlternatives < 0) {
            if (names.isEmpty()) {
                throw new InputFormatException(source, lineNo, "no '# NUMBER ALTERNATIVES' header");
            }
            numAlternatives = names.size();
        }
        if (declaredVoters >= 0 && declaredVoters != voters) {
            throw new InputFormatException(source, votersLine, "NUMBER VOTERS is " + declaredVoters
                    + " but the counts add up to " + voters);
        }
        if (declaredUnique >= 0 && declaredUnique != dataLines) {
            throw new InputFormatException(source, uniqueLine, "NUMBER UNIQUE ORDERS is " + declaredUnique
                    + " but there are " + dataLines + " data lines");
        }
        List<Option> options = new ArrayList<>();
        for (int a = 1; a <= numAlternatives; a++) {
            options.add(new Option(Integer.toString(a), names.getOrDefault(a, Integer.toString(a)), null));
        }
        String title = meta.getOrDefault("TITLE", source);
        Election e = new Election(title, options, null, 0, Set.of(), meta);
        return new ElectionFile(e, builder.build());
    }

    private static int intValue(String s, String source, int line, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new InputFormatException(source, line, what + " '" + s + "' is not an integer");
        }
    }

    private static long longValue(String s, String source, int line, String what) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw new InputFormatException(source, line, what + " '" + s + "' is not an integer");
        }
    }
}
