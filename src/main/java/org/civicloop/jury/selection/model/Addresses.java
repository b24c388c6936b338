package org.civicloop.jury.selection.model;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Household keys for the "one person per address" rule. A cell is normalised by Unicode NFKC, lower case, every run
 * of characters other than letters and digits becoming one space, and trimming; so {@code "12 High St."} and
 * {@code " 12  high st"} are the same. The key joins the normalised cells of the address columns with {@code |}; when
 * all of them are blank the person has no household key and is never grouped with anyone.
 */
public final class Addresses {

    private Addresses() {
    }

    public static String normalise(String cell) {
        if (cell == null) {
            return "";
        }
        String s = Normalizer.normalize(cell, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        return b.toString();
    }

    /** The household key of the given address cells, or {@code null} if all are blank after normalisation. */
    public static String key(List<String> cells) {
        List<String> parts = new ArrayList<>();
        boolean any = false;
        for (String c : cells) {
            String n = normalise(c);
            any |= !n.isEmpty();
            parts.add(n);
        }
        return any ? String.join("|", parts) : null;
    }
}
