package org.civicloop.voting.count.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicloop.voting.count.Explanation;
import org.civicloop.voting.count.Explanation.Param;
import org.civicloop.voting.count.Explanation.Reason;
import org.civicloop.voting.count.Fraction;
import org.junit.jupiter.api.Test;

/** Every sentence a count can say, in English and Spanish, from the same data. */
class ExplanationTextTest {

    private static final Locale ES = Locale.forLanguageTag("es");
    private static final Map<String, String> NAMES = Map.of("Y1", "Floodlit court", "Y2", "Youth cafe",
            "Y3", "Skate park");
    private static final ExplanationText EN_TEXT = new ExplanationText(Locale.ENGLISH, NAMES, "EUR");
    private static final ExplanationText ES_TEXT = new ExplanationText(ES, NAMES, "EUR");
    /** Words that may stand in both languages: proper names, the options' names, and "total". */
    private static final Set<String> SHARED = Set.of("borda", "condorcet", "pabutools", "total", "floodlit", "court",
            "youth", "cafe", "skate", "park");

    /** An explanation of this reason with every whole count set to {@code count}. */
    private static Explanation sample(Reason reason, long count) {
        List<Object> values = new ArrayList<>();
        for (Param p : reason.params()) {
            values.add(switch (p.kind()) {
                case OPTION -> "Y1";
                case OPTIONS -> List.of("Y1", "Y2");
                case MONEY -> Fraction.of(35_000);
                case COUNT -> count;
                case NUMBER -> Fraction.of(7, 2);
                case VOTES, POINTS, SCORE -> Fraction.of(count);
                case UNIT -> "points";
                case DUELS -> List.of(Explanation.duel("Y2", 3, 2));
            });
        }
        return Explanation.of(reason, values.toArray());
    }

