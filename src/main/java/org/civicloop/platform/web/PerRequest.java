package org.civicloop.platform.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a request-scoped page section has already read while the page renders, so that a figure the page shows in
 * several places (EL calls such as {@code #{cycleResults.juryCount(c.id)}}) reaches the database once per request.
 * Only reads made while the response renders are kept: a form's action may change what an earlier phase of the same
 * request read (volunteering changes "has volunteered" and the pool's size).
 */
public final class PerRequest {

    private final Map<String, Object> read = new HashMap<>();

    /** The value read for {@code what} of this cycle earlier in the request, else read now and kept. */
    @SuppressWarnings("unchecked")
    public <T> T once(String what, long cycleId, Supplier<T> reading) {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces == null || faces.getCurrentPhaseId() != PhaseId.RENDER_RESPONSE) {
            return reading.get();
        }
        String key = what + ':' + cycleId;
        if (!read.containsKey(key)) {
            read.put(key, reading.get());
        }
        return (T) read.get(key);
    }
}
