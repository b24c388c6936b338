package org.civicloop.kernel;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The UI text bundle (org/civicloop/i18n/messages*.properties), shared by Faces pages, REST errors and refusals. */
public final class Messages {

    public static final String BUNDLE = "org.civicloop.i18n.messages";

    private Messages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
