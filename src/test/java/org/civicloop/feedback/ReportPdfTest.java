package org.civicloop.feedback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicloop.deliberation.PreferenceShift;
import org.junit.jupiter.api.Test;

class ReportPdfTest {

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    @Test
    void thePdfCarriesEveryDecisionWhyAndTheChangeNote() throws Exception {
        String text = text(ReportPdf.render(ReportFixtures.report(ReportFixtures.shift()), Locale.ENGLISH));
        assertTrue(text.contains("You said, we did: Greener streets"), text);
        assertTrue(text.contains("School crossings: Adopted"), text);
        assertTrue(text.contains("Parklets ?: Rejected"), "a character the font lacks becomes ?: " + text);
        assertTrue(text.contains("the pot has £12,000 left"), text);
        assertTrue(text.contains("Signed off by Cllr Amina Shah"), text);
        assertTrue(text.contains("What this version corrects: The amount for trees is £48,000."), text);
        assertTrue(text.contains("Street trees are worth their upkeep"), "the before/after chart's label");
        assertTrue(text.contains("Before 17%") && text.contains("After 33%"), "bar captions: " + text);
        assertTrue(text.contains("ab".repeat(32)), "the audit head");
        assertTrue(text.contains("Latest signed checkpoint of the audit chain"), text);
        assertTrue(text.contains("cd".repeat(32)) && text.contains("reason periodic")
                && text.contains("civicloop AAAA"), "the checkpoint's signed text, line by line: " + text);
    }

    @Test
    void withoutBeforeAfterAnswersThePdfSaysSoHonestly() throws Exception {
        String text = text(ReportPdf.render(ReportFixtures.report(new PreferenceShift(7, List.of(), List.of())),
                Locale.ENGLISH));
        assertTrue(text.contains("No before/after answers were recorded"), text);
        assertFalse(text.contains("Before 17%"));
    }

    /** Spanish words, and shares written the Spanish way (a no-break space before the percent sign). */
    @Test
    void spanishLabels() throws Exception {
        String text = text(ReportPdf.render(ReportFixtures.report(ReportFixtures.shift()), Locale.forLanguageTag("es")));
        assertTrue(text.contains("Ustedes dijeron, hicimos: Greener streets"), text);
        assertTrue(text.contains("School crossings: Aceptada") && text.contains("Antes 17\u00a0% Después 33\u00a0%"), text);
    }

    /** The count's steps, why an option was not funded and the support line are written in Spanish from the data. */
    @Test
    void spanishExplanationsOfTheCount() throws Exception {
        String es = text(ReportPdf.render(ReportFixtures.report(ReportFixtures.shift()), Locale.forLanguageTag("es")));
        assertTrue(es.contains("Quedó en el puesto 2 con 1 punto, pero cuando le llegó el turno solo quedaban"), es);
        assertTrue(es.contains("School crossings (12 puntos) cuesta 60.000"), es);
        assertTrue(es.contains("12 puntos; primera opción de 3 de 6 miembros del jurado"), es);
        assertFalse(es.contains("did not fit") || es.contains("is funded") || es.contains("first choice of"), es);
        String en = text(ReportPdf.render(ReportFixtures.report(ReportFixtures.shift()), Locale.ENGLISH));
        assertTrue(en.contains("Ranked 2 with 1 point, but when its turn came only £10,000 of the budget was left,"
                + " less than its cost £35,000: it did not fit."), en);
    }
    @Test
    void withDistrictBudgetsThePdfHasOneSectionPerBudgetAndLabelsEachDecision() throws Exception {
        String en = text(ReportPdf.render(ReportFixtures.withDistricts(), Locale.ENGLISH));
        assertTrue(en.contains("Each budget"), en);
        int city = en.indexOf("City-wide budget Envelope £120,000");
        int oldTown = en.indexOf("Old Town budget For residents of Old Town: envelope £15,000, counted by the rule"
                + " \"Most points first, while the budget lasts\" from 2 ballots of its residents.");
        assertTrue(city > 0 && oldTown > city, "city-wide first, then the district: " + en);
        assertTrue(en.contains("Support: Funded by the vote of the district's residents in its own budget (3 points,"
                + " 2 ballots)"), "a district winner's support, not the jury's: " + en);
        assertTrue(en.contains("Ranked 2 with 2 points, but when its turn came only £9,000 of the budget was left,"
                + " less than its cost £10,000: it did not fit."), "why, written from the data: " + en);
        assertTrue(en.contains("Funded: Mill Street lights"), en);
        assertTrue(en.contains("Funded: School crossings"), "the city-wide budget's winners are the jury count's");
        assertTrue(en.contains("3. Mill Street lights: Adopted Budget Old Town budget"), en);
        assertTrue(en.contains("1. School crossings: Adopted Budget City-wide budget"), en);
        String es = text(ReportPdf.render(ReportFixtures.withDistricts(), Locale.forLanguageTag("es")));
        assertTrue(es.contains("Cada presupuesto") && es.contains("Presupuesto de toda la ciudad")
                && es.contains("Para residentes de Old Town") && es.contains("a partir de 2 papeletas de sus residentes"), es);
        assertFalse(es.contains("Each budget") || es.contains("For residents of"), es);
    }

    @Test
    void withOneBudgetThePdfHasNoBudgetSections() throws Exception {
        String en = text(ReportPdf.render(ReportFixtures.report(ReportFixtures.shift()), Locale.ENGLISH));
        assertFalse(en.contains("Each budget") || en.contains("City-wide budget"), en);
    }

    @Test
    void theReportEmailNamesEachBudgetWhenThereAreDistrictBudgets() {
        String one = ReportText.mailBody(Locale.ENGLISH, "Greener streets", "https://x/report", 1, List.of());
        assertFalse(one.contains("section for each budget"), one);
        List<String> names = ReportText.budgetNames(ReportFixtures.withDistricts(), Locale.forLanguageTag("es"));
        assertTrue(names.equals(List.of("Presupuesto de toda la ciudad", "Old Town budget")), names.toString());
        String es = ReportText.mailBody(Locale.forLanguageTag("es"), "Calles", "https://x/report", 1, names);
        assertTrue(es.contains("El informe tiene una sección para cada presupuesto: Presupuesto de toda la ciudad,"
                + " Old Town budget."), es);
        assertTrue(es.contains("https://x/report"), es);
    }
}
