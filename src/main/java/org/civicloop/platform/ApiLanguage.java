package org.civicloop.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;

/**
 * The language an API answer writes its generated sentences in: {@code ?lang=en|es} when given, else the request's
 * first Accept-Language, else English (the app speaks English and Spanish). Codes and values beside the sentences
 * never change with it. Problem details follow it too ({@link #current()}, set for each request by {@link Filter}).
 */
public final class ApiLanguage {

    private static final Locale SPANISH = Locale.forLanguageTag("es");
    private static final ThreadLocal<Locale> CURRENT = new ThreadLocal<>();

    private ApiLanguage() {
    }

    public static Locale of(HttpHeaders headers, String lang) {
        return of(headers == null ? List.of() : headers.getAcceptableLanguages(), lang);
    }

    public static Locale of(List<Locale> acceptable, String lang) {
        Locale asked = lang != null && !lang.isBlank() ? Locale.forLanguageTag(lang.strip())
                : acceptable.stream().findFirst().orElse(Locale.ENGLISH);
        return "es".equals(asked.getLanguage()) ? SPANISH : Locale.ENGLISH;
    }

    /** The language of the API request this thread is answering (English outside a request). */
    public static Locale current() {
        Locale l = CURRENT.get();
        return l == null ? Locale.ENGLISH : l;
    }

    /**
     * Notes each API request's language before any other filter runs (so that a request refused by a guard, an
     * exception mapper or a use case is answered in it) and forgets it when the answer leaves.
     */
    @Provider
    @PreMatching
    @Priority(100)
    public static class Filter implements ContainerRequestFilter, ContainerResponseFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            List<Locale> acceptable;
            try {
                acceptable = request.getAcceptableLanguages();
            } catch (RuntimeException malformedHeader) {
                acceptable = List.of();
            }
            CURRENT.set(of(acceptable, request.getUriInfo().getQueryParameters().getFirst("lang")));
        }

        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            CURRENT.remove();
        }
    }
}
