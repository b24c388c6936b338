package org.civicloop.jury.selection;

import java.util.Locale;

/** Selection algorithms. */
public enum Method {
    /** Maximally fair: leximin over selection probabilities (Flanigan et al. 2021). The default. */
    LEXIMIN,
    /** Maximises only the minimum selection probability. */
    MAXIMIN,
    /** The Sortition Foundation's older greedy random draw, for comparison (probabilities estimated by sampling). */
    LEGACY;

    public static Method parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown method '" + s + "' (leximin, maximin or legacy)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
