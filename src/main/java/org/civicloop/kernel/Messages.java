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

    /**
     * An argument that writes itself in the reader's language, e.g. a structured explanation that a refusal carries
     * (its parts are texts of this bundle too).
     */
    public interface Localized {
        String text(Locale locale);
    }

    /** The text of {@code key} in {@code locale}, with {@code args} ({@link Localized} ones in the same language). */
    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.ENGLISH : locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] filled = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            filled[i] = args[i] instanceof Localized l ? l.text(locale == null ? Locale.ENGLISH : locale) : args[i];
        }
        return new MessageFormat(pattern, locale).format(filled);
    }
}
