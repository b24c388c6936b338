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

/**
 * A visitor switches to Spanish once and the choice holds: across pages, through signing in, and in a new browser
 * session (the cookie); the pages speak Spanish, amounts and dates are written the Spanish way (120.000, "23 de
 * diciembre de 2026"), and no page shows a missing-translation marker (Browser checks every page it reaches for
 * ???key???, and axe-core checks each in Spanish too); percentages and averages too (50 %, +0,50). A signed-in
 * person's choice is kept on their account and applies wherever they sign in.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Tag("browser")
class LanguageIT {

    private static final String SPANISH_DATE = "\\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto"
            + "|septiembre|octubre|noviembre|diciembre) de \\d{4}";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL base;

    /** The budgets shown on the home page's cycle cards. */
    private static List<String> budgets(Browser b) {
        b.find("#cycles .budget");
        return b.driver().findElements(By.cssSelector("#cycles .budget")).stream().map(e -> e.getText().strip())
                .toList();
    }

    private static String lang(Browser b) {
        return b.find("html").getDomAttribute("lang");
    }

    @Test
    void spanishPersistsAcrossPagesSignInAndSessionsWithSpanishFormats() throws Exception {
        long greener = ItSupport.cycleTitled(base, "Greener streets 2026");
        long youth = ItSupport.cycleTitled(base, "Youth spaces fund");
        try (Browser b = new Browser(base.toString(), Browser.PHONE)) {
            b.open("/");
            assertEquals("en", lang(b), "the browser asks for English (en-GB)");
            assertTrue(budgets(b).contains("£120,000"), "English money first: " + budgets(b));
            b.clickAndWait("a[lang='es']");
            assertEquals("es", lang(b));
            assertTrue(b.text("#main h1").contains("Opine sobre lo que financia su ayuntamiento"), b.pageText());
            List<String> budgets = budgets(b);
            assertTrue(budgets.stream().anyMatch(t -> t.matches("120\\.000\\s(GBP|£)")),
                    "amounts grouped and placed the Spanish way: " + budgets);
            assertFalse(budgets.stream().anyMatch(t -> t.startsWith("£")), budgets.toString());
            b.screenshots("language-01-home-es");

            // A few pages reached by plain links (new requests): still Spanish.
            b.open("/cycle.xhtml?id=" + greener);
            assertEquals("es", lang(b));
            assertTrue(b.text("#h-grabs").equals("Qué está en juego"), b.text("#h-grabs"));
            assertEquals("Cerrado", b.text("#current-phase"));
            assertTrue(b.text("#promise").matches("(?s)" + SPANISH_DATE + ":.*"), "a Spanish date: "
                    + b.text("#promise"));
            b.screenshots("language-02-cycle-es");
            b.clickAndWait("#report-link");
            assertTrue(b.pageText().contains("Ustedes dijeron, nosotros hicimos")
                    || b.pageText().contains("Qué se decidió y por qué"), b.pageText());
            // The report's views-changed figures: shares with the Spanish percent sign ("50 %"), average changes
            // with a decimal comma ("cambio medio +0,50"), average answers by group likewise ("3,50").
            String views = b.find("#views").getDomProperty("textContent");
            assertTrue(java.util.regex.Pattern.compile("\\d{1,3}\\h%").matcher(views).find(), "a Spanish percentage: " + views);
            assertFalse(java.util.regex.Pattern.compile("\\d%").matcher(views).find(), "no English percentage: " + views);
            assertTrue(java.util.regex.Pattern.compile("cambio medio [+-]?\\d+,\\d{2};").matcher(views).find(),
                    "a Spanish average change: " + views);
            assertTrue(java.util.regex.Pattern.compile("(?<![\\d.,])\\d,\\d{2}(?![\\d.,])").matcher(views).find(),
                    "a Spanish average: " + views);
            b.open("/evidence.xhtml?id=" + greener);
            assertEquals("Dossier de evidencias", b.text("#pack-title"));
            b.open("/outcomes.xhtml?cycle=" + greener);
            String progress = b.text("#progress-table tbody");
            assertTrue(progress.matches("(?s).*\\d{1,3}\\h%.*"), "progress as a Spanish percentage: " + progress);
            b.open("/receipt.xhtml");
            assertEquals("Compruebe su papeleta", b.text("#main h1"));
            b.open("/audit.xhtml");
            b.open("/engagement.xhtml");

            // Signing in keeps the language, and the ballot's running cost is written the Spanish way.
            b.open("/login.xhtml");
            assertTrue(b.pageText().contains("Nombre de usuario"), b.pageText());
            b.signIn("resident04", ItSupport.DEMO_PASSWORD);
            assertEquals("es", lang(b), "still Spanish after signing in");
            assertTrue(b.text("#logoutForm").contains("Sesión iniciada como"), b.text("#logoutForm"));
            assertEquals("Cerrar sesión", b.find("#logoutForm\\:logout").getDomProperty("value"));
            b.open("/account/vote.xhtml?id=" + youth);
            // resident04 has no ballot here: not on the jury, no paper ballot in the demo, used by no other test.
            assertFalse(b.driver().findElements(By.cssSelector("#rank-pool .rank-add")).isEmpty(),
                    "the ballot's controls for a resident who has not voted: " + b.pageText());
            b.find("#rank-pool .rank-add").click();
            b.find("#rank-pool .rank-add").click();
            String running = b.text("#running-cost");
            assertTrue(running.contains("Ha ordenado 2 opciones") && running.contains("85.000")
                    && running.contains("80.000"), "the running cost in Spanish: " + running);
            b.screenshots("language-03-ballot-es");

            // A new session (the server forgets it) still starts in Spanish: the choice is kept in a cookie.
            String cookies = b.driver().manage().getCookies().toString();
            // As a browser does when it is closed and opened again: only the lasting cookies stay.
            b.driver().manage().getCookies().stream().filter(c -> c.getExpiry() == null).toList()
                    .forEach(c -> b.driver().manage().deleteCookie(c));
            b.open("/");
            assertEquals("es", lang(b), "the cookie keeps the language for a new session: " + cookies);
            assertTrue(b.driver().findElements(By.id("logoutForm")).isEmpty(), "signed out by the new session");

            // And back to English; signing in then keeps English on the account too (it had kept Spanish).
            b.clickAndWait("a[lang='en']");
            assertEquals("en", lang(b));
            b.open("/cycle.xhtml?id=" + greener);
            assertEquals("Closed", b.text("#current-phase"));
            b.signIn("resident04", ItSupport.DEMO_PASSWORD);
            assertEquals("en", lang(b), "the language chosen just before signing in is the person's choice");
            assertEquals(List.of(), b.accessibilityProblems());
        }
        try (Browser other = new Browser(base.toString(), Browser.PHONE)) {
            other.signIn("resident04", ItSupport.DEMO_PASSWORD);
            assertEquals("en", lang(other), "English is what resident04's account keeps now");
        }
    }

    /**
     * A signed-in person's choice is kept on their account: it follows them to another browser (which has never
     * seen the cookie), it wins there over that browser's language, and a later choice elsewhere wins in turn. After
     * signing out, the cookie still speaks for the browser.
     */
    @Test
    void theLanguageKeptOnTheAccountFollowsThePersonToAnyBrowser() throws Exception {
        String username = "lang" + Long.toString(System.currentTimeMillis(), 36);
        String password = "a long enough passphrase 7";
        try (Browser first = new Browser(base.toString(), Browser.DESKTOP);
             Browser second = new Browser(base.toString(), Browser.PHONE)) {
            first.open("/register.xhtml");
            first.type("#register\\:username", username);
            first.type("#register\\:displayName", "Language Tester");
            first.type("#register\\:password", password);
            first.clickAndWait("#register\\:submit");
            first.signIn(username, password);
            assertEquals("en", lang(first));
            first.clickAndWait("a[lang='es']");
            assertEquals("es", lang(first));
            assertTrue(first.text("#main h1").contains("Opine sobre lo que financia su ayuntamiento"), first.pageText());
            String cookies = first.driver().manage().getCookies().toString();
            first.clickAndWait("#logoutForm\\:logout");
            assertEquals("es", lang(first), "signed out, the cookie keeps Spanish for this browser: " + cookies + " then "
                    + first.driver().manage().getCookies());

            second.open("/");
            assertEquals("en", lang(second), "a browser that asks for English and has no cookie");
            second.signIn(username, password);
            assertEquals("es", lang(second), "the account's language applies at sign-in on another browser");
            assertTrue(second.text("#logoutForm").contains("Sesión iniciada como"), second.text("#logoutForm"));
            second.open("/index.xhtml");
            assertEquals("es", lang(second), "and stays for the session");

            second.clickAndWait("a[lang='en']");
            assertEquals("en", lang(second));
            first.signIn(username, password);
            assertEquals("en", lang(first), "the latest choice, kept on the account, wins over this browser's cookie");
            assertEquals(List.of(), first.accessibilityProblems());
            assertEquals(List.of(), second.accessibilityProblems());
        }
    }

    /**
     * The count's explanations (why an option was not funded, the steps, the support lines) read in Spanish on the
     * cycle's results and on the report: each is the Spanish sentence written from the data the results API
     * publishes beside its English text (options by name, money the Spanish way), and no English sentence is left.
     */
    @Test
    void theCountsExplanationsAreInSpanishOnTheResultsAndTheReport() throws Exception {
        long id = ItSupport.cycleTitled(base, "Greener streets 2026");
        jakarta.json.JsonObject results = ItSupport.get(base, "/api/v1/cycles/" + id + "/results").json();
        jakarta.json.JsonObject count = results.getJsonObject("jury").getJsonObject("count");
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (jakarta.json.JsonObject o : ItSupport.get(base, "/api/v1/cycles/" + id + "/options").array()
                .getValuesAs(jakarta.json.JsonObject.class)) {
            names.put(o.getString("code"), o.getString("title"));
        }
        org.civicloop.voting.count.text.ExplanationText spanish = new org.civicloop.voting.count.text.ExplanationText(
                java.util.Locale.forLanguageTag("es"), names, results.getString("currency"));
        List<String> english = new java.util.ArrayList<>();
        List<String> expected = new java.util.ArrayList<>();
        count.getJsonObject("lost").forEach((code, why) -> english.add(((jakarta.json.JsonString) why).getString()));
        count.getJsonObject("lostReasons").forEach((code, why) -> expected.add(spanish.text(
                why.asJsonObject().getString("code"), plain(why.asJsonObject().getJsonObject("values")))));
        for (jakarta.json.JsonObject round : count.getJsonArray("rounds").getValuesAs(jakarta.json.JsonObject.class)) {
            english.add(round.getString("description"));
            expected.add(spanish.text(round.getString("code"), plain(round.getJsonObject("values"))));
        }
        assertFalse(english.isEmpty() || expected.contains(null), count.toString());
        String cyclePage = pageText(ItSupport.get(base, "/cycle.xhtml?id=" + id, "Accept-Language", "es").body());
        String report = pageText(ItSupport.get(base, "/report.xhtml?cycle=" + id, "Accept-Language", "es").body());
        for (String page : List.of(cyclePage, report)) {
            for (String sentence : english) {
                assertFalse(page.contains(space(sentence)), "English left on a Spanish page: " + sentence);
            }
            for (String sentence : expected) {
                assertTrue(page.contains(space(sentence)), "the Spanish explanation \"" + sentence + "\" in " + page);
            }
            assertFalse(page.contains(" points; first choice of"), "support lines in Spanish: " + page);
        }
        assertTrue(cyclePage.contains("primera opción de"), "the support line of a recommendation: " + cyclePage);
    }

    /** JSON values as the explanation writer reads them: numbers as decimals, lists and maps as Java ones. */
    private static java.util.Map<String, Object> plain(jakarta.json.JsonObject o) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        o.forEach((k, v) -> m.put(k, plain(v)));
        return m;
    }

    private static Object plain(jakarta.json.JsonValue v) {
        return switch (v.getValueType()) {
            case NUMBER -> ((jakarta.json.JsonNumber) v).bigDecimalValue();
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case ARRAY -> v.asJsonArray().stream().map(LanguageIT::plain).toList();
            case OBJECT -> plain(v.asJsonObject());
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }

    /** A page's text: tags dropped, entities decoded, every kind of space one space. */
    private static String pageText(String html) {
        String text = html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int c = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(new String(Character.toChars(c))));
        }
        m.appendTail(sb);
        return space(sb.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&nbsp;", " ").replace("&amp;", "&"));
    }

    private static String space(String s) {
        return s.replaceAll("[\\s\u00a0\u202f]+", " ");
    }
}
