package org.civicloop.platform;

import jakarta.json.Json;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.civicloop.kernel.Messages;

/**
 * Every JSON request body is checked before it is bound to a Java type: at most 1 MiB, well formed to the end,
 * nested at most 64 levels deep, and without NUL characters in its text. Anything else is refused with problem details (413 or 400) before the binding
 * sees it. Then every number meant for a numeric field of the target type is checked strictly ({@link NumberFields}):
 * the binding would otherwise read 1e400 as 0, 50000.7 as 50000 and 10^12 as a wrapped-around int. (The binding skips values of unknown fields, and skipping an unterminated array never finished: a
 * request could hold a server thread for ever.)
 */
@Provider
public class JsonGuard implements ReaderInterceptor {

    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_DEPTH = 64;
    /** One factory for every request: {@code Json.createParser} looks the JSON provider up anew on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(java.util.Map.of());

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !(type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        byte[] body = readAtMost(context.getInputStream(), MAX_BYTES);
        String problem = problem(body);
        if (problem != null) {
            throw new WebApplicationException(Problem.response(400, "Malformed JSON", problem));
        }
        String numbers = NumberFields.problem(body, context.getGenericType(), ApiLanguage.current());
        if (numbers != null) {
            throw new WebApplicationException(Problem.response(400, "Invalid number", numbers));
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Spanish when the first language the client accepts is Spanish, else English. */

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > max) {
                throw new WebApplicationException(Problem.of(413, "Content Too Large", "problem.detail.tooLarge",
                        String.valueOf(max / 1024)));
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** Parses the whole document (without binding it): null when well formed and not too deep, else why not. */
    static String problem(byte[] body) {
        if (body.length == 0) {
            return null; // no body: the binding decides (a missing entity is refused by validation)
        }
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(body))) {
            int depth = 0;
            while (parser.hasNext()) {
                JsonParser.Event e = parser.next();
                if (e == JsonParser.Event.START_ARRAY || e == JsonParser.Event.START_OBJECT) {
                    if (++depth > MAX_DEPTH) {
                        return Messages.format(ApiLanguage.current(), "problem.detail.tooDeep",
                                String.valueOf(MAX_DEPTH));
                    }
                } else if (e == JsonParser.Event.END_ARRAY || e == JsonParser.Event.END_OBJECT) {
                    depth--;
                } else if ((e == JsonParser.Event.VALUE_STRING || e == JsonParser.Event.KEY_NAME)
                        && parser.getString().indexOf('\u0000') >= 0) {
                    // no text field takes a NUL character (PostgreSQL cannot even store one)
                    return Messages.format(ApiLanguage.current(), "problem.detail.nulText");
                }
            }
            return null;
        } catch (JsonParsingException | java.util.NoSuchElementException | IllegalStateException e) {
            return Messages.format(ApiLanguage.current(), "problem.detail.json");
        } catch (jakarta.json.JsonException e) {
            return Messages.format(ApiLanguage.current(), "problem.detail.json");
        }
    }
}
