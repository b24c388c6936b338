package org.civicloop.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A recommendation's generated lines are written in the reader's language from its figures, with plurals. */
class SupportTextTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void theCountsSupportLineAgreesWithItsNumbersInBothLanguages() {
        assertEquals("16 points; first choice of 4 of 5 jurors", SupportText.support(Recommendation.Source.COUNT,
                "stored", "16", 4, 5, null, 0, Locale.ENGLISH));
        assertEquals("16 puntos; primera opción de 4 de 5 miembros del jurado", SupportText.support(
                Recommendation.Source.COUNT, "stored", "16", 4, 5, null, 0, ES));
        assertEquals("1 point; first choice of 1 of 1 juror", SupportText.support(Recommendation.Source.COUNT,
                "stored", "1", 1, 1, null, 0, Locale.ENGLISH));
        assertEquals("1 punto; primera opción de 1 de 1 miembro del jurado", SupportText.support(
                Recommendation.Source.COUNT, "stored", "1", 1, 1, null, 0, ES));
        assertEquals("7,5 puntos; primera opción de 2 de 5 miembros del jurado", SupportText.support(
                Recommendation.Source.COUNT, "stored", "15/2", 2, 5, null, 0, ES));
    }

    @Test
    void theResidentsLineAndTypedTextAndOldRows() {
        assertEquals("Funded by the residents' vote (1 point, 1 ballot), not by the jury's count",
                SupportText.support(Recommendation.Source.RESIDENTS, "stored", null, 0, 5, "1", 1, Locale.ENGLISH));
        assertEquals("Financiada por la votación vecinal (3 puntos, 2 papeletas), no por el recuento del jurado",
                SupportText.support(Recommendation.Source.RESIDENTS, "stored", null, 0, 5, "3", 2, ES));
        assertEquals("Strong agreement", SupportText.support(Recommendation.Source.JURY, "Strong agreement", null, 0,
                5, null, 0, ES), "what the facilitator typed stays as typed");
        assertEquals("12 points; first choice of 3 of 6 jurors", SupportText.support(Recommendation.Source.COUNT,
                "12 points; first choice of 3 of 6 jurors", null, 3, 6, null, 0, ES),
                "a row from before the score was kept shows its stored line");
    }

    @Test
    void theGeneratedMinorityLineIsTranslatedAndATypedOneIsNot() {
        String english = SupportText.notRanked(5, 3, Locale.ENGLISH);
        assertEquals("2 of 5 jurors did not rank this option at all.", english);
        assertEquals("2 de 5 miembros del jurado no ordenaron esta opción.", SupportText.minority(english, 5, 3, ES));
        assertEquals("1 de 1 miembro del jurado no ordenó esta opción.",
                SupportText.minority(SupportText.notRanked(1, 0, Locale.ENGLISH), 1, 0, ES));
        assertEquals("Two jurors wanted trees instead.", SupportText.minority("Two jurors wanted trees instead.", 5,
                3, ES));
        assertNull(SupportText.notRanked(5, 5, Locale.ENGLISH), "everyone ranked it");
    }
}
