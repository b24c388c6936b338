package org.civicloop.platform;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/**
 * The language an API answer writes its generated sentences in: {@code ?lang=en|es} when given, else the request's
 * first Accept-Language, else English (the app speaks English and Spanish). Codes and values beside the sentences
 * never change with it.
 */
public final class ApiLanguage {

    private ApiLanguage() {
    }

    public static Locale of(HttpHeaders headers, String lang) {
        Locale asked = lang != null && !lang.isBlank() ? Locale.forLanguageTag(lang.strip())
                : headers == null ? Locale.ENGLISH
                : headers.getAcceptableLanguages().stream().findFirst().orElse(Locale.ENGLISH);
        return "es".equals(asked.getLanguage()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    }
}
