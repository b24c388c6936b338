package org.civicloop.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.civicloop.kernel.Messages;
import org.junit.jupiter.api.Test;

class CensusFileTest {

    private static final List<String> DISTRICTS = List.of("Old Town", "Mill Quarter");

    @Test
    void readsPeopleWithTheirDistrictAndNormalisesTheIdentifiers() {
        CensusFile.Parsed p = CensusFile.parse("\uFEFFdocument,birth_date,postcode,district\r\n"
                + "x-1234.567a,1961-03-14,rv1 2ab,Old Town\r\n\r\n"
                + "\"Z3456789C\",1990-06-30,RV3 4AB,Mill Quarter\r\n", DISTRICTS);
        assertTrue(p.ok(), p.errorKey());
        assertEquals(2, p.people().size());
        assertEquals(new CensusFile.Person(2, "X1234567A|1961-03-14|RV12AB", "Old Town"), p.people().get(0));
        assertEquals(4, p.people().get(1).line(), "the blank line keeps its number");
        assertEquals("Mill Quarter", p.people().get(1).district());
    }

    @Test
    void typedIdentifiersMatchTheCensusWhateverTheSpacingAndCase() {
        String onCensus = CensusFile.parse(CensusFile.HEADER + "\nX1234567A,1961-03-14,RV1 2AB,Old Town\n",
                DISTRICTS).people().get(0).identity();
        String typed = CensusFile.identity(CensusFile.document(" x 1234567-a "),
                CensusFile.birthDate("1961-03-14"), CensusFile.postcode("rv12ab"));
        assertEquals(onCensus, typed);
    }

    private static void refused(String csv, String key, int line) {
        CensusFile.Parsed p = CensusFile.parse(csv, DISTRICTS);
        assertFalse(p.ok());
        assertEquals(key, p.errorKey());
        assertEquals(line, p.errorLine());
        assertTrue(p.people().isEmpty(), "a bad file gives nobody");
        String message = Messages.format(Locale.ENGLISH, key, line);
        assertFalse(message.contains("\n"), "one line: " + message);
        if (line > 0) {
            assertTrue(message.startsWith("Line " + line + ":"), message);
            assertTrue(Messages.format(Locale.forLanguageTag("es"), key, line).startsWith("Línea " + line + ":"));
        }
    }

    @Test
    void aBadLineIsNamedByItsNumber() {
        String h = CensusFile.HEADER + "\n";
        refused("id,name\nA1,B\n", "refused.census.header", 1);
        refused(h + "X1234567A,1961-03-14,RV1 2AB\n", "refused.census.columns", 2);
        refused(h + "X1234567A,1961-03-14,RV1 2AB,Old Town\nX!,1961-03-14,RV1 2AB,Old Town\n",
                "refused.census.document", 3);
        refused(h + "X1234567A,14/03/1961,RV1 2AB,Old Town\n", "refused.census.birthDate", 2);
        refused(h + "X1234567A," + LocalDate.now().plusYears(1) + ",RV1 2AB,Old Town\n", "refused.census.birthDate", 2);
        refused(h + "X1234567A,1961-03-14,R,Old Town\n", "refused.census.postcode", 2);
        refused(h + "X1234567A,1961-03-14,RV1 2AB,Atlantis\n", "refused.census.district", 2);
        refused(h + "X1234567A,1961-03-14,RV1 2AB,Old Town\nx1234567a,1961-03-14,rv12ab,Mill Quarter\n",
                "refused.census.duplicate", 3);
        refused(h, "refused.census.empty", 0);
        refused("", "refused.census.empty", 0);
    }

    @Test
    void ageIsCountedInWholeYearsOnTheDay() {
        LocalDate born = LocalDate.of(2010, 6, 15);
        assertFalse(CensusFile.ofAge(born, 16, LocalDate.of(2026, 6, 14)));
        assertTrue(CensusFile.ofAge(born, 16, LocalDate.of(2026, 6, 15)));
    }

    @Test
    void identifiersThatCannotBeValidAreRefused() {
        assertNull(CensusFile.document("12"));
        assertNull(CensusFile.document("ABC$123"));
        assertNull(CensusFile.birthDate("1961-02-30"));
        assertNull(CensusFile.postcode("RV1 2AB 3CD 4EF"));
    }

    @Test
    void theKeyedHashDependsOnTheKeyAndHidesTheIdentity() {
        String identity = "X1234567A|1961-03-14|RV12AB";
        KeyedHash a = new KeyedHash("a key of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
        KeyedHash b = new KeyedHash("another key, also long enough".getBytes(StandardCharsets.UTF_8));
        assertEquals(a.of(identity), a.of(identity), "the same identity always gives the same hash");
        assertNotEquals(a.of(identity), b.of(identity), "another key gives another hash");
        assertTrue(a.of(identity).matches("[0-9a-f]{64}"));
        assertFalse(a.of(identity).toUpperCase(Locale.ROOT).contains("X1234567A"));
        // RFC 4231, test case 2: the key "Jefe" (HMAC pads a key with zero bytes, so "Jefe" and twelve zero bytes is
        // the same key, long enough for KeyedHash's minimum).
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                new KeyedHash(("Jefe" + "\0".repeat(12)).getBytes(StandardCharsets.UTF_8))
                        .of("what do ya want for nothing?"));
        assertThrows(IllegalArgumentException.class, () -> new KeyedHash(new byte[8]));
    }
}
