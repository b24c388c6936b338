package org.civicloop.voting.count.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.civicloop.voting.count.TieBreaking;
import org.junit.jupiter.api.Test;

/** The tie-break methods the engines name are written in the reader's language from a code, as explanations are. */
class TieMethodTextTest {

    private static final List<String> METHODS = List.of(TieBreaking.METHOD, TieBreaking.EARLIER_STAGE,
            TieBreaking.EVERY_STAGE);

    @Test
    void everyMethodHasACodeAndEnglishReadsAsTheEngineWroteIt() {
        ExplanationText en = new ExplanationText(Locale.ENGLISH, Map.of(), "GBP");
        for (String method : METHODS) {
            assertNotEquals("OTHER", TieBreaking.code(method), method);
            assertEquals(method, en.tieMethod(method));
        }
        assertEquals(3, METHODS.stream().map(TieBreaking::code).distinct().count());
        assertEquals("OTHER", TieBreaking.code("coin toss"));
        assertEquals("coin toss", en.tieMethod("coin toss"), "an unknown method stays as the engine wrote it");
    }

    @Test
    void spanishLeavesNoEnglishBehind() {
        ExplanationText es = new ExplanationText(Locale.forLanguageTag("es"), Map.of(), "EUR");
        for (String method : METHODS) {
            String text = es.tieMethod(method);
            assertNotEquals(method, text);
            for (String english : List.of("order", "favoured", "stage", "votes", "equal", "smaller")) {
                assertFalse(text.contains(english), english + " left in: " + text);
            }
        }
    }
}
