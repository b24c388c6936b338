package org.civicloop.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two versions of an item: each field that differs, and for text fields the words removed
 * and added (a longest-common-subsequence diff over words). Plain Java, no Jakarta.
 */
public final class EvidenceDiff {

    /** Beyond this many word pairs a text is shown as replaced as a whole (keeps the diff cheap). */
    private static final long MAX_CELLS = 4_000_000L;

    public enum Op { SAME, REMOVED, ADDED }

    public record Segment(Op op, String text) {
    }

    /** One changed field: the values before and after, and the word-level segments for reading. */
    public record Change(String field, String before, String after, List<Segment> segments) {
    }

    private EvidenceDiff() {
    }

    public static List<Change> between(EvidenceContent from, EvidenceContent to) {
        List<Change> changes = new ArrayList<>();
        text(changes, "title", from.title(), to.title());
        text(changes, "summary", from.summary(), to.summary());
        plain(changes, "kind", name(from.kind()), name(to.kind()));
        plain(changes, "perspective", name(from.perspective()), name(to.perspective()));
        text(changes, "source", from.source(), to.source());
        text(changes, "author", from.author(), to.author());
        plain(changes, "date", Objects.toString(from.date(), null), Objects.toString(to.date(), null));
        plain(changes, "options", join(from.options()), join(to.options()));
        plain(changes, "valueCells", join(from.valueCells().stream().map(Enum::name).sorted().toList()),
                join(to.valueCells().stream().map(Enum::name).sorted().toList()));
        SocialValue a = from.socialValue() == null ? SocialValue.NONE : from.socialValue();
        SocialValue b = to.socialValue() == null ? SocialValue.NONE : to.socialValue();
        plain(changes, "economic", Objects.toString(a.economic(), null), Objects.toString(b.economic(), null));
        text(changes, "economicWhy", a.economicWhy(), b.economicWhy());
        plain(changes, "social", Objects.toString(a.social(), null), Objects.toString(b.social(), null));
        text(changes, "socialWhy", a.socialWhy(), b.socialWhy());
        plain(changes, "environmental", Objects.toString(a.environmental(), null),
                Objects.toString(b.environmental(), null));
        text(changes, "environmentalWhy", a.environmentalWhy(), b.environmentalWhy());
        plain(changes, "attachment", from.attachmentSha256(), to.attachmentSha256());
        return changes;
    }

    /** Word-level diff of two texts (whitespace kept with the word before it). */
    public static List<Segment> words(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        if ((long) a.size() * b.size() > MAX_CELLS) {
            List<Segment> whole = new ArrayList<>();
            if (!a.isEmpty()) {
                whole.add(new Segment(Op.REMOVED, String.join("", a)));
            }
            if (!b.isEmpty()) {
                whole.add(new Segment(Op.ADDED, String.join("", b)));
            }
            return whole;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = key(a.get(i)).equals(key(b.get(j))) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && key(a.get(i)).equals(key(b.get(j)))) {
                add(out, Op.SAME, b.get(j));
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(out, Op.REMOVED, a.get(i++));
            } else {
                add(out, Op.ADDED, b.get(j++));
            }
        }
        return out;
    }

    private static void text(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change(field, before, after, words(before, after)));
        }
    }

    private static void plain(List<Change> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            List<Segment> segments = new ArrayList<>();
            if (before != null) {
                segments.add(new Segment(Op.REMOVED, before));
            }
            if (after != null) {
                segments.add(new Segment(Op.ADDED, after));
            }
            changes.add(new Change(field, before, after, segments));
        }
    }

    private static List<String> tokens(String text) {
        if (text == null || text.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+\\s*|\\s+").matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static String key(String token) {
        return token.strip();
    }

    private static void add(List<Segment> out, Op op, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(op, last.text() + text));
        } else {
            out.add(new Segment(op, text));
        }
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(", ", values);
    }
}
