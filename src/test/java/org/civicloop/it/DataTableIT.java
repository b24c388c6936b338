package org.civicloop.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The back office's list tables (WEB-INF/tags/table.xhtml) on a converted one, the options of the demo's "Greener
 * streets 2026" (A School crossings £60,000, B Street trees £48,000, C Parklets £30,000, D Cycle hangars £24,000):
 * a click on a column header sorts it (and says so to assistive technology), the filter input has a label in the
 * page's language and narrows the rows, and the CSV download holds exactly the rows shown, with the columns' names
 * and the amounts as the page writes them, in English and in Spanish. axe-core judges every state (Browser).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class DataTableIT {

    private static final String TABLE = "#optionList\\:table";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /** The header cell of the column with this title. */
    private static WebElement header(Browser b, String title) {
        b.find(TABLE + " thead th");
        return b.await(d -> d.findElements(By.cssSelector(TABLE + " thead th")).stream()
                .filter(th -> th.findElements(By.cssSelector(".ui-column-title")).stream()
                        .anyMatch(t -> t.getText().strip().equals(title)))
                .findFirst().orElse(null));
    }

    /** The option codes in the order the table shows them. */
    private static List<String> codes(Browser b) {
        return b.await(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector(TABLE + "_data > tr"));
            List<String> out = rows.stream().map(r -> r.findElements(By.tagName("td")))
                    .filter(cells -> cells.size() > 1).map(cells -> cells.get(0).getText().strip()).toList();
            return out.isEmpty() ? null : out;
        });
    }

    private static void sortBy(Browser b, String title, String order, List<String> expected) {
        header(b, title).click();
        b.await(d -> order.equals(header(b, title).getDomAttribute("aria-sort")) ? true : null);
        try {
            b.await(d -> codes(b).equals(expected) ? true : null);
        } catch (org.openqa.selenium.TimeoutException e) {
            assertEquals(expected, codes(b), "sorted by " + title + " " + order);
        }
        b.checkAccessibility();
    }

    /** Scrolls the options section to the top of the window, for the screenshots. */
    private static void showTable(Browser b) {
        ((JavascriptExecutor) b.driver()).executeScript(
                "document.getElementById('h-options').scrollIntoView({block: 'start'});");
    }

    /** Posts the table's form with its CSV button, as the button does, and returns the file the server sends. */
    private static String csv(Browser b) {
        Object text = ((JavascriptExecutor) b.driver()).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; var form = document.getElementById('optionList');"
                + " var data = new URLSearchParams(new FormData(form));"
                + " data.append('optionList:tableCsv', 'optionList:tableCsv');"
                + " fetch(form.action, {method: 'POST', body: data, credentials: 'same-origin'})"
                + "   .then(function (r) { return r.text().then(function (t) {"
                + "     done(r.headers.get('Content-Disposition') + '\\n' + t); }); })"
                + "   .catch(function (e) { done('failed: ' + e); });");
        return String.valueOf(text);
    }

    @Test
    void optionsSortFilterAndDownloadAsShownInEnglishAndSpanish() throws Exception {
        long greener = ItSupport.cycleTitled(base, "Greener streets 2026");
        try (Browser b = new Browser(base.toString(), Browser.DESKTOP)) {
            b.signIn("officer", ItSupport.DEMO_PASSWORD);
            try {
                sortFilterAndDownload(b, greener);
            } finally {
                // The choice of Spanish was kept on the officer's account: give it back English for other tests.
                b.open("/index.xhtml");
                if (!b.driver().findElements(By.cssSelector("a[lang='en']:not(.is-current)")).isEmpty()) {
                    b.clickAndWait("a[lang='en']");
                }
            }
            assertEquals(List.of(), b.accessibilityProblems());
        }
    }

    private static void sortFilterAndDownload(Browser b, long greener) throws Exception {
        b.open("/officer/cycle.xhtml?id=" + greener);
        assertEquals(List.of("A", "B", "C", "D"), codes(b), "first in the order they were written");

        // Every filter input is labelled with its column's name; every sortable header says how to sort it.
        List<WebElement> filters = b.driver().findElements(By.cssSelector(TABLE + " thead input.ui-column-filter"));
        assertEquals(2, filters.size(), "code and option can be filtered");
        for (WebElement f : filters) {
            String label = f.getDomAttribute("aria-label");
            assertTrue(label != null && label.startsWith("Filter "), "a label on the filter: " + label);
        }
        assertTrue(header(b, "Option").findElement(By.cssSelector("input.ui-column-filter"))
                .getDomAttribute("aria-label").endsWith("Option"));
        assertFalse(String.valueOf(header(b, "Cost").getDomAttribute("aria-label")).isBlank());

        // Sorting by cost: cheapest first, dearest first, cheapest first again.
        sortBy(b, "Cost", "ascending", List.of("D", "C", "B", "A"));
        sortBy(b, "Cost", "descending", List.of("A", "B", "C", "D"));
        sortBy(b, "Cost", "ascending", List.of("D", "C", "B", "A"));
        showTable(b);
        b.screenshot("table-options-sorted-desktop");

        // The CSV holds what is shown, in that order, with the columns' names and the amounts as written.
        String all = csv(b);
        assertTrue(all.startsWith("attachment") && all.contains("options.csv"), all);
        List<String> lines = all.lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertEquals("\"Code\",\"Option\",\"Cost\",\"Described\"", lines.get(0), all);
        assertEquals(List.of("\"D\",\"Cycle hangars\",\"£24,000\",\"No\"", "\"C\",\"Parklets\",\"£30,000\",\"No\"",
                "\"B\",\"Street trees\",\"£48,000\",\"No\"", "\"A\",\"School crossings\",\"£60,000\",\"Yes\""),
                lines.subList(1, lines.size()), all);

        // Filtering on the option's name: only the trees are left, on the page and in the CSV.
        WebElement optionFilter = header(b, "Option").findElement(By.cssSelector("input.ui-column-filter"));
        optionFilter.sendKeys("tree");
        b.await(d -> codes(b).equals(List.of("B")) ? true : null);
        b.checkAccessibility();
        showTable(b);
        b.screenshot("table-options-filtered-desktop");
        List<String> filtered = csv(b).lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertEquals(List.of("\"Code\",\"Option\",\"Cost\",\"Described\"", "\"B\",\"Street trees\",\"£48,000\",\"No\""),
                filtered);

        // In Spanish: the labels, the column names in the CSV and the amounts follow the language.
        b.clickAndWait("a[lang='es']");
        b.open("/officer/cycle.xhtml?id=" + greener);
        for (WebElement f : b.driver().findElements(By.cssSelector(TABLE + " thead input.ui-column-filter"))) {
            String label = f.getDomAttribute("aria-label");
            assertTrue(label != null && label.startsWith("Filtrar "), "a Spanish label on the filter: " + label);
        }
        sortBy(b, "Coste", "ascending", List.of("D", "C", "B", "A"));
        List<String> spanish = csv(b).lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertEquals("\"Código\",\"Opción\",\"Coste\",\"Descrita\"", spanish.get(0), spanish.toString());
        assertTrue(spanish.get(1).matches("\"D\",\"Cycle hangars\",\"24\\.000\\h(GBP|£)\",\"No\""), spanish.get(1));
        assertTrue(spanish.get(4).startsWith("\"A\",\"School crossings\",\"60.000") && spanish.get(4).endsWith(",\"Sí\""),
                spanish.get(4));
    }

    /**
     * A bad entry on an officer form is refused next to the field: the message stands beside it, the field is marked
     * invalid and points at the message (so a screen reader reads them together), and nothing is created; put right,
     * the same form goes through.
     */
    @Test
    void aBadFigureIsRefusedBesideItsField() throws Exception {
        try (Browser b = new Browser(base.toString(), Browser.DESKTOP)) {
            b.signIn("officer", ItSupport.DEMO_PASSWORD);
            b.open("/officer/cycles.xhtml");
            String title = "Bad budget " + System.currentTimeMillis();
            b.type("#newCycle\\:council", "Riverside");
            b.type("#newCycle\\:title", title);
            b.type("#newCycle\\:budget", "lots");
            b.clickAndWait("#newCycle\\:open");
            WebElement budget = b.find("#newCycle\\:budget");
            assertEquals("true", budget.getDomAttribute("aria-invalid"));
            String describedBy = budget.getDomAttribute("aria-describedby");
            assertTrue(describedBy != null && !describedBy.isBlank(), "the field points at its message");
            WebElement message = b.driver().findElement(By.id(describedBy));
            assertTrue(message.getText().contains("whole number"), message.getText());
            assertEquals(null, b.find("#newCycle\\:title").getDomAttribute("aria-invalid"), "the good field is not marked");
            assertFalse(b.text("#cycles").contains(title), "no cycle was opened");

            // Put right, the same form goes through: one cycle, and the field is no longer marked.
            b.type("#newCycle\\:budget", "9000");
            b.clickAndWait("#newCycle\\:open");
            assertEquals(title, b.text("#cycle-title"), b.pageText());
            b.open("/officer/cycles.xhtml");
            b.find("#cycles\\:table thead input.ui-column-filter").sendKeys(title);
            b.await(d -> d.findElements(By.cssSelector("#cycles\\:table_data > tr")).size() == 1 ? true : null);
            assertEquals(1, b.driver().findElements(By.linkText(title)).size(), "opened once");
            assertEquals(null, b.find("#newCycle\\:budget").getDomAttribute("aria-invalid"));
            assertEquals(List.of(), b.accessibilityProblems());
        }
    }
}
