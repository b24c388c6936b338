package org.civicloop.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/** A NUL character in an API path or query is refused at once (400): no id, code or search term contains one. */
@Provider
@PreMatching
public class NulGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().getRawPath() + "?"
                + request.getUriInfo().getRequestUri().getRawQuery();
        if (raw.toLowerCase(Locale.ROOT).contains("%00")) {
            request.abortWith(Problem.of(400, "Bad Request", "problem.detail.nul"));
        }
    }
}
