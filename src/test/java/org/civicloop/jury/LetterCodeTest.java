package org.civicloop.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LetterCodeTest {

    @Test
    void codesHaveTenCharactersOfTheUnambiguousAlphabetAndDoNotRepeat() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = LetterCode.generate(random);
            assertEquals(10, code.length());
            for (char c : code.toCharArray()) {
                assertTrue("0O1IL".indexOf(c) < 0 && LetterCode.ALPHABET.indexOf(c) >= 0, code);
            }
            assertTrue(seen.add(code), "a repeat among 10,000 of 8.2e14 would be a broken generator: " + code);
        }
    }

    @Test
    void aTypedCodeIsReadInAnyCaseWithOrWithoutItsHyphenAndNonsenseIsNotACode() {
        assertEquals("K7QMX3HWRT", LetterCode.parse("k7qmx-3hwrt"));
        assertEquals("K7QMX3HWRT", LetterCode.parse(" K7QMX 3HWRT "));
        assertEquals("K7QMX-3HWRT", LetterCode.printed("K7QMX3HWRT"));
        assertNull(LetterCode.parse("K7QMX-3HWR"), "too short");
        assertNull(LetterCode.parse("K7QMX-3HWRO"), "O is not in the alphabet");
        assertNull(LetterCode.parse(""));
        assertNull(LetterCode.parse(null));
    }
}
