package org.civicloop.voting.count.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.BallotGroup;

/**
 * Parser of BLT files (ERS / OpenSTV format):
 * <pre>
 * candidates seats
 * [-w1 -w2 ...]                 withdrawn candidates (optional)
 * weight c1 c2 ... 0            one line per ballot; "c1=c2" ranks two candidates equally; an optional "(id)" first
 * 0                             end of ballots
 * "Name 1" ... "Name n"         one quoted name per candidate
 * "Title"                       optional
 * "..."                         optional further quoted lines (source, comments), kept as metadata
 * </pre>
 * Candidates are numbered from 1; their ids are those numbers. Lines starting with {@code #} are comments.
 */
public final class BltParser {

    private BltParser() {
    }

    public static ElectionFile parse(BufferedReader in, String source) throws IOException {
        int lineNo = 0;
        String line;
        int candidates = -1;
        int seats = -1;
        Set<Integer> withdrawn = new TreeSet<>();
        Profile.Builder builder = Profile.builder(BallotType.ORDINAL);
        int stage = 0; // 0 header, 1 ballots, 2 names
        boolean anyBallot = false;
        List<String> strings = new ArrayList<>();
        List<Integer> stringLines = new ArrayList<>();
        int[] buf = new int[32];
        int[] starts = new int[33];
        boolean[] seen = null;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (stage == 0) {
                String[] p = t.split("\\s+");
                if (p.length != 2) {
                    throw new InputFormatException(source, lineNo, "expected 'candidates seats'");
                }
                candidates = intOf(p[0], source, lineNo, "number of candidates");
                seats = intOf(p[1], source, lineNo, "number of seats");
                if (candidates < 1 || seats < 1) {
                    throw new InputFormatException(source, lineNo, "candidates and seats must be positive");
                }
                if (seats > candidates) {
                    throw new InputFormatException(source, lineNo, "more seats (" + seats + ") than candidates ("
                            + candidates + ")");
                }
                seen = new boolean[candidates + 1];
                stage = 1;
                continue;
            }
            if (stage == 1) {
                if (t.startsWith("-")) {
                    if (anyBallot || !withdrawn.isEmpty()) {
                        throw new InputFormatException(source, lineNo,
                                "withdrawn candidates must be listed on one line before the ballots");
                    }
                    for (String w : t.split("\\s+")) {
                        int c = -intOf(w, source, lineNo, "withdrawn candidate");
                        if (c < 1 || c > candidates) {
                            throw new InputFormatException(source, lineNo, "withdrawn candidate " + w
                                    + " out of range -1..-" + candidates);
                        }
                        withdrawn.add(c - 1);
                    }
                    continue;
                }
                if (t.equals("0")) {
                    stage = 2;
                    continue;
                }
                // ballot line
                int i = 0;
                int len = t.length();
                if (t.charAt(0) == '(') {
                    int close = t.indexOf(')');
                    if (close < 0) {
                        throw new InputFormatException(source, lineNo, "missing ')' after the ballot id");
                    }
                    i = close + 1;
                }
                List<String> tokens = tokens(t.substring(i));
                if (tokens.size() < 2) {
                    throw new InputFormatException(source, lineNo, "expected 'weight candidates... 0'");
                }
                long weight = longOf(tokens.get(0), source, lineNo, "ballot weight");
                if (weight < 0) {
                    throw new InputFormatException(source, lineNo, "negative ballot weight");
                }
                if (!tokens.get(tokens.size() - 1).equals("0")) {
                    throw new InputFormatException(source, lineNo, "ballot line must end with 0");
                }
                Arrays.fill(seen, false);
                int n = 0;
                int groups = 0;
                for (int k = 1; k < tokens.size() - 1; k++) {
                    String tok = tokens.get(k);
                    String[] tied = tok.split("=", -1);
                    if (groups + 1 >= starts.length) {
                        starts = Arrays.copyOf(starts, starts.length * 2);
                    }
                    starts[groups++] = n;
                    for (String c : tied) {
                        int cand = intOf(c, source, lineNo, "candidate");
                        if (cand < 1 || cand > candidates) {
                            throw new InputFormatException(source, lineNo, "candidate " + c + " out of range 1.."
                                    + candidates);
                        }
                        if (seen[cand]) {
                            throw new InputFormatException(source, lineNo, "candidate " + cand
                                    + " appears twice on the ballot");
                        }
                        seen[cand] = true;
                        if (n == buf.length) {
                            buf = Arrays.copyOf(buf, n * 2);
                        }
                        buf[n++] = cand - 1;
                    }
                }
                starts[groups] = n;
                int[][] ranks = new int[groups][];
                for (int g = 0; g < groups; g++) {
                    if (starts[g + 1] - starts[g] == 1) {
                        ranks[g] = BallotGroup.single(buf[starts[g]]);
                    } else {
                        int[] grp = Arrays.copyOfRange(buf, starts[g], starts[g + 1]);
                        Arrays.sort(grp);
                        ranks[g] = grp;
                    }
                }
                anyBallot = true;
                builder.addRanking(ranks, weight);
                continue;
            }
            // names and title
            int i = 0;
            int len = t.length();
            if (t.charAt(0) != '"') {
                strings.add(t);
                stringLines.add(lineNo);
                continue;
            }
            while (i < len) {
                char c = t.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                    continue;
                }
                if (c != '"') {
                    throw new InputFormatException(source, lineNo, "expected a quoted name");
                }
                int close = t.indexOf('"', i + 1);
                if (close < 0) {
                    throw new InputFormatException(source, lineNo, "unterminated quoted name");
                }
                strings.add(t.substring(i + 1, close));
                stringLines.add(lineNo);
                i = close + 1;
            }
        }
        if (stage == 0) {
            throw new InputFormatException(source, lineNo, "empty file: expected 'candidates seats'");
        }
        if (stage == 1) {
            throw new InputFormatException(source, lineNo, "missing the lone '0' line that ends the ballots");
        }
        if (strings.size() < candidates) {
            throw new InputFormatException(source, lineNo, "expected " + candidates + " candidate names, found "
                    + strings.size());
        }
        List<Option> options = new ArrayList<>();
        for (int c = 0; c < candidates; c++) {
            options.add(new Option(Integer.toString(c + 1), strings.get(c), null));
        }
        String title = strings.size() > candidates ? strings.get(candidates) : source;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("title", title);
        for (int i = candidates + 1; i < strings.size(); i++) {
            meta.put("comment" + (i - candidates), strings.get(i));
        }
        Election e = new Election(title, options, null, seats, withdrawn, meta);
        return new ElectionFile(e, builder.build());
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    private static int intOf(String s, String source, int line, String what) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputFormatException(source, line, what + " '" + s + "' is not an integer");
        }
    }

    private static long longOf(String s, String source, int line, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputFormatException(source, line, what + " '" + s + "' is not an integer");
        }
    }
}
