package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Counted things read as people write them: "one ballot", "2 ballots", never "1 ballots" or "recommendation(s)". */
class PluralMessagesTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    @Test
    void countsOfOneAreSingularAndOthersPluralInBothLanguages() {
        assertEquals("Counted from one jury ballot with the rule fixed in the mandate: Greedy.",
                Messages.format(Locale.ENGLISH, "results.juryLead", 1, "Greedy"));
        assertEquals("Counted from 2 jury ballots with the rule fixed in the mandate: Greedy.",
                Messages.format(Locale.ENGLISH, "results.juryLead", 2, "Greedy"));
        assertEquals("Recuento de una papeleta del jurado con la regla fijada en el mandato: X.",
                Messages.format(ES, "results.juryLead", 1, "X"));
        assertEquals("Recuento de 1.200 papeletas del jurado con la regla fijada en el mandato: X.",
                Messages.format(ES, "results.juryLead", 1200, "X"));
        assertEquals("One recommendation still needs a response.",
                Messages.format(Locale.ENGLISH, "refused.gate.responses", 1L));
        assertEquals("3 recommendations still need a response.",
                Messages.format(Locale.ENGLISH, "refused.gate.responses", 3L));
        assertEquals("Falta la respuesta a una recomendación.", Messages.format(ES, "refused.gate.responses", 1L));
        assertTrue(Messages.format(Locale.ENGLISH, "report.participation", 1, 1, 1, 1)
                .equals("One resident volunteered, 1 sat on the jury; one juror and one resident voted."));
        assertEquals("mean shift +0.50; 1 of 1 person changed their answer",
                Messages.format(Locale.ENGLISH, "report.shiftSummary", "+0.50", 1, 1));
        assertEquals("One person has volunteered so far.", Messages.format(Locale.ENGLISH, "cycle.poolSize", 1));
        assertEquals("4 residents' ballots were flagged as a possible campaign (identical rankings arriving in a"
                + " burst): one counted, 3 excluded.".replace("one counted", "1 counted"),
                Messages.format(Locale.ENGLISH, "flagged.treated", 4L, 1L, 3L));
        assertEquals("One residents' ballot was flagged as a possible campaign (identical rankings arriving in a"
                + " burst): 0 counted, 1 excluded.", Messages.format(Locale.ENGLISH, "flagged.treated", 1L, 0L, 1L));
        assertEquals("One ballot excluded: same minute", Messages.format(Locale.ENGLISH, "flagged.treatedExcluded",
                1L, "same minute"));
        assertEquals("2 papeletas contadas: un hogar", Messages.format(ES, "flagged.treatedCounted", 2L, "un hogar"));
        assertEquals("4 papeletas vecinales se marcaron como posible campaña (ordenaciones idénticas llegadas en poco"
                + " tiempo): 1 contada, 3 excluidas.", Messages.format(ES, "flagged.treated", 4L, 1L, 3L));
        assertEquals("Hasta ahora se han ofrecido 12 personas.", Messages.format(ES, "cycle.poolSize", 12));
    }

    @Test
    void daysPromisedReadAsWordsNotAsANegativeNumber() {
        assertEquals("passed 3 days before the vote", Messages.format(Locale.ENGLISH, "fb.promisedPassed", 3L));
        assertEquals("1 day after the vote", Messages.format(Locale.ENGLISH, "fb.promisedDays", 1L));
        assertEquals("vencido 3 días antes de la votación", Messages.format(ES, "fb.promisedPassed", 3L));
        assertEquals("Promised within 30 days", Messages.format(Locale.ENGLISH, "metrics.promisedWithin", 30L));
    }

    /** No text hedges a plural with "(s)" or "(es)": it says the right form for the number. */
    @Test
    void noTextHedgesAPlural() throws Exception {
        Set<String> hedged = new TreeSet<>();
        for (String name : new String[]{"messages.properties", "messages_es.properties"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/org/civicloop/i18n/" + name)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                if (p.getProperty(key).matches("(?s).*\\p{L}\\((s|es)\\).*")) {
                    hedged.add(name + ": " + key);
                }
            }
        }
        assertEquals(Set.of(), hedged);
    }
}
