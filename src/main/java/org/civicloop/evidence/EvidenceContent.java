package org.civicloop.evidence;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.civicloop.audit.chain.AuditChain;
import org.civicloop.cycle.ValueCell;

/**
 * The content of one version of an evidence item, and its canonical text: every field by name in a fixed order,
 * each written as {@code name=length:value} (or {@code name=∅} when absent) on its own line. The content hash
 * published with the item and written into the audit chain is the SHA-256 of that text (UTF-8), so anyone can
 * recompute it from the published fields. Plain Java (no Jakarta), shared with the tests.
 */
public record EvidenceContent(EvidenceItem.Kind kind, EvidenceItem.Perspective perspective, String title,
                              String summary, String source, String author, LocalDate date, List<String> options,
                              Set<ValueCell> valueCells, SocialValue socialValue, String attachmentSha256) {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    public EvidenceContent {
        options = options == null ? List.of() : List.copyOf(new TreeSet<>(options));
        valueCells = valueCells == null ? Set.of() : Set.copyOf(valueCells);
    }

    /** The canonical text the hash is taken over. */
    public String canonical() {
        StringBuilder b = new StringBuilder();
        field(b, "kind", kind == null ? null : kind.name());
        field(b, "perspective", perspective == null ? null : perspective.name());
        field(b, "title", title);
        field(b, "summary", summary);
        field(b, "source", source);
        field(b, "author", author);
        field(b, "date", date == null ? null : date.toString());
        field(b, "options", options.isEmpty() ? null : String.join(",", options));
        field(b, "valueCells", valueCells.isEmpty() ? null : String.join(",",
                valueCells.stream().map(Enum::name).sorted().toList()));
        SocialValue sv = socialValue == null ? SocialValue.NONE : socialValue;
        field(b, "economic", sv.economic() == null ? null : sv.economic().toString());
        field(b, "economicWhy", sv.economicWhy());
        field(b, "social", sv.social() == null ? null : sv.social().toString());
        field(b, "socialWhy", sv.socialWhy());
        field(b, "environmental", sv.environmental() == null ? null : sv.environmental().toString());
        field(b, "environmentalWhy", sv.environmentalWhy());
        field(b, "attachment", attachmentSha256);
        return b.toString();
    }

    /** SHA-256 (lower-case hex) of the canonical text. */
    public String hash() {
        return AuditChain.sha256Hex(canonical());
    }

    /** The text full-text search runs over: title, summary, source and author, normalised. */
    public String searchText() {
        String all = String.join(" ", title == null ? "" : title, summary == null ? "" : summary,
                source == null ? "" : source, author == null ? "" : author, String.join(" ", options));
        String text = normalise(all);
        return text.length() > 12000 ? text.substring(0, 12000) : text;
    }

    /**
     * Lower case, accents removed, punctuation folded to single spaces, padded with a space on both sides so that
     * a search for whole words and word starts is a plain LIKE: "Árboles, calle" becomes " arboles calle ".
     */
    public static String normalise(String text) {
        if (text == null) {
            return " ";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return " " + NON_WORD.matcher(plain).replaceAll(" ").strip() + " ";
    }

    /** The search terms of a query: normalised words, at most eight, each at least two characters long. */
    public static List<String> terms(String query) {
        String n = normalise(query).strip();
        if (n.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(n.split(" ")).filter(t -> t.length() >= 2).distinct().limit(8).toList();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append(name).append('=');
        if (value == null) {
            b.append('\u2205');
        } else {
            b.append(value.length()).append(':').append(value);
        }
        b.append('\n');
    }
}