    private static Set<String> words(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\p{L}{3,}").matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyKindOfExplanationIsWrittenInBothLanguagesWithNoEnglishLeftInSpanish() {
        List<String> failures = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            for (long count : new long[]{0, 1, 2, 5}) {
                Explanation e = sample(reason, count);
                String en = EN_TEXT.text(e);
                String es = ES_TEXT.text(e);
                if (en.equals(reason.key()) || es.equals(reason.key()) || en.contains("{") || es.contains("{")) {
                    failures.add(reason + ": no message: " + en + " / " + es);
                    continue;
                }
                if (en.equals(es)) {
                    failures.add(reason + ": the same in both languages: " + en);
                }
                if (es.contains("Y1") || en.contains("Y1")) {
                    failures.add(reason + ": an option by its code: " + en + " / " + es);
                }
                Set<String> english = words(en);
                english.removeAll(SHARED);
                english.retainAll(words(es));
                if (!english.isEmpty()) {
                    failures.add(reason + " (" + count + "): English words " + english + " in \"" + es + "\"");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theWordListCatchesAnEnglishSentenceLeftInSpanish() {
        Set<String> english = words("Eliminated in round 1 with 3 votes (the fewest).");
        english.removeAll(SHARED);
        english.retainAll(words("Eliminada en la ronda 1 with 3 votes (the fewest)."));
        assertEquals(Set.of("fewest", "the", "votes", "with"), english);
    }

    @Test
    void nounsAgreeWithTheirNumbersInBothLanguages() {
        Explanation one = Explanation.of(Reason.GREEDY_FUND, "Y1", 1L, "points", Fraction.of(35_000),
                Fraction.of(12_000));
        Explanation two = Explanation.of(Reason.GREEDY_FUND, "Y1", 2L, "points", Fraction.of(35_000),
                Fraction.of(12_000));
        assertTrue(EN_TEXT.text(one).contains("(1 point)"), EN_TEXT.text(one));
        assertTrue(EN_TEXT.text(two).contains("(2 points)"), EN_TEXT.text(two));
        assertTrue(ES_TEXT.text(one).contains("(1 punto)"), ES_TEXT.text(one));
        assertTrue(ES_TEXT.text(two).contains("(2 puntos)"), ES_TEXT.text(two));
        Explanation votes = Explanation.of(Reason.GREEDY_FUND, "Y1", 1L, "votes", Fraction.of(35_000),
                Fraction.of(12_000));
        assertTrue(EN_TEXT.text(votes).contains("(1 vote)"), EN_TEXT.text(votes));
        assertTrue(ES_TEXT.text(votes).contains("(1 voto)"), ES_TEXT.text(votes));

        Explanation half = Explanation.of(Reason.IRV_ELIMINATED, 2L, Fraction.of(5, 2), 0L);
        assertEquals("Eliminated in round 2 with 2.5 votes (the fewest).", EN_TEXT.text(half));
        assertEquals("Eliminada en la ronda 2 con 2,5 votos (la que menos tenía).", ES_TEXT.text(half));
        Explanation tied = Explanation.of(Reason.IRV_ELIMINATED, 1L, Fraction.of(1), 1L);
        assertTrue(EN_TEXT.text(tied).contains("with 1 vote (the fewest, tied with 1 other;"), EN_TEXT.text(tied));
        assertTrue(ES_TEXT.text(tied).contains("con 1 voto (la que menos tenía, empatada con otra;"),
                ES_TEXT.text(tied));

        Explanation supporter = Explanation.of(Reason.MES_SHORT_FROM_START, 1L, Fraction.of(100), Fraction.of(100),
                Fraction.of(150));
        assertTrue(EN_TEXT.text(supporter).startsWith("Its 1 supporter had only"), EN_TEXT.text(supporter));
        assertTrue(ES_TEXT.text(supporter).startsWith("Su único apoyo solo tenía"), ES_TEXT.text(supporter));
    }

    @Test
    void amountsAreMoneyOfTheBudgetsCurrencyWrittenTheReadersWayAndOptionsHaveNames() {
        Explanation e = Explanation.of(Reason.GREEDY_SKIP, "Y1", 4L, "points", Fraction.of(35_000),
                Fraction.of(12_000));
        assertEquals("Floodlit court (4 points) costs €35,000 but only €12,000 is left: skipped.", EN_TEXT.text(e));
        String es = ES_TEXT.text(e);
        assertTrue(es.startsWith("Floodlit court (4 puntos) cuesta 35.000"), es);
        assertTrue(es.contains("12.000\u00a0€") || es.contains("12.000 €"), es);
        Explanation cents = Explanation.of(Reason.MES_SHORT_FROM_START, 3L, Fraction.of(400, 3), Fraction.of(100, 3),
                Fraction.of(150));
        assertTrue(EN_TEXT.text(cents).contains("€133.33 in total (€33.33 each), less than its cost €150."),
                EN_TEXT.text(cents));
    }

    @Test
    void theToolsJarWritesEnglishWithOptionIdsAndPlainAmounts() {
        Explanation e = Explanation.of(Reason.GREEDY_DID_NOT_FIT, 3L, 4L, "votes", Fraction.of(12_000),
                Fraction.of(35_000));
        assertEquals("Ranked 3 with 4 votes, but when its turn came only 12,000 of the budget was left, less than its"
                + " cost 35,000: it did not fit.", ExplanationText.english().text(e));
        Explanation mes = Explanation.of(Reason.MES_SHORT_AT_END, 3L, Fraction.of(400), Fraction.of(400, 3),
                Fraction.of(400, 3), Fraction.of(150), 0L);
        assertTrue(ExplanationText.english().text(mes).contains("had only 133.33333 left"),
                ExplanationText.english().text(mes));
    }

    @Test
    void aStoredExplanationIsWrittenAsTheOriginal() {
        for (Reason reason : Reason.values()) {
            Explanation e = sample(reason, 2);
            assertEquals(ES_TEXT.text(e), ES_TEXT.text(e.code(), e.plainValues()), reason.name());
        }
        assertNull(ES_TEXT.text("NO_SUCH_REASON", Map.of()), "an unknown code is left to the caller");
        assertNotEquals(EN_TEXT.text(sample(Reason.WITHDRAWN, 0)), ES_TEXT.text(sample(Reason.WITHDRAWN, 0)));
        assertFalse(Reason.values().length < 30, "every reason is rendered above");
    }
}
