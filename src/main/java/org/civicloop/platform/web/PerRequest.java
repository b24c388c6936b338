package org.civicloop.platform.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a request-scoped page section has already read, so that a figure the page shows in several places (EL calls
 * such as {@code #{cycleResults.juryCount(c.id)}}) reaches the database once per request.
 */
public final class PerRequest {

    private final Map<String, Object> read = new HashMap<>();

    /** The value read for {@code what} of this cycle earlier in the request, else read now and kept. */
    @SuppressWarnings("unchecked")
    public <T> T once(String what, long cycleId, Supplier<T> reading) {
        String key = what + ':' + cycleId;
        if (!read.containsKey(key)) {
            read.put(key, reading.get());
        }
        return (T) read.get(key);
    }
}
