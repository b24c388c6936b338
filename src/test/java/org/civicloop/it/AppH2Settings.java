package org.civicloop.it;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The H2 settings the application runs with, read from the one place they are written: the default of the
 * {@code civicloop.h2.settings} variable in liberty/server.xml. Tests that open an H2 file as the server would build
 * their URL from here, so they cannot drift from what the server runs.
 */
final class AppH2Settings {

    private AppH2Settings() {
    }

    /** The settings part of the URL (after the file name), e.g. {@code MODE=PostgreSQL;...;WRITE_DELAY=0;...}. */
    static String settings() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var doc = factory.newDocumentBuilder().parse(Path.of("liberty", "server.xml").toFile());
            NodeList variables = doc.getElementsByTagName("variable");
            for (int i = 0; i < variables.getLength(); i++) {
                Element v = (Element) variables.item(i);
                if ("civicloop.h2.settings".equals(v.getAttribute("name"))) {
                    return v.getAttribute("defaultValue");
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read liberty/server.xml", e);
        }
        throw new IllegalStateException("liberty/server.xml has no civicloop.h2.settings variable");
    }

    /** A URL for an H2 file database (file name without .mv.db) with the application's settings. */
    static String url(Path file) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";" + settings();
    }
}
