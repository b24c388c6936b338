package org.civicloop.identity;

import com.nulabinc.zxcvbn.Pattern;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.matchers.Match;
import java.util.List;

/**
 * Whether a new password is a commonly used one, as NIST SP 800-63B asks to refuse: found in the list of the
 * 30,000 most common passwords that the zxcvbn library ships, or made only of such passwords, keyboard patterns,
 * sequences, repeats, dates and years (e.g. {@code password1234}, {@code 123456789012}, {@code qwertyuiop12},
 * {@code sunshine2024!}... once its pieces are all of that kind). A password with any piece that is none of these
 * (another word, a name, a random character) is not refused here; length and the other rules are checked before.
 */
final class CommonPasswords {

    private static final Zxcvbn ZXCVBN = new Zxcvbn();

    private CommonPasswords() {
    }

    static boolean isCommon(String password, String username) {
        Strength s;
        synchronized (ZXCVBN) {
            s = ZXCVBN.measure(password, username == null ? List.of() : List.of(username));
        }
        List<Match> pieces = s.getSequence();
        if (pieces.isEmpty()) {
            return false;
        }
        for (Match m : pieces) {
            boolean common = switch (m.pattern) {
                case Dictionary -> "passwords".equals(m.dictionaryName) || "user_inputs".equals(m.dictionaryName);
                case Spatial, Repeat, Sequence, Date, Regex -> true;
                case Bruteforce -> false;
            };
            if (!common) {
                return false;
            }
        }
        return true;
    }
}
