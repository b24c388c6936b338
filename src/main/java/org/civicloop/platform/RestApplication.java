package org.civicloop.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/** The versioned public REST API lives under /api/v1. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "CivicLoop API", version = "1",
        description = "Deliberation cycles, their mandates, juries, evidence, votes, decisions and outcomes, and the"
                + " audit log that proves every step. Errors are problem details (RFC 9457) in JSON.",
        license = @License(name = "Open data: results, ballots (anonymised) and the audit log are public")))
public class RestApplication extends Application {
}
