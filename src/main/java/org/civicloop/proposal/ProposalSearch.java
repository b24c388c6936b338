package org.civicloop.proposal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The search form of proposals' words, the same on every database: lower case, accents and other marks removed
 * ("Jardín" and "JARDIN" are both "jardin"), a few letters spelled out ("ß" as "ss", "æ" as "ae"), anything that is
 * not a letter or a digit a space, words between single spaces. A query's terms each match the start of a word of
 * the text (so "parque" finds "parques" and "bike" finds "bikes"), all of them (AND), in any order.
 */
public final class ProposalSearch {

    /** Most characters of a query. */
    public static final int QUERY_MAX = 200;
    /** Most terms of a query (more words than that: refused, not silently cut). */
    public static final int TERMS_MAX = 8;
    /** Most characters of the stored words (the column's width). */
    static final int WORDS_MAX = 5000;

    private ProposalSearch() {
    }

    /** The text in its search form between single spaces, e.g. " parque infantil ", or " " for no words. */
    public static String normalise(String text) {
        if (text == null) {
            return " ";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(decomposed.length() + 2).append(' ');
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String spelled = switch (c) {
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'ø' -> "o";
                case 'ł' -> "l";
                case 'đ' -> "d";
                case 'ı' -> "i";
                default -> null;
            };
            if (spelled != null) {
                out.append(spelled);
            } else if (Character.isLetterOrDigit(c)) {
                out.appendCodePoint(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    /** The stored words of a proposal: its title and description, cut at the column's width on a word boundary. */
    static String words(String title, String description) {
        String w = normalise((title == null ? "" : title) + " " + (description == null ? "" : description));
        if (w.length() <= WORDS_MAX) {
            return w;
        }
        String cut = w.substring(0, WORDS_MAX);
        return cut.substring(0, cut.lastIndexOf(' ') + 1);
    }

    /**
     * A query's distinct terms in their search form; empty for a blank query; empty Optional when the query is too
     * long or has too many terms (the caller refuses it).
     */
    public static Optional<List<String>> terms(String query) {
        if (query == null || query.isBlank()) {
            return Optional.of(List.of());
        }
        if (query.length() > QUERY_MAX) {
            return Optional.empty();
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String t : normalise(query).strip().split(" ")) {
            if (!t.isEmpty()) {
                terms.add(t);
            }
        }
        if (terms.size() > TERMS_MAX) {
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(terms));
    }

    /** Whether stored words match every term (what the database's LIKE does, for tests and one-off checks). */
    public static boolean matches(String words, List<String> terms) {
        return terms.stream().allMatch(t -> words.contains(" " + t));
    }

    /** The LIKE pattern of one term: the start of a word (terms hold only letters and digits, no wildcards). */
    static String likePattern(String term) {
        return "% " + term + "%";
    }
}
