package org.civicloop.jury;

import java.util.Locale;
import java.util.Random;

/**
 * A letter's registration code: 10 characters from a 31-character alphabet without look-alikes (no 0, O, 1, I, L),
 * printed as two groups of five ({@code K7QMX-3HWRT}); 31^10 is about 8.2 * 10^14 codes. Codes come from a
 * {@link java.security.SecureRandom}, never from the draw's seed: the seed is published after the draw, so codes
 * derived from it could be re-derived by anyone. Plain Java.
 */
public final class LetterCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;

    private LetterCode() {
    }

    /** A new code (stored form: 10 characters, no separator). */
    public static String generate(Random random) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** The printed form: two groups of five joined by a hyphen. */
    public static String printed(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /**
     * The stored form of a code as a person typed it (any case, spaces and hyphens ignored), or null when it cannot be
     * a code (wrong length or a character outside the alphabet).
     */
    public static String parse(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        StringBuilder b = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
            b.append(c);
        }
        return b.length() == LENGTH ? b.toString() : null;
    }
}
