package org.civicloop.voting.count.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civicloop.voting.count.BallotType;
import org.civicloop.voting.count.Election;
import org.civicloop.voting.count.Fraction;
import org.civicloop.voting.count.Option;
import org.civicloop.voting.count.Profile;
import org.civicloop.voting.count.BallotGroup;

/**
 * Parser of pabulib {@code .pb} files: sections META, PROJECTS and VOTES, each starting with a header row;
 * fields separated by {@code ;}, optionally quoted with {@code "} (doubled quotes inside), quoted fields may span
 * lines.
 *
 * <p>The META keys used are {@code vote_type} (approval, cumulative, scoring, ordinal; default approval; scoring
 * ballots are counted like cumulative ones, their scores as points, and negative scores are refused), {@code budget},
 * {@code max_length} (ordinal utilities; default: the longest ranking), {@code description}, {@code seats} (the
 * number of seats an STV count fills; CivicLoop's exports state it, it is no pabulib key). The PROJECTS columns
 * used are {@code project_id}, {@code cost}, {@code name} and {@code selected}; VOTES uses {@code vote} and, for
 * cumulative ballots, {@code points}; a VOTES row with a non-empty {@code excluded} column (CivicLoop's exports: a
 * ballot an officer excluded from the count, the column holding the public reason) is read but not counted, and META
 * {@code num_excluded}, when present, must match. A {@code selected} column is recorded in the election metadata under
 * {@code selected} (comma-separated project ids).
 */
public final class PabulibParser {

    private PabulibParser() {
    }

    private enum Section { NONE, META, PROJECTS, VOTES }

