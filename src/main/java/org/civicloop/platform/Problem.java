package org.civicloop.platform;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Map;
import org.civicloop.kernel.Messages;

/**
 * RFC 9457 problem details, the body of every REST error, in the request's language ({@link ApiLanguage#current()}):
 * the title and, where it comes from the message bundle, the detail. {@code code} (a refusal's message key, e.g.
 * {@code refused.eligibility.notVerified}) names the problem in every language; it is absent where there is none.
 */
public record Problem(String type, String title, int status, String detail, String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The bundle key of each title the API uses (its English text is the HTTP reason phrase or close to it). */
    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("Bad Request", "problem.title.badRequest"),
            Map.entry("Invalid input", "problem.title.invalidInput"), Map.entry("Invalid number",
                    "problem.title.invalidNumber"), Map.entry("Malformed JSON", "problem.title.malformedJson"),
            Map.entry("Unauthorized", "problem.title.unauthorized"), Map.entry("Forbidden", "problem.title.forbidden"),
            Map.entry("Not Found", "problem.title.notFound"), Map.entry("Method Not Allowed",
                    "problem.title.methodNotAllowed"), Map.entry("Not Acceptable", "problem.title.notAcceptable"),
            Map.entry("Conflict", "problem.title.conflict"), Map.entry("Content Too Large",
                    "problem.title.tooLarge"), Map.entry("Unsupported Media Type", "problem.title.unsupportedMedia"),
            Map.entry("Too Many Requests", "problem.title.tooManyRequests"), Map.entry("Internal Server Error",
                    "problem.title.serverError"), Map.entry("Error", "problem.title.error"));

    /** Problem details whose detail was written by the caller (already in the reader's language, or not language). */
    public static Response response(int status, String title, String detail) {
        return build(status, title, detail, null);
    }

    /** Problem details whose detail is the bundle's text of {@code key} in the request's language. */
    public static Response of(int status, String title, String key, Object... args) {
        return build(status, title, Messages.format(ApiLanguage.current(), key, args), null);
    }

    /** A refused use case: its message in the request's language, and its key as the {@code code}. */
    static Response refusal(int status, String title, String detail, String code) {
        return build(status, title, detail, code);
    }

    private static Response build(int status, String title, String detail, String code) {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(new Problem("about:blank", title(title, ApiLanguage.current()), status, detail, code))
                .build();
    }

    /** A title in {@code locale}; a title without a bundle key stays as given. */
    static String title(String english, Locale locale) {
        String key = TITLES.get(english);
        return key == null ? english : Messages.format(locale, key);
    }
}
