package org.civicloop.jury;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.civicloop.jury.selection.Infeasibility;
import org.civicloop.jury.selection.QuotaCheck;
import org.civicloop.jury.selection.QuotaChange;
import org.civicloop.jury.selection.model.FeatureValue;
import org.civicloop.jury.selection.model.Person;
import org.civicloop.jury.selection.model.Pool;
import org.civicloop.jury.selection.model.Quota;
import org.civicloop.jury.selection.model.Quotas;
import org.civicloop.kernel.Messages;
import org.junit.jupiter.api.Test;

/** Infeasible quotas as a refusal carries them: kept as text and read back whole, and written in each language. */
class InfeasibilityReportTest {

    private static final Locale ES = Locale.forLanguageTag("es");

    /** One young person among six, three young wanted on a panel of four. */
    private static Infeasibility oneYoungPerson() {
        return QuotaCheck.diagnose(Pool.of(List.of(person("1", "young"), person("2", "old"),
                        person("3", "old"), person("4", "old"), person("5", "old"), person("6", "old"))),
                Quotas.of(Quota.of("age", "young", 3, 4), Quota.of("age", "old", 0, 4)), 4).orElseThrow();
    }

    private static Person person(String id, String age) {
        return Person.of(id, java.util.Map.of("age", age));
    }

    @Test
    void theReportIsKeptAsTextAndReadBackWhole() {
        InfeasibilityReport report = new InfeasibilityReport(List.of(
                new Infeasibility.Reason(Infeasibility.Kind.TOO_FEW_HOUSEHOLDS, null, null, 5, 6),
                new Infeasibility.Reason(Infeasibility.Kind.TOO_FEW_WITH_VALUE, "área, \"norte\"", "sí", 1, 2)),
                List.of(FeatureValue.of("área, \"norte\"", "sí")),
                List.of(new QuotaChange(FeatureValue.of("área, \"norte\"", "sí"), 2, 3, 1, 3)));
        assertEquals(Optional.of(report), InfeasibilityReport.decode(report.encoded()));
        assertEquals(Optional.empty(), InfeasibilityReport.decode("The quotas cannot be met because of age=young"),
                "an older English text is no report");
        assertEquals(Optional.empty(), InfeasibilityReport.decode(report.encoded().substring(0, 40)), "cut short");
    }

    @Test
    void theReasonsAndTheRelaxationAreWrittenInTheReadersLanguage() {
        InfeasibilityReport report = InfeasibilityReport.of(oneYoungPerson());
        assertEquals(List.of(new Infeasibility.Reason(Infeasibility.Kind.TOO_FEW_WITH_VALUE, "age", "young", 1, 3)),
                report.reasons());
        InfeasibilityReport.Text en = report.localized(Locale.ENGLISH);
        assertEquals("The quotas cannot be met because of age=young.", en.heading());
        assertEquals(List.of("age=young: minimum 3 but only 1 person in the pool"), en.reasons(),
                "the same words as the engine's English");
        assertEquals(oneYoungPerson().reasonTexts(), en.reasons());
        assertEquals(List.of("age=young: minimum 3, maximum 4 become minimum 1, maximum 4"), en.changes());
        InfeasibilityReport.Text es = report.localized(ES);
        assertEquals("No se pueden cumplir las cuotas por age=young.", es.heading());
        assertEquals(List.of("age=young: mínimo 3, pero solo hay 1 persona en el grupo"), es.reasons());
        assertEquals("Menor relajación de las cuotas que hace posible un jurado (total 2):", es.relaxation());
        assertEquals(List.of("age=young: mínimo 3, máximo 4 pasan a mínimo 1, máximo 4"), es.changes());
        // As a refusal's argument, the report is written in the language of the message around it.
        String refusal = Messages.format(ES, InfeasibilityReport.REFUSAL, report);
        assertTrue(refusal.startsWith("No se pueden cumplir las cuotas por age=young. age=young: mínimo 3"), refusal);
        assertTrue(Messages.format(Locale.ENGLISH, InfeasibilityReport.REFUSAL, report)
                .contains("Smallest relaxation that makes a panel possible (total 2): age=young"), refusal);
    }

    @Test
    void everyKindOfReasonHasATextInBothLanguages() {
        for (Infeasibility.Kind kind : Infeasibility.Kind.values()) {
            InfeasibilityReport report = new InfeasibilityReport(List.of(new Infeasibility.Reason(kind, "age",
                    "young", 2, 3)), List.of(), List.of());
            String en = report.localized(Locale.ENGLISH).reasons().get(0);
            String es = report.localized(ES).reasons().get(0);
            assertTrue(!en.startsWith("jury.infeasible.") && !es.startsWith("jury.infeasible.") && !en.equals(es),
                    kind + ": " + en + " / " + es);
        }
    }
}
