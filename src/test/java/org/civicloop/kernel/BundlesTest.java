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
        Matcher m = Pattern.compile("\\{\\d+}").matcher(text);
        while (m.find()) {
            found.add(m.group());
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

    @Test
    void everyRefusalKeyUsedByTheCodeHasAText() throws Exception {
        Properties en = load("messages.properties");
        for (String key : new String[]{"refused.launch.noOpenItem", "refused.launch.outputsOnly",
                "refused.amend.countingRule", "refused.gate.jury", "refused.ballot.already"}) {
            assertTrue(en.containsKey(key), key);
            assertTrue(!Messages.format(java.util.Locale.forLanguageTag("es"), key).equals(key), key);
        }
    }
}
