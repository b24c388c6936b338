package org.civicloop.platform;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * CSRF protection for the REST API: a state-changing request must either carry credentials of its own
 * (Authorization header) or the custom header X-CivicLoop-Request, which a browser will not send cross-site
 * without a CORS pre-flight that this API never grants. Faces forms are protected by their view state.
 */
@Provider
@PreMatching
public class CsrfGuard implements ContainerRequestFilter {

    public static final String HEADER = "X-CivicLoop-Request";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return;
        }
        if (request.getHeaderString("Authorization") != null || request.getHeaderString(HEADER) != null) {
            return;
        }
        request.abortWith(Problem.of(403, "Forbidden", "problem.detail.csrf", HEADER));
    }
}