    public static ElectionFile parse(BufferedReader in, String source) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>();
        List<Option> projects = new ArrayList<>();
        Map<String, Integer> projectIndex = new HashMap<>();
        List<String> selected = new ArrayList<>();
        Section section = Section.NONE;
        Map<String, Integer> header = null;
        int headerWidth = 0;
        int lineNo = 0;
        boolean sawMeta = false;
        boolean sawProjects = false;
        boolean sawVotes = false;
        // VOTES state
        Profile.Builder builder = null;
        BallotType type = null;
        int voteCol = -1;
        int pointsCol = -1;
        int excludedCol = -1;
        long votesRead = 0;
        long excludedRead = 0;
        int maxLength = 0;
        String line;
        List<String> fields = new ArrayList<>();
        int[] cut = new int[6];
        while ((line = in.readLine()) != null) {
            lineNo++;
            int startLine = lineNo;
            if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            boolean quoted = line.indexOf('"') >= 0;
            // join physical lines while a quoted field is open
            while (quoted && openQuote(line)) {
                String next = in.readLine();
                if (next == null) {
                    throw new InputFormatException(source, startLine, "unterminated quoted field");
                }
                lineNo++;
                line = line + "\n" + next;
            }
            if (section == Section.VOTES && !quoted && fastVote(line, headerWidth, voteCol, pointsCol, excludedCol,
                    cut)) {
                // fast path for the common unquoted vote row
                votesRead++;
                if (excludedCol >= 0 && !line.substring(cut[4], cut[5]).isBlank()) {
                    excludedRead++;
                    continue;
                }
                String vote = line.substring(cut[0], cut[1]).trim();
                String points = pointsCol >= 0 ? line.substring(cut[2], cut[3]).trim() : null;
                addVote(builder, type, vote, points, projectIndex, maxLength, source, startLine);
                continue;
            }
            String trimmed = line.length() <= 20 ? line.trim() : "";
            if (trimmed.isEmpty() && line.isBlank()) {
                continue;
            }
            String upper = trimmed.toUpperCase(Locale.ROOT);
            if (upper.equals("META") || upper.equals("PROJECTS") || upper.equals("VOTES")) {
                Section next = Section.valueOf(upper);
                if (next == Section.META && (sawMeta || sawProjects || sawVotes)
                        || next == Section.PROJECTS && (sawProjects || sawVotes || !sawMeta)
                        || next == Section.VOTES && (sawVotes || !sawProjects)) {
                    throw new InputFormatException(source, startLine,
                            "section " + upper + " out of order (expected META, PROJECTS, VOTES once each)");
                }
                section = next;
                sawMeta |= next == Section.META;
                sawProjects |= next == Section.PROJECTS;
                sawVotes |= next == Section.VOTES;
                String headerLine;
                do {
                    headerLine = in.readLine();
                    lineNo++;
                } while (headerLine != null && headerLine.trim().isEmpty());
                if (headerLine == null) {
                    throw new InputFormatException(source, lineNo, "missing header row after " + upper);
                }
                fields.clear();
                split(headerLine, fields, source, lineNo);
                header = new HashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    header.put(fields.get(i).trim().toLowerCase(Locale.ROOT), i);
                }
                headerWidth = fields.size();
                if (next == Section.PROJECTS) {
                    require(header, "project_id", source, lineNo);
                    require(header, "cost", source, lineNo);
                } else if (next == Section.VOTES) {
                    require(header, "vote", source, lineNo);
                    voteCol = header.get("vote");
                    excludedCol = header.getOrDefault("excluded", -1);
                    type = voteType(meta, source);
                    pointsCol = type == BallotType.CUMULATIVE ? header.getOrDefault("points", -1) : -1;
                    if (type == BallotType.CUMULATIVE && pointsCol < 0) {
                        throw new InputFormatException(source, lineNo,
                                "cumulative and scoring votes need a 'points' column");
                    }
                    builder = Profile.builder(type);
                    String ml = meta.get("max_length");
                    if (ml != null && type == BallotType.ORDINAL) {
                        maxLength = parseInt(ml, source, 0, "max_length");
                        builder.maxLength(maxLength);
                    }
                }
                continue;
            }
            if (section == Section.NONE) {
                throw new InputFormatException(source, startLine, "expected META, PROJECTS or VOTES section");
            }
            fields.clear();
            split(line, fields, source, startLine);
            if (fields.size() != headerWidth) {
                throw new InputFormatException(source, startLine,
                        "expected " + headerWidth + " fields as in the header row, found " + fields.size());
            }
            switch (section) {
                case META -> {
                    if (fields.size() < 2) {
                        throw new InputFormatException(source, startLine, "expected 'key;value'");
                    }
                    meta.put(fields.get(0).trim(), fields.get(1).trim());
                }
                case PROJECTS -> {
                    String id = fields.get(header.get("project_id")).trim();
                    if (id.isEmpty()) {
                        throw new InputFormatException(source, startLine, "empty project_id");
                    }
                    if (projectIndex.containsKey(id)) {
                        throw new InputFormatException(source, startLine, "duplicate project_id '" + id + "'");
                    }
                    String costText = fields.get(header.get("cost")).trim();
                    Fraction cost;
                    try {
                        cost = Fraction.parse(costText);
                    } catch (NumberFormatException | ArithmeticException e) {
                        throw new InputFormatException(source, startLine, "cost '" + costText + "' is not a number");
                    }
                    if (cost.signum() < 0) {
                        throw new InputFormatException(source, startLine, "negative cost " + costText);
                    }
                    Integer nameCol = header.get("name");
                    String name = nameCol == null ? id : fields.get(nameCol).trim();
                    Integer selCol = header.get("selected");
                    if (selCol != null) {
                        String s = fields.get(selCol).trim();
                        if (s.equals("1") || s.equalsIgnoreCase("true")) {
                            selected.add(id);
                        }
                    }
                    projectIndex.put(id, projects.size());
                    projects.add(new Option(id, name.isEmpty() ? id : name, cost));
                }
                case VOTES -> {
                    votesRead++;
                    if (excludedCol >= 0 && !fields.get(excludedCol).isBlank()) {
                        excludedRead++;
                        continue;
                    }
                    addVote(builder, type, fields.get(voteCol).trim(),
                            pointsCol >= 0 ? fields.get(pointsCol).trim() : null, projectIndex, maxLength, source,
                            startLine);
                }
                default -> throw new IllegalStateException();
            }
        }
        if (!sawMeta || !sawProjects || !sawVotes) {
            throw new InputFormatException(source, lineNo,
                    "missing section " + (!sawMeta ? "META" : !sawProjects ? "PROJECTS" : "VOTES"));
        }
        String budgetText = meta.get("budget");
        Fraction budget = null;
        if (budgetText != null) {
            try {
                budget = Fraction.parse(budgetText);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InputFormatException(source, 0, "META budget '" + budgetText + "' is not a number");
            }
        }
        if (!selected.isEmpty()) {
            meta.put("selected", String.join(",", selected));
        }
        String numProjects = meta.get("num_projects");
        if (numProjects != null && parseInt(numProjects, source, 0, "num_projects") != projects.size()) {
            throw new InputFormatException(source, 0, "META num_projects is " + numProjects + " but PROJECTS lists "
                    + projects.size());
        }
        String numVotes = meta.get("num_votes");
        if (numVotes != null && parseInt(numVotes, source, 0, "num_votes") != votesRead) {
            throw new InputFormatException(source, 0, "META num_votes is " + numVotes + " but VOTES has "
                    + votesRead + " rows");
        }
        String numExcluded = meta.get("num_excluded");
        if (numExcluded != null && parseInt(numExcluded, source, 0, "num_excluded") != excludedRead) {
            throw new InputFormatException(source, 0, "META num_excluded is " + numExcluded + " but VOTES marks "
                    + excludedRead + " rows excluded");
        }
        String title = meta.getOrDefault("description", source);
        String seatsText = meta.get("seats");
        int seats = seatsText == null ? 0 : parseInt(seatsText, source, 0, "seats");
        Election e = new Election(title, projects, budget, seats, Set.of(), meta);
        return new ElectionFile(e, builder.build());
    }

    private static void addVote(Profile.Builder builder, BallotType type, String vote, String points,
            Map<String, Integer> projectIndex, int maxLength, String source, int line) {
        int[] opts = parseVote(vote, projectIndex, source, line, type == BallotType.CUMULATIVE);
        if (type == BallotType.APPROVAL) {
            java.util.Arrays.sort(opts);
            builder.addApproval(opts, 1);
        } else if (type == BallotType.CUMULATIVE) {
            long[] pts = parsePoints(points, opts.length, source, line);
            builder.addCumulative(mergeOptions(opts, pts), mergePoints(opts, pts), 1);
        } else {
            if (maxLength > 0 && opts.length > maxLength) {
                throw new InputFormatException(source, line, "ranking of length " + opts.length
                        + " is longer than max_length " + maxLength);
            }
            int[][] ranks = new int[opts.length][];
            for (int i = 0; i < opts.length; i++) {
                ranks[i] = BallotGroup.single(opts[i]);
            }
            builder.addRanking(ranks, 1);
        }
    }

    /**
     * Locates the vote (and points) fields of an unquoted row; false when the row does not have exactly
     * {@code width} fields (the slow path then reports the error).
     */
    private static boolean fastVote(String line, int width, int voteCol, int pointsCol, int excludedCol, int[] cut) {
        int field = 0;
        int start = 0;
        int n = line.length();
        for (int i = 0; i <= n; i++) {
            if (i == n || line.charAt(i) == ';') {
                if (field == voteCol) {
                    cut[0] = start;
                    cut[1] = i;
                }
                if (field == pointsCol) {
                    cut[2] = start;
                    cut[3] = i;
                }
                if (field == excludedCol) {
                    cut[4] = start;
                    cut[5] = i;
                }
                field++;
                start = i + 1;
            }
        }
        return field == width;
    }

    private static BallotType voteType(Map<String, String> meta, String source) {
        String t = meta.getOrDefault("vote_type", "approval").trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "approval" -> BallotType.APPROVAL;
            case "cumulative", "scoring" -> BallotType.CUMULATIVE; // both give points; scores are counted as points
            case "ordinal" -> BallotType.ORDINAL;
            default -> throw new InputFormatException(source, 0, "unsupported vote_type '" + t
                    + "' (expected approval, cumulative, scoring or ordinal)");
        };
    }

    private static void require(Map<String, Integer> header, String col, String source, int line) {
        if (!header.containsKey(col)) {
            throw new InputFormatException(source, line, "header row lacks the '" + col + "' column");
        }
    }

    private static int parseInt(String s, String source, int line, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new InputFormatException(source, line, what + " '" + s + "' is not an integer");
        }
    }

    /** Cumulative votes may name a project several times (e.g. "579,579" with points "1,1"): points add up. */
    private static int[] mergeOptions(int[] opts, long[] pts) {
        int[] distinct = java.util.Arrays.stream(opts).distinct().toArray();
        return distinct;
    }

    private static long[] mergePoints(int[] opts, long[] pts) {
        int[] distinct = mergeOptions(opts, pts);
        if (distinct.length == opts.length) {
            return pts;
        }
        long[] sum = new long[distinct.length];
        for (int i = 0; i < opts.length; i++) {
            for (int j = 0; j < distinct.length; j++) {
                if (distinct[j] == opts[i]) {
                    sum[j] += pts[i];
                }
            }
        }
        return sum;
    }

    private static int[] parseVote(String vote, Map<String, Integer> projectIndex, String source, int line,
            boolean repeatsAllowed) {
        if (vote.isEmpty()) {
            return new int[0];
        }
        int count = 1;
        for (int i = 0; i < vote.length(); i++) {
            if (vote.charAt(i) == ',') {
                count++;
            }
        }
        int[] out = new int[count];
        int k = 0;
        int start = 0;
        Set<Integer> seen = count > 8 ? new HashSet<>() : null;
        for (int i = 0; i <= vote.length(); i++) {
            if (i == vote.length() || vote.charAt(i) == ',') {
                String id = vote.substring(start, i).trim();
                Integer p = projectIndex.get(id);
                if (p == null) {
                    throw new InputFormatException(source, line, "vote names unknown project '" + id + "'");
                }
                boolean dup;
                if (seen != null) {
                    dup = !seen.add(p);
                } else {
                    dup = false;
                    for (int j = 0; j < k; j++) {
                        if (out[j] == p) {
                            dup = true;
                        }
                    }
                }
                if (dup && !repeatsAllowed) {
                    throw new InputFormatException(source, line, "vote names project '" + id + "' twice");
                }
                out[k++] = p;
                start = i + 1;
            }
        }
        return out;
    }

    private static long[] parsePoints(String text, int n, String source, int line) {
        String[] parts = text.isEmpty() ? new String[0] : text.split(",");
        if (parts.length != n) {
            throw new InputFormatException(source, line, "vote lists " + n + " projects but points lists "
                    + parts.length + " values");
        }
        long[] pts = new long[n];
        for (int i = 0; i < n; i++) {
            try {
                pts[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InputFormatException(source, line, "points '" + parts[i] + "' is not an integer");
            }
            if (pts[i] < 0) {
                throw new InputFormatException(source, line, "negative points " + pts[i]);
            }
        }
        return pts;
    }

    private static boolean openQuote(String line) {
        boolean open = false;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '"') {
                open = !open;
            }
        }
        return open;
    }

    /** Splits a ';'-separated row with optional double-quoted fields ("" escapes a quote). */
    static void split(String line, List<String> out, String source, int lineNo) {
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == ';') {
                    out.add(line.substring(start, i));
                    start = i + 1;
                }
            }
            return;
        }
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            cur.setLength(0);
            // skip leading spaces before a quote
            int j = i;
            while (j < n && line.charAt(j) == ' ') {
                j++;
            }
            if (j < n && line.charAt(j) == '"') {
                i = j + 1;
                while (true) {
                    if (i >= n) {
                        throw new InputFormatException(source, lineNo, "unterminated quoted field");
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            cur.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        cur.append(c);
                        i++;
                    }
                }
                // allow trailing text up to the separator (lenient)
                while (i < n && line.charAt(i) != ';') {
                    cur.append(line.charAt(i));
                    i++;
                }
            } else {
                while (i < n && line.charAt(i) != ';') {
                    cur.append(line.charAt(i));
                    i++;
                }
            }
            out.add(cur.toString());
            if (i >= n) {
                return;
            }
            i++; // skip ';'
        }
    }
}
