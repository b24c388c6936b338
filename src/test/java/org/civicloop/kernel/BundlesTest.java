package org.civicloop.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every interface text exists in English and Spanish, with the same placeholders. */
class BundlesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/civicloop/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)[,}]").matcher(text);
        while (m.find()) {
            found.add("{" + m.group(1) + "}");
        }
        return found;
    }

    @Test
    void spanishHasEveryKeyWithTheSamePlaceholders() throws Exception {
        Properties en = load("messages.properties");
        Properties es = load("messages_es.properties");
        assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(es.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(placeholders(en.getProperty(key)), placeholders(es.getProperty(key)), key);
            assertTrue(!es.getProperty(key).isBlank(), key);
        }
    }

    /**
     * A text with placeholders is written by MessageFormat, which takes a single apostrophe as a quote and drops it
     * ("the electorate's districts" would read "the electorates districts"): such texts write it twice.
     */
    @Test
    void textsWithPlaceholdersDoubleTheirApostrophes() throws Exception {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String name : new String[]{"messages.properties", "messages_es.properties"}) {
            Properties p = load(name);
            Set<String> wrong = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (!placeholders(text).isEmpty() && lone.matcher(text).find()) {
                    wrong.add(key);
                }
            }
            assertEquals(Set.of(), wrong, name + ": write '' for an apostrophe in these texts");
        }
    }

    /**
     * A text without placeholders is shown as written ({@link Messages#format} and the pages' {@code msg[...]} do not
     * run it through MessageFormat), so a doubled apostrophe there would be read twice ("the file''s columns").
     */
    @Test
    void textsWithoutPlaceholdersWriteASingleApostrophe() throws Exception {
        for (String name : new String[]{"messages.properties", "messages_es.properties"}) {
            Properties p = load(name);
            Set<String> wrong = new TreeSet<>();
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (placeholders(text).isEmpty() && text.contains("''")) {
                    wrong.add(key);
                }
            }
            assertEquals(Set.of(), wrong, name + ": these texts are shown as written: write ' for an apostrophe");
        }
        // and such a text keeps its apostrophe when a refusal carrying it is written
        assertTrue(Messages.format(java.util.Locale.ENGLISH, "refused.budget.residentsOnly")
                .contains("residents' ballots"));
        assertTrue(Messages.format(java.util.Locale.ENGLISH, "refused.pool.noQuotas").contains("the file's columns"));
    }

    /** A key written twice is silently the later text: two people's edits merged into one file must not do that. */
    @Test
    void noBundleNamesAKeyTwice() throws Exception {
        for (String name : new String[]{"messages.properties", "messages_en.properties", "messages_es.properties"}) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = BundlesTest.class.getResourceAsStream("/org/civicloop/i18n/" + name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("(?m)^([^#!\\s=:][^=:\\s]*)\\s*[=:]").matcher(text);
                while (m.find()) {
                    if (!seen.add(m.group(1))) {
                        twice.add(m.group(1));
                    }
                }
            }
            assertEquals(Set.of(), twice, name + " names these keys twice");
        }
    }

    @Test
    void everyRefusalKeyUsedByTheCodeHasAText() throws Exception {
        Properties en = load("messages.properties");
        for (String key : new String[]{"refused.launch.noOpenItem", "refused.launch.outputsOnly",
                "refused.amend.countingRule", "refused.gate.jury", "refused.ballot.already"}) {
            assertTrue(en.containsKey(key), key);
            assertTrue(!Messages.format(java.util.Locale.forLanguageTag("es"), key).equals(key), key);
        }
    }

    /** Every page's literal message key (msg['key'] and msg.key in the .xhtml files) has a text. */
    @Test
    void everyKeyThePagesNameHasAText() throws Exception {
        Properties en = load("messages.properties");
        Pattern key = Pattern.compile("msg\\['([A-Za-z0-9_.\\-]+)'\\]");
        Set<String> missing = new TreeSet<>();
        int seen = 0;
        try (java.util.stream.Stream<java.nio.file.Path> pages = java.nio.file.Files.walk(
                java.nio.file.Path.of("src", "main", "webapp"))) {
            for (java.nio.file.Path page : pages.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher m = key.matcher(java.nio.file.Files.readString(page));
                while (m.find()) {
                    seen++;
                    if (!en.containsKey(m.group(1))) {
                        missing.add(page.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(seen > 500, "the pages were read: " + seen);
        assertEquals(Set.of(), missing);
    }
}
